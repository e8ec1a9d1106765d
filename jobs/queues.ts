import { z } from 'zod'

/**
 * The job contracts: one name, one payload schema and one set of options each. Producers (web) and consumers
 * (worker) share them; `Processors` makes a missing processor a compile error.
 */
export type Backoff = { type: 'exponential' | 'fixed'; delay: number; jitter?: number }
export type JobContract<P extends z.ZodType> = {
  queue: string
  payload: P
  options: { attempts: number; backoff: Backoff }
}

export const jobContracts = {
  /** Run a chat's pending inbox events, in LINE's order, up to and including this one. */
  'process-chat': {
    queue: 'line-events',
    payload: z.object({ chatKey: z.string().min(1), inboundEventId: z.number().int().positive() }),
    options: { attempts: 8, backoff: { type: 'exponential', delay: 500, jitter: 0.5 } },
  },
  /** Deliver one outbox row to LINE (reply while the token is fresh, else push with its retry key). */
  'deliver-outbound': {
    queue: 'outbound',
    payload: z.object({ outboundId: z.uuid() }),
    // 429/5xx retry with exponential backoff and jitter: 1 s, 2 s, 4 s ... about 17 min in all.
    options: { attempts: 11, backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 } },
  },
  /** Give a citizen the rich menu of their language (after a follow or a language change). */
  'link-rich-menu': {
    queue: 'outbound',
    payload: z.object({
      lineUserId: z.string().regex(/^U[0-9a-f]{32}$/),
      language: z.enum(['th', 'en']),
      /** citizens.menu_version this job links (an older version stands down). */
      version: z.number().int().nonnegative(),
    }),
    // LINE's 429/5xx: 1 s, 2 s, 4 s, 8 s, 16 s.
    options: { attempts: 6, backoff: { type: 'exponential', delay: 1_000, jitter: 0.3 } },
  },
  /** Fetch and keep a citizen's image, video, audio or file that joined a case (bot/cases/case-media.ts). */
  'fetch-content': {
    queue: 'outbound',
    payload: z.object({ caseEventId: z.number().int().positive() }),
    // LINE's 429/5xx: 2 s, 4 s, 8 s ... about 17 min in all (LINE keeps the content for a while).
    options: { attempts: 10, backoff: { type: 'exponential', delay: 2_000, jitter: 0.3 } },
  },
  /** The day's retention run (bot/privacy/retention.ts); its key is the Bangkok date, so it runs once a day. */
  retention: {
    queue: 'maintenance',
    payload: z.object({ runKey: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
    options: { attempts: 4, backoff: { type: 'exponential', delay: 60_000, jitter: 0.3 } },
  },
} as const satisfies Record<string, JobContract<z.ZodType>>

export type JobName = keyof typeof jobContracts
export type JobPayload<N extends JobName> = z.infer<(typeof jobContracts)[N]['payload']>
export type JobMeta = { id: string; attemptsMade: number; attempts: number }
export type Processor<N extends JobName> = (payload: JobPayload<N>, meta: JobMeta) => Promise<unknown>
export type Processors = { [N in JobName]: Processor<N> }

export type EnqueueOptions = { jobId: string; delayMs?: number }
export type Enqueue = <N extends JobName>(name: N, payload: JobPayload<N>, opts: EnqueueOptions) => Promise<void>
export type EnqueueMany = <N extends JobName>(
  name: N,
  jobs: { payload: JobPayload<N>; opts: EnqueueOptions }[],
) => Promise<void>

/** A job that must not be retried (bad payload, or a failure that a retry cannot mend). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError'
}

/** The queue behind the contracts: BullMQ over Redis, or the in-process runner. */
export interface JobBus {
  readonly kind: 'bullmq' | 'in-process'
  enqueue: Enqueue
  enqueueMany: EnqueueMany
  /** Start consuming: only the worker role calls this ("gate the consumer, never the producer"). */
  startWorkers(processors: Processors, opts: { concurrency: number; onOutcome?: OutcomeListener }): void
  ping(): Promise<void>
  /** Jobs of this name waiting to run (the sweeper leaves a backlog that is being worked alone). */
  backlog(name: JobName): Promise<number>
  /** Stops taking new jobs and waits for in-flight ones (or returns them to the queue). */
  close(): Promise<void>
}
export type OutcomeListener = (name: JobName, outcome: 'completed' | 'retried' | 'failed', err?: unknown) => void

/** Delay before retry `attemptsMade` (1-based), the same formula for both runners. */
export function backoffDelay(backoff: Backoff, attemptsMade: number, random = Math.random): number {
  const base = backoff.type === 'fixed' ? backoff.delay : backoff.delay * 2 ** (attemptsMade - 1)
  const jitter = backoff.jitter ?? 0
  return Math.round(base * (1 - jitter) + base * jitter * random())
}

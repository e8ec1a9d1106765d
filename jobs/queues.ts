import { createHash } from 'node:crypto'
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
  // ── House watch and patrols (issue #13) ──
  /** A patrol visit's own notice: a finding to the owner and the station's group, every visit to each-visit owners. */
  'house-watch-visit': {
    queue: 'outbound',
    payload: z.object({ visitId: z.uuid() }),
    options: { attempts: 6, backoff: { type: 'exponential', delay: 2_000, jitter: 0.3 } },
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

/** Enqueues the jobs whose ID names no job that will still run; resolves to how many were (re)enqueued. */
export type Requeue = <N extends JobName>(
  name: N,
  jobs: { payload: JobPayload<N>; opts: EnqueueOptions }[],
) => Promise<number>

/**
 * The process-chat job of an inbox event: derived from LINE's `webhookEventId`, never from the row's serial, so a
 * database restored or recreated beside the same Redis never names a new event's job after an old one (BullMQ would
 * take it for a duplicate and drop it). A redelivery has the same ID, so it names the same job.
 */
export function chatJobId(webhookEventId: string): string {
  // LINE's IDs are ULIDs; anything else (BullMQ refuses ':' and integers) is named by a hash of it.
  return /^[0-9A-Za-z_-]{1,64}$/.test(webhookEventId)
    ? `evt_${webhookEventId}`
    : `evt_h${createHash('sha256').update(webhookEventId).digest('hex').slice(0, 40)}`
}

/**
 * The job that fetches a citizen's media (a `message_in` timeline entry): named by LINE's message ID, unique like the
 * webhook event's, so a restored database's new entry is never taken for an old job (and it is asked for once).
 */
export function contentJobId(lineMessageId: string): string {
  return /^[0-9A-Za-z_-]{1,64}$/.test(lineMessageId)
    ? `content_${lineMessageId}`
    : `content_h${createHash('sha256').update(lineMessageId).digest('hex').slice(0, 40)}`
}

/** The delivery job of an outbox row: derived from the row's UUID, so every enqueue of it names the same job. */
export function deliveryJobId(outboundId: string): string {
  return `out_${outboundId}`
}

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
  /**
   * The sweeper's enqueue: a job whose ID names one that will still run (waiting, delayed, or running under a live
   * lock) is left alone; one that finished (failed and kept) or that a dead worker left active is replaced.
   */
  requeue: Requeue
  /** Jobs of this name waiting to run. */
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

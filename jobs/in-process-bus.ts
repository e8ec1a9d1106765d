import type { Logger } from 'pino'
import {
  backoffDelay,
  type EnqueueOptions,
  type JobBus,
  type JobName,
  type JobPayload,
  jobContracts,
  type OutcomeListener,
  PermanentJobError,
  type Processors,
} from './queues.js'

type Pending = { name: JobName; payload: unknown; id: string; attemptsMade: number; runAt: number }

/**
 * The embedded default when REDIS_URL is unset: runs the same contracts and processors in this process, with the
 * same attempts and backoff. Jobs live in memory only; the sweeper re-enqueues anything the database still shows
 * as pending after a restart, so nothing acknowledged is lost.
 */
export function createInProcessBus({ logger }: { logger: Pick<Logger, 'error' | 'warn'> }): JobBus {
  const waiting = new Map<string, Pending>() // by job ID: a second add of a waiting ID is a no-op, as in BullMQ
  const active = new Map<string, Promise<void>>()
  let processors: Processors | undefined
  let concurrency = 1
  let onOutcome: OutcomeListener | undefined
  let timer: NodeJS.Timeout | undefined
  let closing = false

  function schedule() {
    if (!processors || closing) {
      return
    }
    clearTimeout(timer)
    const now = Date.now()
    let next = Number.POSITIVE_INFINITY
    for (const job of waiting.values()) {
      if (active.size >= concurrency) {
        break
      }
      if (job.runAt <= now) {
        waiting.delete(job.id)
        const run = execute(job).finally(() => {
          active.delete(job.id)
          schedule()
        })
        active.set(job.id, run)
      } else {
        next = Math.min(next, job.runAt)
      }
    }
    if (next !== Number.POSITIVE_INFINITY && active.size < concurrency) {
      timer = setTimeout(schedule, next - now)
    }
  }

  async function execute(job: Pending) {
    const contract = jobContracts[job.name]
    const processor = processors?.[job.name] as ((p: unknown, m: object) => Promise<unknown>) | undefined
    if (!processor) {
      return
    }
    try {
      const payload = contract.payload.parse(job.payload)
      await processor(payload, { id: job.id, attemptsMade: job.attemptsMade, attempts: contract.options.attempts })
      onOutcome?.(job.name, 'completed')
    } catch (err) {
      const attemptsMade = job.attemptsMade + 1
      if (err instanceof PermanentJobError || attemptsMade >= contract.options.attempts) {
        logger.error({ err, jobId: job.id, job: job.name, attemptsMade }, 'job failed for good')
        onOutcome?.(job.name, 'failed', err)
        return
      }
      onOutcome?.(job.name, 'retried', err)
      // Re-add unless a newer job with the same ID arrived meanwhile.
      if (!waiting.has(job.id)) {
        waiting.set(job.id, {
          ...job,
          attemptsMade,
          runAt: Date.now() + backoffDelay(contract.options.backoff, attemptsMade),
        })
      }
    }
  }

  function add(name: JobName, payload: unknown, opts: EnqueueOptions) {
    if (waiting.has(opts.jobId)) {
      return
    }
    waiting.set(opts.jobId, { name, payload, id: opts.jobId, attemptsMade: 0, runAt: Date.now() + (opts.delayMs ?? 0) })
  }

  return {
    kind: 'in-process',
    async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: EnqueueOptions) {
      add(name, jobContracts[name].payload.parse(payload), opts)
      schedule()
    },
    async enqueueMany(name, jobs) {
      for (const j of jobs) {
        add(name, jobContracts[name].payload.parse(j.payload), j.opts)
      }
      schedule()
    },
    startWorkers(p, opts) {
      processors = p
      concurrency = opts.concurrency
      onOutcome = opts.onOutcome
      schedule()
    },
    async requeue(name, jobs) {
      // A job of this process that still waits or runs is alive; nothing else is kept once finished.
      const fresh = jobs.filter((j) => !waiting.has(j.opts.jobId) && !active.has(j.opts.jobId))
      for (const j of fresh) {
        add(name, jobContracts[name].payload.parse(j.payload), j.opts)
      }
      schedule()
      return fresh.length
    },
    async ping() {},
    async backlog(name) {
      let n = 0
      for (const job of waiting.values()) {
        n += job.name === name ? 1 : 0
      }
      return n
    },
    async close() {
      closing = true
      clearTimeout(timer)
      await Promise.allSettled(active.values())
      if (waiting.size > 0) {
        logger.warn({ waiting: waiting.size }, 'in-process jobs left waiting; the sweeper takes them up at next start')
      }
    },
  }
}

import { type ConnectionOptions, type Job, Queue, UnrecoverableError, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import type { Logger } from 'pino'
import {
  type EnqueueMany,
  type JobBus,
  type JobName,
  type JobPayload,
  jobContracts,
  type OutcomeListener,
  PermanentJobError,
  type Processors,
} from './queues.js'

const names = Object.keys(jobContracts) as JobName[]
/** How long a running job's lock lasts without renewal (BullMQ renews it at half this while the worker lives). */
const LOCK_MS = 10_000

/** BullMQ over ioredis. Redis holds queues only; Postgres stays the system of record. */
export function createBullmqBus({
  redisUrl,
  logger,
  prefix = 'rsz',
}: {
  redisUrl: string
  logger: Pick<Logger, 'error' | 'warn'>
  prefix?: string
}): JobBus {
  // Producer connection fails fast when Redis is down (the inbox row is already safe; the sweeper re-enqueues).
  const producer = new Redis(redisUrl, { maxRetriesPerRequest: 1 })
  producer.on('error', (err) => logger.warn({ err: err.message }, 'redis (producer) error'))
  const queues = new Map<string, Queue>()
  for (const name of names) {
    const q = jobContracts[name].queue
    if (!queues.has(q)) {
      queues.set(q, new Queue(q, { connection: producer as unknown as ConnectionOptions, prefix }))
    }
  }
  const workers: Worker[] = []
  const workerConnections: Redis[] = []

  function queueOf(name: JobName): Queue {
    const q = queues.get(jobContracts[name].queue)
    if (!q) {
      throw new Error(`no queue for ${name}`)
    }
    return q
  }
  function jobOptions(name: JobName, jobId: string, delayMs?: number) {
    const { attempts, backoff } = jobContracts[name].options
    return { jobId, attempts, backoff, delay: delayMs, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } }
  }

  const enqueueMany: EnqueueMany = async (name, jobs) => {
    if (jobs.length === 0) {
      return
    }
    await queueOf(name).addBulk(
      jobs.map((j) => ({
        name,
        data: jobContracts[name].payload.parse(j.payload),
        opts: jobOptions(name, j.opts.jobId, j.opts.delayMs),
      })),
    )
  }

  return {
    kind: 'bullmq',
    async enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: { jobId: string; delayMs?: number }) {
      const data = jobContracts[name].payload.parse(payload)
      await queueOf(name).add(name, data, jobOptions(name, opts.jobId, opts.delayMs))
    },
    enqueueMany,
    startWorkers(
      processors: Processors,
      { concurrency, onOutcome }: { concurrency: number; onOutcome?: OutcomeListener },
    ) {
      for (const [queueName] of queues) {
        // Workers block on Redis: they need their own connection with maxRetriesPerRequest null (BullMQ's rule).
        const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
        connection.on('error', (err) => logger.warn({ err: err.message }, 'redis (worker) error'))
        workerConnections.push(connection)
        const worker = new Worker(
          queueName,
          async (job: Job) => {
            const name = job.name as JobName
            const contract = jobContracts[name]
            const processor = processors[name] as (p: unknown, m: object) => Promise<unknown>
            const parsed = contract.payload.safeParse(job.data)
            if (!parsed.success) {
              throw new UnrecoverableError(`bad payload for ${name}`)
            }
            try {
              return await processor(parsed.data, {
                id: job.id ?? '',
                attemptsMade: job.attemptsMade,
                attempts: contract.options.attempts,
              })
            } catch (err) {
              if (err instanceof PermanentJobError) {
                throw new UnrecoverableError(err.message)
              }
              throw err
            }
          },
          // A dead worker's job is free to run again once its lock lapses (the sweeper's requeue replaces it then):
          // 10 s rather than BullMQ's 30 s, renewed every 5 s; our jobs take milliseconds, a LINE call seconds.
          { connection: connection as unknown as ConnectionOptions, concurrency, prefix, lockDuration: LOCK_MS },
        )
        worker.on('completed', (job) => onOutcome?.(job.name as JobName, 'completed'))
        worker.on('failed', (job, err) => {
          if (!job) {
            return
          }
          const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1)
          if (final) {
            logger.error({ err, jobId: job.id, job: job.name, attemptsMade: job.attemptsMade }, 'job failed for good')
          }
          onOutcome?.(job.name as JobName, final ? 'failed' : 'retried', err)
        })
        worker.on('error', (err) => logger.warn({ err: err.message }, 'worker error'))
        workers.push(worker)
      }
    },
    async requeue(name, jobs) {
      if (jobs.length === 0) {
        return 0
      }
      const queue = queueOf(name)
      const activeKey = queue.toKey('active')
      // One round trip: per job, its hash's finishedOn, whether the hash exists, its lock, its place in 'active'.
      const probe = producer.pipeline()
      for (const j of jobs) {
        const key = queue.toKey(j.opts.jobId)
        probe.hget(key, 'finishedOn').exists(key).exists(`${key}:lock`).lpos(activeKey, j.opts.jobId)
      }
      const answers = ((await probe.exec()) ?? []).map(([err, value]) => {
        if (err) {
          throw err
        }
        return value
      })
      const replace: string[] = []
      const add: typeof jobs = []
      for (const [i, j] of jobs.entries()) {
        const [finishedOn, exists, locked, activeAt] = answers.slice(i * 4, i * 4 + 4)
        if (!exists) {
          add.push(j)
        } else if (finishedOn !== null || (activeAt !== null && !locked)) {
          // Failed and kept, or active under no lock (its worker died before BullMQ's stall check noticed).
          replace.push(j.opts.jobId)
          add.push(j)
        }
      }
      // removeJob refuses a locked job (0): a worker took it meanwhile, and the add below is then a no-op.
      await Promise.all(replace.map((id) => queue.remove(id)))
      await enqueueMany(name, add)
      return add.length
    },
    async ping() {
      await producer.ping()
    },
    async backlog(name) {
      // Not 'active': a killed worker's jobs stay active until BullMQ's stall check; the sweeper must not wait on them.
      const counts = await queueOf(name).getJobCounts('waiting', 'delayed', 'prioritized')
      return Object.values(counts).reduce((a, b) => a + b, 0)
    },
    async close() {
      // Worker.close() waits for active jobs to finish; a job cut off by a crash is moved back by BullMQ's
      // stalled-job check, and the DB-side idempotency makes the second run harmless.
      await Promise.allSettled(workers.map((w) => w.close()))
      await Promise.allSettled([...queues.values()].map((q) => q.close()))
      for (const c of workerConnections) {
        c.disconnect()
      }
      producer.disconnect()
    },
  }
}

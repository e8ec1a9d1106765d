import type { Logger } from 'pino'
import type { JobSink, PendingJob, Tx } from '../db/client.js'
import { type EnqueueMany, type JobName, type JobPayload, jobContracts } from './queues.js'

/**
 * The one way to run work after a commit: the transaction collects the job (db/client.ts) and its opener's db hands
 * it to the sink below once committed. Job IDs come from the rows the transaction wrote (an outbox row's UUID, a
 * webhook event's ID, a citizen's menu version), never from a clock, so a retried transaction or a second
 * collector of the same row asks for the same job, and the queue keeps one.
 */
export function enqueueAfterCommit<N extends JobName>(
  tx: Tx,
  name: N,
  payload: JobPayload<N>,
  jobId: string,
  delayMs?: number,
): void {
  tx.afterCommit.add({ name, payload, jobId, ...(delayMs ? { delayMs } : {}) })
}

/**
 * Enqueues a committed transaction's jobs, one bulk add per job name. A failure is logged, not thrown: the change is
 * committed and the sweeper (jobs/sweeper.ts), the only safety net, re-enqueues what is still pending.
 */
export function createJobSink({
  enqueueMany,
  logger,
}: {
  enqueueMany: EnqueueMany
  logger: Pick<Logger, 'warn'>
}): JobSink {
  return async (jobs: readonly PendingJob[]) => {
    const byName = new Map<JobName, PendingJob[]>()
    for (const job of jobs) {
      if (!(job.name in jobContracts)) {
        throw new Error(`unknown job ${job.name}`)
      }
      const name = job.name as JobName
      byName.set(name, [...(byName.get(name) ?? []), job])
    }
    await Promise.all(
      [...byName].map(([name, list]) =>
        enqueueMany(
          name,
          list.map((j) => ({
            payload: j.payload as JobPayload<typeof name>,
            opts: { jobId: j.jobId, ...(j.delayMs ? { delayMs: j.delayMs } : {}) },
          })),
        ).catch((err: Error) =>
          logger.warn(
            { err: err.message, job: name, count: list.length },
            'enqueue after commit failed; the sweeper will retry',
          ),
        ),
      ),
    )
  }
}

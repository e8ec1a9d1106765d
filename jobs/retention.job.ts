import { and, eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Retention } from '../bot/privacy/retention.js'
import type { Db } from '../db/client.js'
import { jobRuns } from '../db/schema/index.js'
import type { JobPayload } from './queues.js'

export type RetentionJobDeps = {
  db: Db
  retention: Pick<Retention, 'run'>
  logger: Pick<Logger, 'info'>
  now?: () => Date
}

const JOB = 'retention'

/**
 * Runs the day's retention once: every worker's scheduler asks for the day's run (the queue keeps one job per
 * run key while it waits), and a run that finished is noted in job_runs, so a later ask the same day does nothing.
 * A run cut short (a crash) is simply run again: every step is idempotent.
 */
export function createRetentionJob({ db, retention, logger, now = () => new Date() }: RetentionJobDeps) {
  return async function retentionJob({ runKey }: JobPayload<'retention'>) {
    const [done] = await db
      .select()
      .from(jobRuns)
      .where(and(eq(jobRuns.job, JOB), eq(jobRuns.runKey, runKey)))
      .limit(1)
    if (done) {
      return 'already-run'
    }
    const report = await retention.run(now())
    await db.insert(jobRuns).values({ job: JOB, runKey, finishedAt: now() }).onConflictDoNothing()
    logger.info({ runKey, report }, 'retention job finished')
    return 'done'
  }
}

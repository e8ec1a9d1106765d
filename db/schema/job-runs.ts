import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Scheduled jobs that finished a run, by run key (e.g. the retention job of one Bangkok day): however many workers
 * enqueue the day's run, and however often, it does its work once.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    runKey: text('run_key').notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] })],
)

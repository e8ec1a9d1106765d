import type { Logger } from 'pino'
import type { Db } from '../../../db/client.js'
import { createEvery } from '../../scheduling/every.js'
import { bangkokHour } from './days.js'
import { type DigestDeps, sendDigests } from './digest.js'
import { activateStarted, askEndQuestions, expireWatches, sendReminders } from './reminders.js'

/** Reminders, the end-date question and expiry (with its message) wait for the morning (Bangkok): no push at night. */
export const LIFECYCLE_HOUR = 9

export type HouseWatchScheduleDeps = DigestDeps & {
  db: Db
  logger: Pick<Logger, 'info' | 'warn'>
  /** How often each worker looks; the claims make concurrent looks harmless. */
  everyMs?: number
  now?: () => Date
}

/**
 * The watches' clock, run by every worker process (the worker role starts it, like the consultations' escalation):
 * start of the watch, the reminder the day before, the question on the end date, expiry the day after, and each
 * station's daily summary at its hour. Every step claims its watches in the database, so two workers looking at the
 * same minute send each message once.
 */
export function createHouseWatchSchedule({
  db,
  logger,
  everyMs = 60_000,
  now = () => new Date(),
  ...deps
}: HouseWatchScheduleDeps) {
  async function tick() {
    const at = now()
    const morning = bangkokHour(at) >= LIFECYCLE_HOUR
    const done = {
      started: await activateStarted(db, at),
      reminders: morning ? await sendReminders(db, deps, at) : 0,
      endQuestions: morning ? await askEndQuestions(db, at) : 0,
      expired: morning ? await expireWatches(db, at) : 0,
      digests: await sendDigests(db, deps, at),
    }
    if (Object.values(done).some((n) => n > 0)) {
      logger.info(done, 'house watch schedule')
    }
    return done
  }
  const loop = createEvery(tick, everyMs, (err) =>
    logger.warn({ err: err instanceof Error ? err.message : err }, 'house watch schedule failed'),
  )
  return { tick, start: loop.start, stop: loop.stop }
}
export type HouseWatchSchedule = ReturnType<typeof createHouseWatchSchedule>

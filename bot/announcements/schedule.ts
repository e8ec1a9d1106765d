import { and, eq, gte, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../../db/client.js'
import { broadcasts } from '../../db/schema/index.js'
import type { LineClient } from '../line/line-client.js'
import { createEvery } from '../scheduling/every.js'
import type { Broadcasts } from './broadcasts.service.js'

/** LINE's statistics per unit are read back for a week after sending, at most once an hour. */
const STATS_FOR_MS = 7 * 24 * 3_600_000
const STATS_EVERY_MS = 3_600_000
/** yyyyMMdd in UTC+9 (LINE's statistics dates). */
const lineDate = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')

export type AnnouncementScheduleDeps = {
  db: Db
  broadcasts: Pick<Broadcasts, 'startDue'>
  line: Pick<LineClient, 'statisticsPerUnit'>
  logger: Pick<Logger, 'info' | 'warn'>
  /** How often each worker looks for due announcements (the row lock makes concurrent looks harmless). */
  everyMs?: number
  now?: () => Date
}

/**
 * The announcements' clock, run by every worker process: scheduled announcements whose time has come start
 * sending, and LINE's statistics for the unit of each recent announcement are read back (shown beside it).
 */
export function createAnnouncementSchedule({
  db,
  broadcasts: service,
  line,
  logger,
  everyMs = 15_000,
  now = () => new Date(),
}: AnnouncementScheduleDeps) {
  async function readStats(): Promise<number> {
    const at = now()
    const rows = await db
      .select({ id: broadcasts.id, unit: broadcasts.aggregationUnit, startedAt: broadcasts.startedAt })
      .from(broadcasts)
      .where(
        and(
          eq(broadcasts.status, 'sent'),
          gte(broadcasts.completedAt, new Date(at.getTime() - STATS_FOR_MS)),
          // Read back at most hourly: lineStats carries when it was read (readAt).
          sql`(${broadcasts.lineStats} is null or (${broadcasts.lineStats}->>'readAt')::timestamptz < ${new Date(at.getTime() - STATS_EVERY_MS).toISOString()}::timestamptz)`,
        ),
      )
      .limit(10)
    let read = 0
    for (const r of rows) {
      try {
        const stats = await line.statisticsPerUnit(r.unit, lineDate(r.startedAt ?? at), lineDate(at))
        const lineStats = { readAt: at.toISOString(), ...(stats as object) }
        await db.update(broadcasts).set({ lineStats }).where(eq(broadcasts.id, r.id))
        read += 1
      } catch (err) {
        logger.warn({ broadcastId: r.id, err: err instanceof Error ? err.message : err }, 'LINE statistics unread')
        const lineStats = { readAt: at.toISOString(), unavailable: true }
        await db.update(broadcasts).set({ lineStats }).where(eq(broadcasts.id, r.id))
      }
    }
    return read
  }

  async function tick() {
    const done = { started: await service.startDue(), stats: await readStats() }
    if (done.started > 0) {
      logger.info(done, 'announcement schedule')
    }
    return done
  }
  const loop = createEvery(tick, everyMs, (err) =>
    logger.warn({ err: err instanceof Error ? err.message : err }, 'announcement schedule failed'),
  )
  return { tick, readStats, start: loop.start, stop: loop.stop }
}
export type AnnouncementSchedule = ReturnType<typeof createAnnouncementSchedule>

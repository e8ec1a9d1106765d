import { and, eq, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import { type Db, queryRows } from '../../../db/client.js'
import { cameras, cases, citizens, footageRequests, stations } from '../../../db/schema/index.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import { createEvery } from '../../scheduling/every.js'
import { requestCard } from './messages.js'

const BANGKOK_OFFSET_MS = 7 * 3_600_000
const DAY_MS = 86_400_000
/** Reminders wait for the morning (Bangkok): no push at night. */
export const REMINDER_HOUR = 9
const BATCH = 50

const bangkokDay = (at: Date) => new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10)
const bangkokHour = (at: Date) => new Date(at.getTime() + BANGKOK_OFFSET_MS).getUTCHours()

export type FootageScheduleDeps = {
  db: Db
  logger: Pick<Logger, 'info' | 'warn'>
  liffUrl: (path: string) => string
  everyMs?: number
  now?: () => Date
}

/**
 * The owners' reminder the day before a request's deadline (in the morning, Bangkok), once per deadline (moving the
 * deadline re-arms it): the same card with "please answer by tomorrow". Claimed with SKIP LOCKED, so any number of
 * workers send each reminder once. Overdue needs no job: the queue compares the deadline with the clock.
 */
export async function sendFootageReminders(db: Db, liffUrl: (path: string) => string, now: Date): Promise<number> {
  if (bangkokHour(now) < REMINDER_HOUR) {
    return 0
  }
  const tomorrow = bangkokDay(new Date(now.getTime() + DAY_MS))
  let total = 0
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const at = now.toISOString()
      const claimed = await queryRows<{ id: string }>(
        tx,
        sql`update ${footageRequests} set reminder_sent_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
             where id in (
               select id from ${footageRequests}
                where status = 'open' and channel = 'line' and reminder_sent_at is null
                  and deadline_at > ${at}::timestamptz
                  and ((deadline_at at time zone 'Asia/Bangkok')::date) = ${tomorrow}::date
                order by id limit ${BATCH}
                for update skip locked)
            returning id`,
      )
      for (const { id } of claimed) {
        const [row] = await tx
          .select({ r: footageRequests, cam: cameras, owner: citizens, ref: cases.referenceNumber, st: stations })
          .from(footageRequests)
          .innerJoin(cameras, eq(cameras.id, footageRequests.cameraId))
          .innerJoin(citizens, eq(citizens.id, cameras.citizenId))
          .innerJoin(cases, eq(cases.id, footageRequests.caseId))
          .innerJoin(stations, eq(stations.id, footageRequests.stationId))
          .where(and(eq(footageRequests.id, id)))
          .limit(1)
        if (!row) {
          continue
        }
        const lang = row.owner.language
        const card = requestCard(
          lang,
          {
            requestId: row.r.id,
            reference: row.ref,
            cameraName: row.cam.name,
            cameraCode: row.cam.code,
            windowFrom: row.r.windowFrom,
            windowTo: row.r.windowTo,
            ask: row.r.ask,
            deadlineAt: row.r.deadlineAt,
            stationName: lang === 'th' ? row.st.nameTh : row.st.nameEn,
          },
          liffUrl,
          true,
        )
        await sendToCitizen(tx, row.owner, [card], { stationId: row.r.stationId, purpose: 'footage_reminder', now })
      }
      return claimed.length
    })
    total += n
    if (n < BATCH) {
      return total
    }
  }
}

/** The footage requests' clock, started by the worker role like the house-watch clock. */
export function createFootageSchedule({
  db,
  logger,
  liffUrl,
  everyMs = 60_000,
  now = () => new Date(),
}: FootageScheduleDeps) {
  async function tick() {
    const reminders = await sendFootageReminders(db, liffUrl, now())
    if (reminders > 0) {
      logger.info({ reminders }, 'footage request reminders')
    }
    return { reminders }
  }
  const loop = createEvery(tick, everyMs, (err) =>
    logger.warn({ err: err instanceof Error ? err.message : err }, 'footage schedule failed'),
  )
  return { tick, start: loop.start, stop: loop.stop }
}
export type FootageSchedule = ReturnType<typeof createFootageSchedule>

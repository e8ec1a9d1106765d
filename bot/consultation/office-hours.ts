import { eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { stationHolidays, stations } from '../../db/schema/index.js'
import type { Holiday, OfficeHours, Weekday } from '../contracts/consultations.js'

/** When the station's office answers consultations: its weekly periods and the days it is closed. */
export type OfficeCalendar = { officeHours: OfficeHours; holidays: Holiday[] }

// Thailand keeps one offset all year (no daylight saving), so Bangkok's wall clock is UTC + 7 h exactly: the
// arithmetic below works in "Bangkok milliseconds" without a time-zone library.
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const MINUTE_MS = 60 * 1000
/** A calendar with no opening at all would loop forever: look this far ahead, then give up. */
const HORIZON_DAYS = 400

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** The Bangkok calendar day of a Bangkok-milliseconds moment, as YYYY-MM-DD. */
function dayKey(bkkMs: number): string {
  return new Date(bkkMs).toISOString().slice(0, 10)
}

/** The periods open on the Bangkok day starting at `dayStart` (Bangkok ms, midnight), as [from, to) in Bangkok ms. */
function periodsOn(cal: OfficeCalendar, dayStart: number, holidays: Set<string>): [number, number][] {
  if (holidays.has(dayKey(dayStart))) {
    return []
  }
  const weekday = String(new Date(dayStart).getUTCDay()) as Weekday
  return (cal.officeHours[weekday] ?? [])
    .map((p): [number, number] => [dayStart + minutesOf(p.from) * MINUTE_MS, dayStart + minutesOf(p.to) * MINUTE_MS])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0])
}

/** The open periods from `at` on, in order, clipped to start no earlier than `at` (Bangkok ms). */
function* openPeriodsFrom(cal: OfficeCalendar, at: Date): Generator<[number, number]> {
  const holidays = new Set(cal.holidays.map((h) => h.date))
  const bkk = at.getTime() + BANGKOK_OFFSET_MS
  const firstDay = bkk - (((bkk % DAY_MS) + DAY_MS) % DAY_MS)
  for (let d = 0; d < HORIZON_DAYS; d++) {
    for (const [from, to] of periodsOn(cal, firstDay + d * DAY_MS, holidays)) {
      if (to > bkk) {
        yield [Math.max(from, bkk), to]
      }
    }
  }
}

const toDate = (bkkMs: number) => new Date(bkkMs - BANGKOK_OFFSET_MS)

/** Whether the office is open at that moment. */
export function isOpen(cal: OfficeCalendar, at: Date): boolean {
  const first = openPeriodsFrom(cal, at).next()
  return !first.done && first.value[0] === at.getTime() + BANGKOK_OFFSET_MS
}

/** When the office next opens: `at` itself while it is open; null when the calendar never opens. */
export function nextOpening(cal: OfficeCalendar, at: Date): Date | null {
  const first = openPeriodsFrom(cal, at).next()
  return first.done ? null : toDate(first.value[0])
}

/**
 * The moment `minutes` of office time after `from`: an SLA counts only while the office is open, so a question
 * asked on Friday evening with a 4-hour SLA is due on Monday at 12:30 (08:30 + 4 h). Null when the calendar never
 * opens (no periods at all): the caller then has no due time.
 */
export function addOfficeMinutes(cal: OfficeCalendar, from: Date, minutes: number): Date | null {
  let left = Math.max(0, minutes) * MINUTE_MS
  for (const [start, end] of openPeriodsFrom(cal, from)) {
    if (end - start >= left) {
      return toDate(start + left)
    }
    left -= end - start
  }
  return null
}

/**
 * The office minutes from `from` to `to`: only the time the office was open counts, as for the SLA (a question on
 * Friday at 16:00 answered on Monday at 09:00 waited 60 office minutes with 08:30–16:30 hours). 0 when `to` is not
 * after `from`.
 */
export function officeMinutesBetween(cal: OfficeCalendar, from: Date, to: Date): number {
  const end = to.getTime() + BANGKOK_OFFSET_MS
  let open = 0
  for (const [start, stop] of openPeriodsFrom(cal, from)) {
    if (start >= end) {
      break
    }
    open += Math.min(stop, end) - start
  }
  return open / MINUTE_MS
}

/** The station's calendar: its weekly office hours and its holiday list. */
export async function loadCalendar(tx: Db | Tx, stationId: string): Promise<OfficeCalendar> {
  const [station] = await tx
    .select({ officeHours: stations.officeHours })
    .from(stations)
    .where(eq(stations.id, stationId))
    .limit(1)
  const holidays = await tx
    .select({ date: stationHolidays.date, nameTh: stationHolidays.nameTh, nameEn: stationHolidays.nameEn })
    .from(stationHolidays)
    .where(eq(stationHolidays.stationId, stationId))
  return { officeHours: station?.officeHours ?? {}, holidays }
}

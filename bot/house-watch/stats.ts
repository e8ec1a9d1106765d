import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import type { VisitResult } from '../contracts/house-watch.js'
import type { HouseWatchStats } from '../contracts/patrol.js'
import { stopsDueIn } from './patrol/points.js'
import { bangkokDate, slotOf } from './patrol/slots.js'
import { readHouseWatchSettings } from './settings/read.js'

const DAY_MS = 86_400_000
const PER_SHIFT_DAYS = 7

/** Every shift of the last 7 Bangkok days that has started by `at`, oldest first. */
async function recentSlots(db: Db, stationId: string, at: Date) {
  const { shifts } = await readHouseWatchSettings(db, stationId)
  const days = Array.from({ length: PER_SHIFT_DAYS + 1 }, (_, i) =>
    bangkokDate(new Date(at.getTime() - (PER_SHIFT_DAYS - i) * DAY_MS)),
  )
  const slots = days.flatMap((d) => shifts.map((s) => slotOf(shifts, d, s.key)))
  const earliest = at.getTime() - PER_SHIFT_DAYS * DAY_MS
  return slots
    .filter((s) => s !== null)
    .filter((s) => s.from <= at && s.to.getTime() > earliest)
    .sort((a, b) => a.from.getTime() - b.from.getTime())
}

/**
 * The dashboard's house-watch block: watches running today, active red boxes, per shift of the last 7 days the
 * points due, visited and missed, and over the dashboard's range the flagged (GPS far) visits and the findings.
 */
export async function houseWatchStats(
  db: Db,
  stationId: string,
  range: { from: Date; to: Date },
  at: Date,
): Promise<HouseWatchStats> {
  const today = bangkokDate(at)
  const from = range.from.toISOString()
  const to = range.to.toISOString()
  const slots = await recentSlots(db, stationId, at)
  const first = slots[0]
  const [counts, visits, flagged, findings, due] = await Promise.all([
    queryRows<{ watches: number; boxes: number }>(
      db,
      sql`select
            (select count(*)::int from house_watches hw join cases c on c.id = hw.case_id
              where c.station_id = ${stationId} and c.status in ('approved', 'active') and hw.ended_at is null
                and hw.starts_on <= ${today}::date and hw.ends_on >= ${today}::date) as watches,
            (select count(*)::int from patrol_points
              where station_id = ${stationId} and kind = 'red_box' and active) as boxes`,
    ),
    queryRows<{ shift_date: string; shift_key: string; point_id: string; visits: number }>(
      db,
      sql`select to_char(shift_date, 'YYYY-MM-DD') as shift_date, shift_key, point_id, count(*)::int as visits
            from patrol_visits
           where station_id = ${stationId} and shift_date >= ${first?.shiftDate ?? today}::date
           group by 1, 2, 3`,
    ),
    queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from patrol_visits where station_id = ${stationId} and gps_check = 'far'
             and scanned_at >= ${from}::timestamptz and scanned_at < ${to}::timestamptz`,
    ),
    queryRows<{ result: VisitResult; count: number }>(
      db,
      sql`select result, count(*)::int as count from patrol_visits where station_id = ${stationId}
             and result <> 'normal' and scanned_at >= ${from}::timestamptz and scanned_at < ${to}::timestamptz
           group by result order by count desc`,
    ),
    Promise.all(slots.map((slot) => stopsDueIn(db, stationId, slot))),
  ])
  const perShift = slots.map((slot, i) => {
    const mine = visits.filter((v) => v.shift_date === slot.shiftDate && v.shift_key === slot.shift.key)
    const visitedIds = new Set(mine.map((v) => v.point_id))
    const points = due[i] ?? []
    const visited = points.filter((p) => visitedIds.has(p.id)).length
    // A running shift has missed nothing yet.
    const missed = slot.to <= at ? points.length - visited : 0
    return {
      date: slot.shiftDate,
      shiftKey: slot.shift.key,
      due: points.length,
      visited,
      missed,
      visits: mine.reduce((n, v) => n + Number(v.visits), 0),
    }
  })
  return {
    activeWatches: Number(counts[0]?.watches ?? 0),
    activeRedBoxes: Number(counts[0]?.boxes ?? 0),
    perShift,
    flaggedVisits: Number(flagged[0]?.count ?? 0),
    findings: findings.map((f) => ({ result: f.result, count: Number(f.count) })),
  }
}

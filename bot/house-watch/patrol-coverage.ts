import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import type { HouseWatchStats } from '../contracts/patrol.js'
import { stopsDueIn } from './patrol/points.js'
import { bangkokDate, slotOf } from './patrol/slots.js'
import { readHouseWatchSettings } from './settings/read.js'

// What other domains (the dashboard) read of the patrols: this domain's entry point for coverage figures.
export { bangkokDate }

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
 * Per shift of the last 7 days: the points due (as the coverage page counts them), how many were visited, how many
 * missed (none while the shift runs) and the visits made.
 */
export async function coveragePerShift(db: Db, stationId: string, at: Date): Promise<HouseWatchStats['perShift']> {
  const slots = await recentSlots(db, stationId, at)
  const first = slots[0]
  if (!first) {
    return []
  }
  const [visits, due] = await Promise.all([
    queryRows<{ shift_date: string; shift_key: string; point_id: string; visits: number }>(
      db,
      sql`select to_char(shift_date, 'YYYY-MM-DD') as shift_date, shift_key, point_id, count(*)::int as visits
            from patrol_visits
           where station_id = ${stationId} and shift_date >= ${first.shiftDate}::date
           group by 1, 2, 3`,
    ),
    Promise.all(slots.map((slot) => stopsDueIn(db, stationId, slot))),
  ])
  return slots.map((slot, i) => {
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
}

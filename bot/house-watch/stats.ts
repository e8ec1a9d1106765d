import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import type { VisitResult } from '../contracts/house-watch.js'
import type { HouseWatchStats } from '../contracts/patrol.js'
import { bangkokDate, coveragePerShift } from './patrol-coverage.js'

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
  const [counts, perShift, flagged, findings] = await Promise.all([
    queryRows<{ watches: number; boxes: number }>(
      db,
      sql`select
            (select count(*)::int from house_watches hw join cases c on c.id = hw.case_id
              where c.station_id = ${stationId} and c.status in ('approved', 'active') and hw.ended_at is null
                and hw.starts_on <= ${today}::date and hw.ends_on >= ${today}::date) as watches,
            (select count(*)::int from patrol_points
              where station_id = ${stationId} and kind = 'red_box' and active) as boxes`,
    ),
    coveragePerShift(db, stationId, at),
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
  ])
  return {
    activeWatches: Number(counts[0]?.watches ?? 0),
    activeRedBoxes: Number(counts[0]?.boxes ?? 0),
    perShift,
    flaggedVisits: Number(flagged[0]?.count ?? 0),
    findings: findings.map((f) => ({ result: f.result, count: Number(f.count) })),
  }
}

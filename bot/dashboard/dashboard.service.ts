import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import type { Dashboard } from '../contracts/admin-api.js'
import { houseWatchStats } from '../house-watch/stats.js'
import { consultationStats } from './consultation-stats.js'
import type { QuotaCache } from './quota-cache.js'

export type DashboardRange = { from: Date; to: Date }

/** What GET /api/admin/dashboard answers (bot/contracts/admin-api.ts, read by the officers' app). */
export type { Dashboard }

const DAY_MS = 86_400_000

/** The last `days` Bangkok days, today included: [midnight ICT days-1 days ago, next midnight ICT). */
export function lastBangkokDays(days: number, now: Date): DashboardRange {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(now) // YYYY-MM-DD
  const end = new Date(new Date(`${today}T00:00:00+07:00`).getTime() + DAY_MS)
  return { from: new Date(end.getTime() - days * DAY_MS), to: end }
}

function minutes(v: number | string | null | undefined): number | null {
  if (v === null || v === undefined) {
    return null
  }
  return Math.round(Number(v) * 10) / 10
}

/** The supervisor's figures for the officer's station. Read-only; one query per figure, each on an index. */
export function createDashboard({
  db,
  quota,
  now = () => new Date(),
}: {
  db: Db
  quota: QuotaCache
  now?: () => Date
}) {
  /** `viewer.officerId`: the consultation block's per-officer lines only for that officer (null: everyone's). */
  async function figures(
    stationId: string,
    range: DashboardRange,
    viewer: { officerId: string | null } = { officerId: null },
  ): Promise<Dashboard> {
    const at = now()
    const from = range.from.toISOString()
    const to = range.to.toISOString()
    const [perDay, open, times, quotaFigures, consultations, houseWatch] = await Promise.all([
      queryRows<{ date: string; kind: string; count: number }>(
        db,
        sql`select to_char((created_at at time zone 'Asia/Bangkok')::date, 'YYYY-MM-DD') as date, kind,
                     count(*)::int as count
                from cases
               where station_id = ${stationId} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz
               group by 1, 2 order by 1, 2`,
      ),
      queryRows<{ status: string; count: number }>(
        db,
        sql`select status, count(*)::int as count from cases
               where station_id = ${stationId} and resolved_at is null group by status`,
      ),
      queryRows<{ first_response: number | null; resolution: number | null; breaches: number }>(
        db,
        sql`select
                percentile_cont(0.5) within group
                  (order by extract(epoch from first_response_at - created_at)::float8) / 60 as first_response,
                percentile_cont(0.5) within group
                  (order by extract(epoch from resolved_at - created_at)::float8) / 60 as resolution,
                count(*) filter (where due_at is not null
                                   and coalesce(resolved_at, ${at.toISOString()}::timestamptz) > due_at)::int as breaches
                from cases
               where station_id = ${stationId} and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz`,
      ),
      quota.get(),
      consultationStats(db, stationId, range, viewer),
      houseWatchStats(db, stationId, range, at),
    ])
    const t = times[0]
    return {
      from,
      to,
      perDay: perDay.map((r) => ({ date: r.date, kind: r.kind, count: Number(r.count) })),
      openByStatus: Object.fromEntries(open.map((r) => [r.status, Number(r.count)])),
      medianFirstResponseMinutes: minutes(t?.first_response),
      medianResolutionMinutes: minutes(t?.resolution),
      slaBreaches: Number(t?.breaches ?? 0),
      quota: quotaFigures,
      consultations,
      houseWatch,
    }
  }
  return { figures }
}
export type DashboardService = ReturnType<typeof createDashboard>

import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import type { ConsultationStats } from '../contracts/consultations.js'
import { bangkokMonth } from '../line/delivery-counts.js'
import type { DashboardRange } from './dashboard.service.js'

/**
 * Messages the OA sent per Bangkok month and kind, from the counter the deliver job keeps (line_message_counts), so
 * any month shows, long after the outbox rows are gone (RETENTION_OUTBOX_DAYS). `pushes`: what LINE counts against
 * the plan's quota (push and multicast, one per recipient per request); `replies`: messages that went free by reply.
 * Every month the range touches, whole. Counting began with migration 0015: earlier months have no figures.
 */
export async function messagesPerMonth(
  db: Db,
  stationId: string,
  range: DashboardRange,
): Promise<ConsultationStats['pushesPerMonth']> {
  const first = bangkokMonth(range.from)
  const last = bangkokMonth(new Date(range.to.getTime() - 1))
  const rows = await queryRows<{ month: string; kind: string; pushes: number; replies: number }>(
    db,
    sql`select month, kind,
               coalesce(sum(messages) filter (where via <> 'reply'), 0)::int as pushes,
               coalesce(sum(messages) filter (where via = 'reply'), 0)::int as replies
          from line_message_counts
         where station_id = ${stationId} and month >= ${first} and month <= ${last}
         group by month, kind
         order by month, kind`,
  )
  return rows.map((r) => ({ month: r.month, kind: r.kind, pushes: Number(r.pushes), replies: Number(r.replies) }))
}

import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import type { OutboundMessage } from '../../db/schema/index.js'
import { createPacer, type Pacer } from './pacing.js'
import { textArray } from './sql-arrays.js'

/**
 * What the outbox's deliver job asks of announcements (jobs/deliver-outbound.job.ts) for a row with `broadcast_id`:
 * right before the request, drop the recipients who opted out or blocked the OA since the snapshot (the opt-out is
 * honoured within seconds), keep to LINE's rate limits, and name the aggregation unit; after it, the announcement's
 * progress.
 */
export function createBroadcastDelivery({
  db,
  pacer = createPacer(),
  now = () => new Date(),
}: {
  db: Db
  pacer?: Pacer
  now?: () => Date
}) {
  async function prepare(
    row: OutboundMessage,
  ): Promise<{ to: string[]; aggregationUnit: string | null; recipients: number }> {
    const [b] = await queryRows<{ aggregation_unit: string; recipients: number }>(
      db,
      sql`select aggregation_unit, recipients from broadcasts where id = ${row.broadcastId}`,
    )
    if (row.method === 'broadcast') {
      pacer.broadcast()
      return { to: [], aggregationUnit: null, recipients: Number(b?.recipients ?? 0) }
    }
    const listed = row.recipients ?? []
    const gone = await queryRows<{ line_user_id: string }>(
      db,
      sql`select line_user_id from citizens where line_user_id = any(${textArray(listed)})
        and (announcements_opted_out_at is not null or follow_state = 'blocked')`,
    )
    let to = listed
    if (gone.length > 0) {
      const drop = new Set(gone.map((g) => g.line_user_id))
      to = listed.filter((id) => !drop.has(id))
      // The row keeps who it really went to; the announcement's count loses them once (the guard on the length).
      await db.execute(sql`with kept as (
          update outbound_messages set recipients = ${textArray(to)}
           where id = ${row.id} and cardinality(recipients) = ${listed.length} returning 1)
        update broadcasts set recipients = greatest(recipients - ${listed.length - to.length}, 0), updated_at = ${now().toISOString()}::timestamptz
         where id = ${row.broadcastId} and exists (select 1 from kept)`)
    }
    if (to.length > 0) {
      await pacer.multicast()
    }
    return { to, aggregationUnit: b?.aggregation_unit ?? null, recipients: to.length }
  }

  /**
   * Settles one of the announcement's requests and moves its progress in the same transaction, O(1) per request:
   * the announcement's row is locked first (so of two last requests settling at once, the second sees the first
   * settled), then `mark` runs: the statement that moves the request out of pending, returning one row `{ n }` per
   * request it moved (n: its recipients; null for LINE's broadcast call: all of them) and none when it was settled
   * before (a retried job). Only then do sent or failed grow, and the announcement closes once nothing is pending:
   * 'sent', or 'failed' when nothing went. The mark and the increment commit together: exactly once across a crash.
   */
  async function settle(broadcastId: string, mark: SQL, outcome: 'sent' | 'failed'): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from broadcasts where id = ${broadcastId} for update`)
      const moved = await queryRows<{ n: number | null }>(tx, mark)
      if (moved.length === 0) {
        return
      }
      const all = moved.some((m) => m.n === null)
      const n = moved.reduce((sum, m) => sum + Number(m.n ?? 0), 0)
      const grown = all ? sql`b.recipients` : sql`${n}::int`
      const at = now().toISOString()
      await tx.execute(sql`update broadcasts b set
          sent = b.sent + ${outcome === 'sent' ? grown : sql`0`},
          failed = b.failed + ${outcome === 'failed' ? grown : sql`0`},
          updated_at = ${at}::timestamptz,
          status = case when b.status = 'sending' and not p.pending
                        then case when b.sent + ${outcome === 'sent' ? grown : sql`0`} = 0
                                   and b.failed + ${outcome === 'failed' ? grown : sql`0`} > 0
                              then 'failed' else 'sent' end
                        else b.status end,
          completed_at = case when b.status = 'sending' and not p.pending then ${at}::timestamptz else b.completed_at end
        from (select exists (select 1 from outbound_messages
                where broadcast_id = ${broadcastId} and status = 'pending') as pending) p
        where b.id = ${broadcastId}`)
    })
  }

  /**
   * Recounts the announcement from its requests (a cancel: the requests it stopped) (sent: recipients of delivered requests; failed: of failed ones) and
   * closes it once none is pending: 'sent', or 'failed' when nothing went. The row is locked first, so the recount
   * reads every request settled before it (a recount is idempotent: a retried job recounts the same).
   */
  async function settled(broadcastId: string): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from broadcasts where id = ${broadcastId} for update`)
      await tx.execute(sql`with s as (
          select
            coalesce(sum(case when o.status = 'delivered' then
              case when o.method = 'broadcast' then b.recipients else coalesce(cardinality(o.recipients), 0) end end), 0)::int as sent,
            coalesce(sum(case when o.status = 'failed' then
              case when o.method = 'broadcast' then b.recipients else coalesce(cardinality(o.recipients), 0) end end), 0)::int as failed,
            count(*) filter (where o.status = 'pending')::int as pending
          from broadcasts b join outbound_messages o on o.broadcast_id = b.id where b.id = ${broadcastId})
        update broadcasts b set sent = s.sent, failed = s.failed, updated_at = ${now().toISOString()}::timestamptz,
          status = case when b.status = 'sending' and s.pending = 0
                        then case when s.sent = 0 and s.failed > 0 then 'failed' else 'sent' end
                        else b.status end,
          completed_at = case when b.status = 'sending' and s.pending = 0 then ${now().toISOString()}::timestamptz else b.completed_at end
        from s where b.id = ${broadcastId}`)
    })
  }

  return { prepare, settle, settled }
}
export type BroadcastDelivery = ReturnType<typeof createBroadcastDelivery>

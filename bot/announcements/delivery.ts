import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import type { OutboundMessage } from '../../db/schema/index.js'
import { type CountedDelivery, countIfMarked } from '../line/delivery-counts.js'
import { createPacer, type Pacer } from './pacing.js'
import { textArray } from './sql-arrays.js'

/**
 * What the outbox's deliver job asks of announcements (jobs/deliver-outbound.job.ts) for a row with `broadcast_id`:
 * right before the request, drop the recipients who opted out or blocked the OA since the snapshot (the opt-out is
 * honoured within seconds) or whose citizen row was erased, keep to LINE's rate limits, and name the aggregation unit; after it, the announcement's
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
    // Who is still to get it: a citizen with this LINE user ID (an erased one is a tombstone without it: the
    // do-not-contact list needs no separate look-up here), not opted out, not blocked.
    const kept = await queryRows<{ line_user_id: string }>(
      db,
      sql`select line_user_id from citizens where line_user_id = any(${textArray(listed)})
        and announcements_opted_out_at is null and follow_state <> 'blocked'`,
    )
    let to = listed
    if (kept.length < listed.length) {
      const still = new Set(kept.map((k) => k.line_user_id))
      to = listed.filter((id) => still.has(id))
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
   * Settles one of the announcement's requests and moves its progress, in one statement: `mark` moves the request out
   * of pending, returning one row `{ n }` per request it moved (n: its recipients; null for LINE's broadcast call: all
   * of them) and none when it was settled before (a retried job); `count` adds a delivered request to the month's
   * counter (bot/line/delivery-counts.ts). Only then do sent or failed grow and the pending count drop, and the
   * announcement closes when none is left: 'sent', or 'failed' when nothing went. One statement commits the mark, the
   * counter and the progress together (exactly once across a crash) and holds the announcement's row only from its
   * UPDATE to its commit: requests settle side by side (a lock taken first and held over four round trips made them
   * settle one at a time). Of two last requests at once, the second waits for the first's row and Postgres evaluates
   * its SET on the row as the first left it, so it sees pending reach 0.
   */
  async function settle(broadcastId: string, mark: SQL, outcome: 'sent' | 'failed', count?: CountedDelivery) {
    const at = now().toISOString()
    const grown = sql`case when m.all_ then b.recipients else m.n end`
    const sent = outcome === 'sent' ? sql`b.sent + ${grown}` : sql`b.sent`
    const failed = outcome === 'failed' ? sql`b.failed + ${grown}` : sql`b.failed`
    const last = sql`b.status = 'sending' and b.pending_requests - m.c <= 0`
    await db.execute(sql`with marked as (${mark}),
        counted as (${count ? countIfMarked(count) : sql`select 1`}),
        m as (select count(*)::int as c, coalesce(sum(n), 0)::int as n, bool_or(n is null) as all_ from marked)
      update broadcasts b set
          sent = ${sent},
          failed = ${failed},
          pending_requests = greatest(b.pending_requests - m.c, 0),
          updated_at = ${at}::timestamptz,
          status = case when ${last} then case when ${sent} = 0 and ${failed} > 0 then 'failed' else 'sent' end
                        else b.status end,
          completed_at = case when ${last} then ${at}::timestamptz else b.completed_at end
        from m where b.id = ${broadcastId} and m.c > 0`)
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
        update broadcasts b set sent = s.sent, failed = s.failed, pending_requests = s.pending, updated_at = ${now().toISOString()}::timestamptz,
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

import { eq, sql } from 'drizzle-orm'
import { queryRows, type Tx } from '../../db/client.js'
import { type Broadcast, broadcasts, outboundMessages } from '../../db/schema/index.js'
import { enqueueAfterCommit } from '../../jobs/after-commit.js'
import { deliveryJobId } from '../../jobs/queues.js'
import { MULTICAST_MAX_RECIPIENTS, type PartialSend } from '../contracts/announcements.js'
import { orderBy, recipientsSql } from './audience.js'

/** What the outbox rows of announcements say they are (line_message_counts, the dashboard's month by kind). */
export const ANNOUNCEMENT_PURPOSE = 'announcement'
export const ANNOUNCEMENT_KIND = 'announcement'

/**
 * Starts sending, inside the caller's transaction: the recipients are fixed (broadcast_recipients, INSERT … SELECT,
 * each LINE user once, positions in the stated order, only the first `partial.limit` for a partial send), then cut
 * into outbox rows of at most 500 per language, each with that language's messages and its own stored retry key
 * (`all_friends`: one row for LINE's broadcast API). The delivery jobs are asked for when the transaction commits:
 * all or nothing, and a crash after the commit resumes from the rows. Returns the number of recipients.
 */
export async function fanOut(tx: Tx, b: Broadcast, partial: PartialSend | null, at: Date): Promise<number> {
  const base = {
    stationId: b.stationId,
    purpose: ANNOUNCEMENT_PURPOSE,
    kind: ANNOUNCEMENT_KIND,
    broadcastId: b.id,
  }
  if (b.audience.type === 'all_friends') {
    const [row] = await tx
      .insert(outboundMessages)
      .values({ ...base, method: 'broadcast', messages: b.messages.th })
      .returning({ id: outboundMessages.id })
    if (row) {
      enqueueAfterCommit(tx, 'deliver-outbound', { outboundId: row.id }, deliveryJobId(row.id))
    }
    await tx
      .update(broadcasts)
      .set({ status: 'sending', startedAt: at, partial, updatedAt: at })
      .where(eq(broadcasts.id, b.id))
    return b.recipients
  }
  const ranked = partial?.order === 'house_watch_first' || partial?.order === 'registered_first'
  const recipients = await recipientsSql(tx, { stationId: b.stationId, audience: b.audience, topic: b.topic }, ranked)
  const limit = partial ? sql`where position <= ${partial.limit}` : sql``
  await tx.execute(sql`insert into broadcast_recipients (broadcast_id, citizen_id, language, position)
    select ${b.id}, citizen_id, language, position from (
      select citizen_id, language, row_number() over (order by ${orderBy(partial?.order)})::int as position
      from (${recipients}) r) x ${limit}`)
  const th = JSON.stringify(b.messages.th)
  const en = JSON.stringify(b.messages.en?.length ? b.messages.en : b.messages.th)
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`with r as (
        select br.language, c.line_user_id,
               (row_number() over (partition by br.language order by br.position) - 1)::int as k
          from broadcast_recipients br join citizens c on c.id = br.citizen_id
         where br.broadcast_id = ${b.id})
      insert into outbound_messages (station_id, method, recipients, messages, purpose, kind, broadcast_id, created_at)
      select ${b.stationId}::uuid, 'multicast', array_agg(line_user_id order by k),
             case when language = 'en' then ${en}::jsonb else ${th}::jsonb end,
             ${ANNOUNCEMENT_PURPOSE}, ${ANNOUNCEMENT_KIND}, ${b.id}::uuid, ${at.toISOString()}::timestamptz
        from r group by language, k / ${MULTICAST_MAX_RECIPIENTS}
      returning id`,
  )
  // Each recipient names the request that carries it (the per-request log, a citizen's own export).
  await tx.execute(sql`update broadcast_recipients br set outbound_message_id = u.id
    from (select o.id, unnest(o.recipients) as line_user_id from outbound_messages o where o.broadcast_id = ${b.id}) u
    join citizens c on c.line_user_id = u.line_user_id
    where br.broadcast_id = ${b.id} and br.citizen_id = c.id`)
  const [count] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from broadcast_recipients where broadcast_id = ${b.id}`,
  )
  const n = Number(count?.n ?? 0)
  for (const { id } of rows) {
    enqueueAfterCommit(tx, 'deliver-outbound', { outboundId: id }, deliveryJobId(id))
  }
  await tx
    .update(broadcasts)
    .set({
      status: n === 0 ? 'sent' : 'sending',
      recipients: n,
      startedAt: at,
      completedAt: n === 0 ? at : null,
      partial,
      updatedAt: at,
    })
    .where(eq(broadcasts.id, b.id))
  return n
}

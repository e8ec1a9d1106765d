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
      .set({ status: 'sending', startedAt: at, partial, pendingRequests: row ? 1 : 0, updatedAt: at })
      .where(eq(broadcasts.id, b.id))
    return b.recipients
  }
  const ranked = partial?.order === 'house_watch_first' || partial?.order === 'registered_first'
  const recipients = await recipientsSql(tx, { stationId: b.stationId, audience: b.audience, topic: b.topic }, ranked)
  const limit = partial ? sql`where position <= ${partial.limit}` : sql``
  const th = JSON.stringify(b.messages.th)
  const en = JSON.stringify(b.messages.en?.length ? b.messages.en : b.messages.th)
  // One statement, set-based: the audience is resolved once; each recipient's request is its language's position
  // divided by 500; a request's ID is drawn first (a materialised CTE: one per request), so the recipients' rows are
  // written already naming their request (no UPDATE pass over the snapshot).
  const [result] = await queryRows<{ n: number; ids: string[] | null }>(
    tx,
    sql`with ranked as materialized (
        select citizen_id, line_user_id, language, position from (
          select citizen_id, line_user_id, language, row_number() over (order by ${orderBy(partial?.order)})::int as position
            from (${recipients}) r) x ${limit}),
      chunked as materialized (
        select citizen_id, line_user_id, language, position,
               ((row_number() over (partition by language order by position) - 1) / ${MULTICAST_MAX_RECIPIENTS})::int as chunk
          from ranked),
      requests as materialized (
        select gen_random_uuid() as id, language, chunk, array_agg(line_user_id order by position) as recipients,
               min(position) as lead
          from chunked group by language, chunk),
      outbox as (
        insert into outbound_messages (id, station_id, method, recipients, messages, purpose, kind, broadcast_id, created_at)
        select id, ${b.stationId}::uuid, 'multicast', recipients,
               case when language = 'en' then ${en}::jsonb else ${th}::jsonb end,
               ${ANNOUNCEMENT_PURPOSE}, ${ANNOUNCEMENT_KIND}, ${b.id}::uuid, ${at.toISOString()}::timestamptz
          from requests order by lead),
      snapshot as (
        insert into broadcast_recipients (broadcast_id, citizen_id, language, position, outbound_message_id)
        select ${b.id}::uuid, c.citizen_id, c.language, c.position, q.id
          from chunked c join requests q on q.language = c.language and q.chunk = c.chunk)
      select (select count(*)::int from chunked) as n, (select array_agg(id::text order by lead) from requests) as ids`,
  )
  const n = Number(result?.n ?? 0)
  const rows = (result?.ids ?? []).map((id) => ({ id }))
  for (const { id } of rows) {
    enqueueAfterCommit(tx, 'deliver-outbound', { outboundId: id }, deliveryJobId(id))
  }
  await tx
    .update(broadcasts)
    .set({
      status: n === 0 ? 'sent' : 'sending',
      recipients: n,
      pendingRequests: rows.length,
      startedAt: at,
      completedAt: n === 0 ? at : null,
      partial,
      updatedAt: at,
    })
    .where(eq(broadcasts.id, b.id))
  return n
}

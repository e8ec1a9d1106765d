import { sql } from 'drizzle-orm'
import { queryRows, type Tx } from '../../db/client.js'
import type { Citizen } from '../../db/schema/index.js'
import type { LineMessage } from '../line/line-client.js'
import { type OutboxWrite, REPLY_TOKEN_TTL_MS, writeOutbox } from '../line/outbox.js'

/**
 * The citizen's latest reply token that is still worth trying: fresh (REPLY_TOKEN_TTL_MS), unused, from an event the
 * bot has already handled, and not promised to another pending outbox row. A reply is free where a push costs quota;
 * if it fails anyway (taken meanwhile, expired) the deliver job falls back to push with the row's retry key.
 */
export async function freshReplyFor(tx: Tx, lineUserId: string, now: Date): Promise<OutboxWrite['reply']> {
  const since = new Date(now.getTime() - REPLY_TOKEN_TTL_MS)
  const [row] = await queryRows<{ id: number | string; reply_token: string; received_at: Date | string }>(
    tx,
    sql`select e.id, e.reply_token, e.received_at
          from inbound_events e
         where e.chat_key = ${lineUserId}
           and e.status = 'processed'
           and e.reply_token is not null
           and e.reply_token_used_at is null
           and e.received_at > ${since.toISOString()}::timestamptz
           and not exists (
             select 1 from outbound_messages o
              where o.status = 'pending'
                and o.created_at > ${since.toISOString()}::timestamptz
                and o.inbound_event_id = e.id)
         order by e.received_at desc, e.id desc
         limit 1`,
  )
  if (!row) {
    return undefined
  }
  return { inboundEventId: Number(row.id), replyToken: row.reply_token, receivedAt: new Date(row.received_at) }
}

export type CitizenSend = { outboundIds: string[]; via: 'reply_or_push' | 'skipped'; reason?: 'blocked' }

/**
 * Messages to a citizen through the outbox, in the caller's transaction: by reply while a token is fresh, else push.
 * A citizen who blocked the OA gets nothing (LINE would accept the push and drop it).
 */
export async function sendToCitizen(
  tx: Tx,
  citizen: Pick<Citizen, 'lineUserId' | 'followState' | 'stationId'>,
  messages: LineMessage[],
  opts: { stationId: string; purpose: string; now: Date; kind?: string },
): Promise<CitizenSend> {
  if (citizen.followState === 'blocked') {
    return { outboundIds: [], via: 'skipped', reason: 'blocked' }
  }
  const reply = await freshReplyFor(tx, citizen.lineUserId, opts.now)
  const outboundIds = await writeOutbox(tx, {
    to: citizen.lineUserId,
    messages,
    stationId: opts.stationId,
    purpose: opts.purpose,
    ...(opts.kind ? { kind: opts.kind } : {}),
    reply,
  })
  return { outboundIds, via: 'reply_or_push' }
}

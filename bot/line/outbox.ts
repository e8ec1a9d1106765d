import type { Tx } from '../../db/client.js'
import { type NewOutboundMessage, type OutboundMessage, outboundMessages } from '../../db/schema/index.js'
import { enqueueAfterCommit } from '../../jobs/after-commit.js'
import { deliveryJobId } from '../../jobs/queues.js'
import type { LineMessage } from './line-client.js'
import { messageKind } from './message-kind.js'

/** LINE takes at most 5 message objects per send. */
export const MAX_MESSAGES_PER_SEND = 5
/** Longer than any LINE call should take; a worker that dies mid-send frees the row after this. */
export const SEND_LEASE_MS = 60_000
/** LINE accepts a reply token for about a minute after the webhook; we stop trying a little before. */
export const REPLY_TOKEN_TTL_MS = 50_000

export type OutboxWrite = {
  to: string
  messages: LineMessage[]
  stationId?: string | null
  purpose?: string
  /** The kind of the case it is about (an officer's answer, a status message), for the counts per kind. */
  kind?: string
  /** The event whose reply token may carry the first batch. */
  reply?: { inboundEventId: number; replyToken: string; receivedAt: Date }
  /**
   * Hold the rows for `ms` before their first try (an officer's answers: several sent within seconds go out together
   * in one LINE request, see jobs/deliver-outbound.job.ts). Held rows have `nextAttemptAt` set and `attempts` 0.
   */
  hold?: { now: Date; ms: number }
}

/** How long an officer's answer waits for the next one, so answers typed in a row cost one request. */
export const ANSWER_HOLD_MS = 3_000

/** A row written with a hold and never tried yet: the deliver job may send it together with its neighbours. */
export function isHeld(row: Pick<OutboundMessage, 'method' | 'nextAttemptAt' | 'attempts'>): boolean {
  return row.method === 'reply_or_push' && row.nextAttemptAt !== null && row.attempts === 0
}

/**
 * Writes outbound rows inside the caller's transaction (the outbox pattern): the messages exist if and only if the
 * change that caused them committed, and their delivery jobs are enqueued when it commits (jobs/after-commit.ts),
 * whoever opened the transaction: a worker, an HTTP route or a CLI. Returns the row IDs.
 */
export async function writeOutbox(tx: Tx, write: OutboxWrite): Promise<string[]> {
  const rows = outboxRows(write)
  if (rows.length === 0) {
    return []
  }
  const inserted = await tx.insert(outboundMessages).values(rows).returning({ id: outboundMessages.id })
  for (const { id } of inserted) {
    enqueueAfterCommit(tx, 'deliver-outbound', { outboundId: id }, deliveryJobId(id), write.hold?.ms)
  }
  return inserted.map((r) => r.id)
}

/**
 * The same rows, for a caller that sends them itself as soon as its transaction commits (the reply while the token
 * is fresh, without a queue in between): they are written leased until `leasedUntil` and no delivery job is asked
 * for. If the caller dies before sending, the lease lapses and the sweeper hands them to the deliver job.
 */
export async function writeOutboxToSend(tx: Tx, write: OutboxWrite, leasedUntil: Date): Promise<OutboundMessage[]> {
  const rows = outboxRows(write).map((r) => ({ ...r, leasedUntil }))
  return rows.length === 0 ? [] : tx.insert(outboundMessages).values(rows).returning()
}

function outboxRows(write: OutboxWrite): NewOutboundMessage[] {
  const rows: NewOutboundMessage[] = []
  for (let i = 0; i < write.messages.length; i += MAX_MESSAGES_PER_SEND) {
    const batch = write.messages.slice(i, i + MAX_MESSAGES_PER_SEND)
    const reply = i === 0 ? write.reply : undefined
    rows.push({
      method: 'reply_or_push',
      to: write.to,
      messages: batch,
      stationId: write.stationId ?? null,
      purpose: write.purpose ?? 'conversation',
      kind: messageKind(write.purpose ?? 'conversation', write.kind),
      inboundEventId: reply?.inboundEventId ?? null,
      replyToken: reply?.replyToken ?? null,
      replyTokenExpiresAt: reply ? new Date(reply.receivedAt.getTime() + REPLY_TOKEN_TTL_MS) : null,
      ...(write.hold
        ? { nextAttemptAt: new Date(write.hold.now.getTime() + write.hold.ms), createdAt: write.hold.now }
        : {}),
    })
  }
  return rows
}

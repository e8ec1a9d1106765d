import { and, eq, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import { type CountedDelivery, type DeliveryVia, markAndCount } from '../bot/line/delivery-counts.js'
import { type LineApiError, type LineClient, type LineMessage, toLineError } from '../bot/line/line-client.js'
import { messageKind } from '../bot/line/message-kind.js'
import { SEND_LEASE_MS } from '../bot/line/outbox.js'
import { createOutboxGroups } from '../bot/line/outbox-groups.js'
import type { Db } from '../db/client.js'
import { inboundEvents, type OutboundMessage, outboundMessages } from '../db/schema/index.js'
import { backoffDelay, type JobMeta, type JobPayload, jobContracts } from './queues.js'

export type DeliverOutboundDeps = {
  db: Db
  line: Pick<LineClient, 'reply' | 'push' | 'multicast'> & Partial<Pick<LineClient, 'membersCount' | 'broadcast'>>
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  /** LINE users erased at their request (PDPA s.33): never pushed to (bot/privacy/do-not-contact.ts). */
  doNotContact?: { blocked(recipients: readonly string[], purpose: string): Promise<Set<string>> }
  /**
   * An announcement's requests (rows with `broadcastId`, bot/announcements/delivery.ts): who is still to get it at
   * send time (opted out or blocked since the snapshot: dropped), LINE's rate limits, the aggregation unit; and the
   * announcement's progress once a request is settled.
   */
  announcements?: {
    prepare(row: OutboundMessage): Promise<{ to: string[]; aggregationUnit: string | null; recipients: number }>
    /**
     * Runs `mark` (settling a request: rows `{ n }` on the transition), counts a delivered one (`count`) and moves the
     * progress, in one statement.
     */
    settle(broadcastId: string, mark: SQL, outcome: 'sent' | 'failed', count?: CountedDelivery): Promise<void>
  }
  now?: () => Date
}

/** How long a job waits, polling, for an earlier answer to the same citizen to go first (its own job sends it). */
const WAIT_FOR_EARLIER_MS = 10_000
const WAIT_STEP_MS = 100
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** How a request went out and to how many people (what LINE counts against the quota, per request). */
type Sent = { via: DeliveryVia; recipients: number }

/** A push the station must not make: the row fails for good, with this instead of LINE's error. */
const DO_NOT_CONTACT = { status: 0, message: 'do not contact (the citizen asked for erasure)' }

/**
 * Delivers one outbox row (with the held rows written after it to the same recipient, in one request: see
 * bot/line/outbox-groups.ts). Reply first while the event's token is fresh and unused (free), else push with the row's
 * retry key (LINE answers 409 to a key it already accepted: that is a delivery, not an error). 429/5xx are thrown so
 * the job retries with backoff; any other 4xx fails the row for good with LINE's details kept for the officers.
 */
export function createDeliverOutbound({
  db,
  line,
  logger,
  doNotContact,
  announcements,
  now = () => new Date(),
}: DeliverOutboundDeps) {
  const blocked = (recipients: readonly string[], purpose: string) =>
    doNotContact ? doNotContact.blocked(recipients, purpose) : Promise.resolve(new Set<string>())

  /** Whether the row's reply token is still worth trying (present and fresh). */
  function fresh(row: OutboundMessage): boolean {
    return Boolean(row.replyToken && row.inboundEventId && row.replyTokenExpiresAt && row.replyTokenExpiresAt > now())
  }

  async function claimReplyToken(row: OutboundMessage): Promise<boolean> {
    if (!fresh(row) || !row.inboundEventId) {
      return false
    }
    // A reply token is single-use: only the first row of an event to claim it may try a reply.
    const claimed = await db
      .update(inboundEvents)
      .set({ replyTokenUsedAt: now() })
      .where(and(eq(inboundEvents.id, row.inboundEventId), isNull(inboundEvents.replyTokenUsedAt)))
      .returning({ id: inboundEvents.id })
    return claimed.length > 0
  }

  const groups = createOutboxGroups({ db, now })
  const ids = (rows: readonly OutboundMessage[]) => rows.map((r) => r.id)
  const attemptedOnce = sql`${outboundMessages.attempts} + 1`

  /**
   * Marks the rows delivered and counts the request for the month (line_message_counts) in the same statement, only
   * on the transition to delivered: still one statement per delivery on the reply path.
   */
  async function markDelivered(rows: readonly OutboundMessage[], sent: Sent, requestId: string | null) {
    const [row] = rows
    if (!row) {
      return
    }
    const at = now()
    const mark = db
      .update(outboundMessages)
      .set({
        status: 'delivered',
        sentVia: sent.via,
        lineRequestId: requestId,
        deliveredAt: at,
        attempts: attemptedOnce,
      })
      .where(and(inArray(outboundMessages.id, ids(rows)), ne(outboundMessages.status, 'delivered')))
    const kind = row.kind ?? messageKind(row.purpose)
    const recipients = await recipientsOf(row, sent)
    const count = { at, stationId: row.stationId, kind, via: sent.via, recipients }
    if (row.broadcastId && announcements) {
      // An announcement's request: counted and its progress moved in the same statement (only on the transition).
      const moved = sql`${mark.getSQL()} returning ${recipients}::int as n`
      await announcements.settle(row.broadcastId, moved, 'sent', count)
      return
    }
    await db.execute(markAndCount(mark.returning({ id: outboundMessages.id }), count))
  }

  /**
   * LINE counts a message to a group or room once per member: asked of LINE after the send (an alert to the station's
   * group is not delayed by it), never for a citizen's 1:1 chat. If LINE cannot say, one.
   */
  async function recipientsOf(row: OutboundMessage, sent: Sent): Promise<number> {
    if (sent.via === 'multicast' || !row.to || row.to.startsWith('U') || !line.membersCount) {
      return sent.recipients
    }
    try {
      return await line.membersCount(row.to)
    } catch (err) {
      logger.warn({ outboundId: row.id, status: toLineError(err).status }, 'group members count failed, counted as 1')
      return sent.recipients
    }
  }

  async function markFailed(rows: readonly OutboundMessage[], lastError: unknown) {
    const broadcastId = rows[0]?.broadcastId
    if (broadcastId && announcements) {
      const mark = db
        .update(outboundMessages)
        .set({ status: 'failed', attempts: attemptedOnce, lastError })
        .where(and(inArray(outboundMessages.id, ids(rows)), eq(outboundMessages.status, 'pending')))
        .returning({ n: sql<number | null>`cardinality(${outboundMessages.recipients})` })
      await announcements.settle(broadcastId, mark.getSQL(), 'failed')
      return
    }
    await db
      .update(outboundMessages)
      .set({ status: 'failed', attempts: attemptedOnce, lastError })
      .where(inArray(outboundMessages.id, ids(rows)))
  }

  /** The first row of the group whose reply token this worker could claim (the reply is free; one per token). */
  async function replyRow(rows: readonly OutboundMessage[], replyClaimed: boolean): Promise<OutboundMessage | null> {
    const [first] = rows
    if (replyClaimed && first && fresh(first)) {
      return first
    }
    for (const row of rows) {
      if (await claimReplyToken(row)) {
        return row
      }
    }
    return null
  }

  /**
   * Sends the group; `attempt` learns how the request goes and to how many before it is made, so a 409 for its retry
   * key (LINE accepted it before) is counted like the request it repeats.
   */
  async function send(
    rows: readonly OutboundMessage[],
    replyClaimed: boolean,
    attempt: Sent,
  ): Promise<{ requestId: string | null } | 'blocked'> {
    const [row] = rows
    if (!row) {
      throw new Error('nothing to send')
    }
    // One request for the whole group, in the rows' order; the group's retry key is the first row's (shared).
    const messages = rows.flatMap((r) => r.messages as LineMessage[])
    const announcement = row.broadcastId && announcements ? await announcements.prepare(row) : null
    if (row.method === 'broadcast') {
      if (!line.broadcast) {
        throw new Error('this LINE client cannot broadcast')
      }
      Object.assign(attempt, { via: 'broadcast', recipients: announcement?.recipients ?? 0 })
      return line.broadcast(messages, row.retryKey)
    }
    if (row.method === 'multicast') {
      const listed = announcement?.to ?? row.recipients ?? []
      // An announcement's `prepare` kept only citizens still known by their LINE user ID: none of them is erased.
      const skip = announcement ? new Set<string>() : await blocked(listed, row.purpose)
      const to = listed.filter((r) => !skip.has(r))
      if (to.length === 0) {
        return 'blocked'
      }
      Object.assign(attempt, { via: 'multicast', recipients: to.length })
      return announcement?.aggregationUnit
        ? line.multicast(to, messages, row.retryKey, announcement.aggregationUnit)
        : line.multicast(to, messages, row.retryKey)
    }
    if (!row.to) {
      throw new Error(`outbound ${row.id} has no recipient`)
    }
    const byReply = row.method === 'reply_or_push' ? await replyRow(rows, replyClaimed) : null
    if (byReply) {
      try {
        return await line.reply(byReply.replyToken ?? '', messages)
      } catch (err) {
        const e = toLineError(err)
        if (!e.invalidReplyToken && !e.retryable) {
          throw e
        }
        // Expired, used or lost in transit: the same messages go by push (the claim stops a second reply).
        logger.warn({ outboundId: row.id, status: e.status }, 'reply failed, falling back to push')
      }
    }
    // A reply answers a message they sent; a push is the station reaching out, which an erased citizen refused.
    if ((await blocked([row.to], row.purpose)).size > 0) {
      return 'blocked'
    }
    Object.assign(attempt, { via: 'push', recipients: 1 })
    return line.push(row.to, messages, row.retryKey)
  }

  /** Sends a row this worker holds the lease of; `replyClaimed`: its reply token was claimed with the lease. */
  async function deliverLeased(row: OutboundMessage, meta?: JobMeta, replyClaimed = false) {
    return deliverGroup([row], meta, replyClaimed)
  }

  /** Sends leased rows to one recipient in one request; they succeed, retry or fail together. */
  async function deliverGroup(rows: readonly OutboundMessage[], meta?: JobMeta, replyClaimed = false) {
    return deliverRows(rows, meta, replyClaimed)
  }

  async function deliverRows(rows: readonly OutboundMessage[], meta: JobMeta | undefined, replyClaimed: boolean) {
    const [row] = rows
    if (!row) {
      return 'skipped'
    }
    // A reply to one citizen unless send() says otherwise before its request.
    const attempt: Sent = { via: 'reply', recipients: 1 }
    try {
      const sent = await send(rows, replyClaimed, attempt)
      if (sent === 'blocked') {
        await markFailed(rows, DO_NOT_CONTACT)
        return 'blocked'
      }
      await markDelivered(rows, attempt, sent.requestId)
      return 'delivered'
    } catch (err) {
      const e: LineApiError = toLineError(err)
      const lastError = { status: e.status, message: e.body?.message, details: e.body?.details, requestId: e.requestId }
      if (e.alreadyAccepted) {
        // Only a push or multicast carries a retry key: `attempt` names the one LINE had accepted.
        await markDelivered(rows, attempt, e.acceptedRequestId)
        return 'delivered'
      }
      const attemptsMade = (meta?.attemptsMade ?? 0) + 1
      const outOfAttempts = attemptsMade >= jobContracts['deliver-outbound'].options.attempts
      if (e.retryable && !outOfAttempts) {
        const wait = backoffDelay(jobContracts['deliver-outbound'].options.backoff, attemptsMade, () => 1)
        await db
          .update(outboundMessages)
          .set({
            attempts: attemptedOnce,
            lastError,
            nextAttemptAt: new Date(now().getTime() + wait),
            leasedUntil: null,
          })
          .where(inArray(outboundMessages.id, ids(rows)))
        throw e
      }
      await markFailed(rows, lastError)
      logger.error({ outboundId: row.id, status: e.status, lineMessage: e.body?.message }, 'outbound failed for good')
      return 'failed'
    }
  }

  /**
   * Leases the row: with a duplicate job (sweeper, stalled-job recovery) only one worker sends it; a held answer only
   * once every answer before it to the same citizen is sent (bot/line/outbox-groups.ts noEarlierHeld).
   */
  async function lease(outboundId: string) {
    const [row] = await db
      .update(outboundMessages)
      .set({ leasedUntil: new Date(now().getTime() + SEND_LEASE_MS) })
      .where(
        and(
          eq(outboundMessages.id, outboundId),
          eq(outboundMessages.status, 'pending'),
          or(isNull(outboundMessages.leasedUntil), lt(outboundMessages.leasedUntil, now())),
          groups.noEarlierHeld,
        ),
      )
      .returning()
    return row
  }

  /** Why a row could not be leased: gone or held by another worker (stand down), or an earlier answer goes first. */
  async function waitsForEarlier(outboundId: string): Promise<boolean> {
    const [row] = await db
      .select({ status: outboundMessages.status, leasedUntil: outboundMessages.leasedUntil })
      .from(outboundMessages)
      .where(eq(outboundMessages.id, outboundId))
    return row?.status === 'pending' && (row.leasedUntil === null || row.leasedUntil < now())
  }

  async function deliverOutbound({ outboundId }: JobPayload<'deliver-outbound'>, meta?: JobMeta) {
    for (let waited = 0; ; waited += WAIT_STEP_MS) {
      const row = await lease(outboundId)
      if (row) {
        const group = await groups.gather(row)
        return group ? deliverGroup(group, meta) : 'skipped'
      }
      if (!(await waitsForEarlier(outboundId))) {
        return 'skipped'
      }
      // The earlier answer's job takes this one with it, or sends it first: look again shortly.
      if (waited >= WAIT_FOR_EARLIER_MS) {
        throw new Error(`outbound ${outboundId} waits for an earlier message to the same recipient`)
      }
      await sleep(WAIT_STEP_MS)
    }
  }
  // The processor; `deliverLeased` for a job that wrote the row leased and sends it itself (jobs/process-chat.job.ts).
  return Object.assign(deliverOutbound, { deliverLeased })
}
export type DeliverOutbound = ReturnType<typeof createDeliverOutbound>

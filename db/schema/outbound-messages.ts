import { sql } from 'drizzle-orm'
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.js'
import { stations } from './stations.js'

/** 'cancelled': an announcement's request that its cancel stopped before it was sent. */
export const OUTBOUND_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const
export const OUTBOUND_METHODS = ['reply_or_push', 'push', 'multicast', 'broadcast'] as const

/**
 * The outbox: every message to LINE is a row written in the same transaction as the change that caused it.
 * A job delivers it; the retry key is generated once here so retries never duplicate a push.
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: id(),
    stationId: uuid('station_id').references(() => stations.id),
    method: text('method', { enum: OUTBOUND_METHODS }).notNull(),
    /** A user, group or room ID for push; unused for multicast. */
    to: text('to'),
    /** User IDs for multicast (at most 500). */
    recipients: text('recipients').array(),
    /** The event whose reply token may carry this message (reply first while fresh and unused). */
    inboundEventId: bigint('inbound_event_id', { mode: 'number' }),
    replyToken: text('reply_token'),
    replyTokenExpiresAt: timestamp('reply_token_expires_at', { withTimezone: true }),
    messages: jsonb('messages').$type<unknown[]>().notNull(),
    /** When a retryable failure was last seen, the next try is not before this (the sweeper respects it). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** A worker sending this row holds it until then; another job for the same row stands back (no double send). */
    leasedUntil: timestamp('leased_until', { withTimezone: true }),
    retryKey: uuid('retry_key').notNull().default(sql`gen_random_uuid()`),
    /** What produced it (e.g. 'conversation', 'case-status'), for metrics and the officers' view. */
    purpose: text('purpose').notNull().default('conversation'),
    /**
     * What it is about, for the messages counted per month (line_message_counts): a case's kind for messages about a
     * case, else what the purpose maps to (bot/line/message-kind.ts). Null on rows written before it existed.
     */
    kind: text('kind'),
    status: text('status', { enum: OUTBOUND_STATUSES }).notNull().default('pending'),
    /** How it went out: 'reply' | 'push' | 'multicast'. */
    sentVia: text('sent_via'),
    attempts: integer('attempts').notNull().default(0),
    /** LINE's error ({status, message, details}) of the last failed attempt. */
    lastError: jsonb('last_error'),
    lineRequestId: text('line_request_id'),
    /** The announcement this request belongs to (broadcasts; one row per ≤ 500 recipients, or one broadcast call). */
    broadcastId: uuid('broadcast_id'),
    createdAt: createdAt(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('outbound_messages_pending_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
    index('outbound_messages_broadcast_idx').on(t.broadcastId, t.status).where(sql`${t.broadcastId} is not null`),
  ],
)
export type OutboundMessage = typeof outboundMessages.$inferSelect
export type NewOutboundMessage = typeof outboundMessages.$inferInsert

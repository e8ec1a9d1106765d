import { sql } from 'drizzle-orm'
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

export const INBOUND_STATUSES = ['pending', 'processed', 'failed'] as const

/**
 * The webhook inbox: every event LINE sent, stored before the webhook answers 200.
 * `webhookEventId` is unique, so a redelivery inserts nothing new.
 */
export const inboundEvents = pgTable(
  'inbound_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    webhookEventId: text('webhook_event_id').notNull().unique(),
    destination: text('destination').notNull(),
    type: text('type').notNull(),
    /** The chat the event belongs to (user, group or room ID): the unit of ordering. */
    chatKey: text('chat_key').notNull(),
    /** The LINE user who caused it, when LINE says (absent for some group events). */
    lineUserId: text('line_user_id'),
    /** When the event occurred (LINE's `timestamp`, ms), kept across redeliveries. */
    occurredAt: bigint('occurred_at', { mode: 'number' }).notNull(),
    /** Index of the event in its webhook body. */
    position: integer('position').notNull().default(0),
    replyToken: text('reply_token'),
    replyTokenUsedAt: timestamp('reply_token_used_at', { withTimezone: true }),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: INBOUND_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** Global order in which events were actually run (from a sequence), to audit per-chat ordering. */
    processedSeq: bigint('processed_seq', { mode: 'number' }),
  },
  (t) => [
    // The worker always takes a chat's earliest pending event: (occurred_at, id) is LINE's order.
    index('inbound_events_pending_idx').on(t.chatKey, t.occurredAt, t.id).where(sql`${t.status} = 'pending'`),
    // A citizen's fresh, unused reply token (status messages go by reply while it lasts).
    index('inbound_events_reply_idx')
      .on(t.chatKey, t.receivedAt.desc())
      .where(sql`${t.replyToken} is not null and ${t.replyTokenUsedAt} is null`),
    index('inbound_events_sweep_idx').on(t.receivedAt).where(sql`${t.status} = 'pending'`),
  ],
)
export type InboundEvent = typeof inboundEvents.$inferSelect

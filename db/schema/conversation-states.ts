import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { updatedAt } from './columns.js'

/**
 * Where a chat is in a conversation flow. Lives in Postgres (not in memory), so any worker can take the next event.
 */
export const conversationStates = pgTable('conversation_states', {
  chatKey: text('chat_key').primaryKey(),
  flow: text('flow'),
  step: text('step'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  /** A flow left untouched past this time starts over (resumable within 24 h). */
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  updatedAt: updatedAt(),
})
export type ConversationState = typeof conversationStates.$inferSelect

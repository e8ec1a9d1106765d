import { integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { stations } from './stations.js'

/**
 * Messages the OA sent, per Bangkok month, station, kind and way (LINE counts pushes, multicasts and broadcasts
 * against the plan's monthly quota, one per recipient per request; replies are free). Kept apart from the outbox so
 * the counts outlive its retention; incremented when a delivery is marked (jobs/deliver-outbound.job.ts).
 */
export const lineMessageCounts = pgTable(
  'line_message_counts',
  {
    /** "YYYY-MM" in Asia/Bangkok (Gregorian; shown in BE). */
    month: text('month').notNull(),
    stationId: uuid('station_id').references(() => stations.id),
    /** What it was about: a case kind, 'chat', 'station_group', 'announcement', ... (bot/dashboard). */
    kind: text('kind').notNull(),
    /** 'reply' | 'push' | 'multicast' | 'broadcast'. */
    via: text('via').notNull(),
    /** LINE requests made. */
    requests: integer('requests').notNull().default(0),
    /** What LINE counts: recipients per request. */
    messages: integer('messages').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('line_message_counts_key').on(t.month, t.stationId, t.kind, t.via).nullsNotDistinct()],
)
export type LineMessageCount = typeof lineMessageCounts.$inferSelect

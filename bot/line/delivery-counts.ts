import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { lineMessageCounts } from '../../db/schema/index.js'

/** 'reply' is free; the others count against the LINE plan's monthly quota. */
export type DeliveryVia = 'reply' | 'push' | 'multicast' | 'broadcast'

/** The Bangkok month of a moment, "YYYY-MM" (Thailand keeps UTC+7 all year). */
export function bangkokMonth(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 7)
}

export type CountedDelivery = {
  at: Date
  stationId: string | null
  kind: string
  via: DeliveryVia
  /** What LINE counts: one message per recipient per request, whatever the number of message objects in it. */
  recipients: number
}

/**
 * One statement: `mark` (an UPDATE of outbox rows to delivered, RETURNING them) and, only when it changed a row, one
 * request and its recipients added to the month's counter. In one statement the count and the mark commit together,
 * and a request marked twice (a 409 for a retry key LINE already accepted, two workers after a lapsed lease) is
 * counted once: the second mark changes no row. The counter outlives the outbox's retention.
 */
export function markAndCount(mark: SQLWrapper, d: CountedDelivery): SQL {
  // Drizzle puts an embedded query in parentheses, as the CTE needs.
  return sql`with marked as ${mark} ${countIfMarked(d)}`
}

/**
 * The counting half of `markAndCount`, for a statement that names its own `marked` CTE (an announcement's request
 * also moves the announcement's progress in the same statement: bot/announcements/delivery.ts).
 */
export function countIfMarked(d: CountedDelivery): SQL {
  return sql`insert into ${lineMessageCounts} as n (month, station_id, kind, via, requests, messages)
    select ${bangkokMonth(d.at)}, ${d.stationId}::uuid, ${d.kind}, ${d.via}, 1, ${d.recipients}::int
     where exists (select 1 from marked)
    on conflict on constraint line_message_counts_key do update
       set requests = n.requests + 1, messages = n.messages + excluded.messages, updated_at = now()`
}

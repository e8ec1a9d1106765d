import { sql } from 'drizzle-orm'
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { ACCESS_REQUEST_STATUSES, OFFICER_ROLES, type OfficerRole } from '../../bot/contracts/officers.js'
import { createdAt, id, updatedAt } from './columns.js'
import { stations } from './stations.js'

/** Officer roles, most powerful first (bot/contracts/officers.ts, shared with the officers' app). */
export { OFFICER_ROLES, type OfficerRole }

/** A police officer who signs in with their LINE account; always of one station. */
export const officers = pgTable(
  'officers',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    lineUserId: text('line_user_id').notNull(),
    displayName: text('display_name').notNull(),
    /** Rank and name as printed on records, e.g. ร.ต.อ. สมชาย ใจดี. */
    fullName: text('full_name'),
    role: text('role', { enum: OFFICER_ROLES }).notNull(),
    active: boolean('active').notNull().default(true),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('officers_line_user_idx').on(t.lineUserId), index('officers_station_idx').on(t.stationId)],
)
export type Officer = typeof officers.$inferSelect

/**
 * Server-side sessions issued after a verified LINE ID token. Only a hash of the token is stored; every request
 * checks the session and the officer's `active` flag, so disabling an officer takes effect at once.
 */
export const officerSessions = pgTable(
  'officer_sessions',
  {
    id: id(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('officer_sessions_officer_idx').on(t.officerId)],
)

/** A LINE user who is not an officer asking for access; an admin approves (with a role) or declines. */
export const accessRequests = pgTable(
  'access_requests',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    lineUserId: text('line_user_id').notNull(),
    displayName: text('display_name').notNull(),
    note: text('note'),
    status: text('status', { enum: ACCESS_REQUEST_STATUSES }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => officers.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    // One open request per LINE user.
    uniqueIndex('access_requests_pending_idx').on(t.lineUserId).where(sql`${t.status} = 'pending'`),
  ],
)

import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Who did what, when, from where: every view of a citizen's personal data, every reveal of an ID number, every
 * change and every sign-in. Append-only: a trigger (migration 0002) rejects UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    stationId: uuid('station_id'),
    /** The officer, or null for the system and for citizens (then `actor` says who). */
    officerId: uuid('officer_id'),
    actor: text('actor').notNull(),
    /** e.g. 'auth.sign_in', 'case.view', 'case.reveal_id', 'case.status', 'officer.disable'. */
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** What changed; never a full ID number or a secret. */
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_officer_idx').on(t.officerId, t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
)

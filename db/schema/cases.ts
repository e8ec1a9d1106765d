import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import {
  CASE_ACTOR_TYPES,
  CASE_EVENT_TYPES,
  CASE_KINDS,
  CASE_PRIORITIES,
  type CaseKind,
} from '../../bot/contracts/cases.js'
import { citizens } from './citizens.js'
import { createdAt, id, updatedAt } from './columns.js'
import { officers } from './officers.js'
import { stations } from './stations.js'

/** Kinds, priorities, timeline entries: bot/contracts/cases.ts (shared with the officers' app). */
export { CASE_EVENT_TYPES, CASE_KINDS, CASE_PRIORITIES, type CaseKind }

/** One inbox for every kind. Statuses are kind-specific text; their transitions live in bot/cases/statuses.ts. */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    /** The station's own gap-free yearly number, e.g. RYG-2569-000123. */
    referenceNumber: text('reference_number').notNull(),
    status: text('status').notNull(),
    priority: text('priority', { enum: CASE_PRIORITIES }).notNull().default('normal'),
    citizenId: uuid('citizen_id').references(() => citizens.id),
    assigneeId: uuid('assignee_id').references(() => officers.id),
    /** A short, non-identifying line for lists (e.g. "บัตรประชาชน, ใบขับขี่"). */
    summary: text('summary').notNull().default(''),
    /** Where, when a place matters (SOS, house watch). */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Answer by then (SLA); the inbox's "overdue" filter compares with it. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    /**
     * When the case's personal data was removed (retention after it ended, or the citizen's erasure request): the
     * row stays for the counts and the record's public verification (number, dates, type), unlinked from anyone.
     */
    personalDataPurgedAt: timestamp('personal_data_purged_at', { withTimezone: true }),
    /** Keyed hashes (HMAC) of the citizen's name and phone, so officers can search without plain text here. */
    searchHashes: text('search_hashes').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cases_reference_idx').on(t.referenceNumber),
    // The inbox: newest first per station, keyset on (created_at, id).
    index('cases_inbox_idx').on(t.stationId, t.createdAt.desc(), t.id.desc()),
    index('cases_status_idx').on(t.stationId, t.status, t.createdAt.desc()),
    index('cases_kind_idx').on(t.stationId, t.kind, t.createdAt.desc()),
    // 'Mine' / 'unassigned' pages and their per-status counts stay inside one station, index-only.
    index('cases_station_assignee_idx').on(t.stationId, t.assigneeId, t.status, t.createdAt.desc()),
    index('cases_citizen_idx').on(t.citizenId, t.createdAt.desc()),
    index('cases_due_idx').on(t.stationId, t.dueAt).where(sql`${t.resolvedAt} is null`),
    index('cases_search_idx').using('gin', t.searchHashes),
    // SOS cases nobody has taken yet: pinned at the top of the inbox (bot/cases/inbox.ts), a handful at most.
    index('cases_sos_unclaimed_idx')
      .on(t.stationId, t.createdAt.desc())
      .where(sql`${t.kind} = 'sos' and ${t.assigneeId} is null and ${t.resolvedAt} is null`),
    // Retention: ended cases whose personal data is still there, oldest resolution first.
    index('cases_retention_idx')
      .on(t.resolvedAt)
      .where(sql`${t.personalDataPurgedAt} is null and ${t.resolvedAt} is not null`),
  ],
)
export type Case = typeof cases.$inferSelect

/** The case's timeline: status changes, notes, messages both ways, attachments, assignments. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    type: text('type', { enum: CASE_EVENT_TYPES }).notNull(),
    actorType: text('actor_type', { enum: CASE_ACTOR_TYPES }).notNull(),
    officerId: uuid('officer_id').references(() => officers.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** Text as written (note, message); rendered as text everywhere. Null when the text is personal (see bodyEnc). */
    body: text('body'),
    /**
     * Text the citizen typed that is personal (an answer to "ask for more information"), AES-256-GCM under
     * PII_ENCRYPTION_KEY: officers see it masked and reveal it through the audited reveal route.
     */
    bodyEnc: text('body_enc'),
    /** Internal notes are never shown to the citizen. */
    internal: boolean('internal').notNull().default(false),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.id),
    // Media whose content is still to be fetched from LINE: the sweeper finds them without scanning the timeline.
    index('case_events_content_pending_idx').on(t.createdAt).where(sql`${t.data}->>'content' = 'pending'`),
  ],
)
export type CaseEvent = typeof caseEvents.$inferSelect

/**
 * Files attached to a case (photos, videos, voice and files the citizen sent from LINE, documents from officers),
 * kept in the database: every web and worker process reads the same bytes, a backup holds them, and deleting the row
 * (retention, erasure) deletes the file. `sha256` is the hash of the bytes as received (evidence they were not
 * changed); `caseEventId` is the timeline entry the file came with (one file per entry: a retried fetch stores none).
 */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    caseEventId: bigint('case_event_id', { mode: 'number' }).references(() => caseEvents.id, { onDelete: 'cascade' }),
    contentType: text('content_type').notNull(),
    fileName: text('file_name'),
    size: integer('size').notNull(),
    /** Hex SHA-256 of the bytes as received (the plaintext); null only for rows stored before it was kept. */
    sha256: text('sha256'),
    /**
     * The bytes, encrypted like ID numbers (PiiCipher.encryptBytes: AES-256-GCM with its key ID, as text, portable
     * across postgres.js and PGlite): a photographed passport is as personal as its number.
     */
    bytesEnc: text('bytes_enc'),
    /** Base64 plaintext of rows stored before encryption: the retention job's first run encrypts them (then null). */
    bytes: text('bytes'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('attachments_case_event_idx').on(t.caseEventId).where(sql`${t.caseEventId} is not null`),
    index('attachments_case_idx').on(t.caseId, t.createdAt),
    check('attachments_bytes_kept', sql`${t.bytesEnc} is not null or ${t.bytes} is not null`),
  ],
)
export type Attachment = typeof attachments.$inferSelect

/**
 * Gap-free numbering: the counter row is locked by the transaction that takes a number, so a rollback gives the
 * number back and concurrent submissions queue for it.
 */
export const referenceCounters = pgTable(
  'reference_counters',
  {
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    series: text('series').notNull(),
    /** Buddhist Era year, e.g. 2569. */
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.series, t.year] })],
)

/** Messages sent to citizens on a status change, per kind, status and language; admins edit them. */
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    status: text('status').notNull(),
    language: text('language').notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by').references(() => officers.id),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('message_templates_key_idx').on(t.stationId, t.kind, t.status, t.language)],
)

import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { DOCUMENT_POLICIES, type DocumentPolicy } from '../../bot/contracts/liff-api.js'
import { cases } from './cases.js'
import { citizens } from './citizens.js'
import { createdAt, id, updatedAt } from './columns.js'
import { officers } from './officers.js'

/** What happens when a document type is reported lost (admin-editable; bot/contracts/liff-api.ts). */
export { DOCUMENT_POLICIES, type DocumentPolicy }

/** The maintained list of document types a citizen can report, with the station's policy for each. */
export const documentTypes = pgTable('document_types', {
  code: text('code').primaryKey(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  policy: text('policy', { enum: DOCUMENT_POLICIES }).notNull(),
  /** Why, when the policy is not 'issue_now' (shown to the citizen). */
  reasonTh: text('reason_th'),
  reasonEn: text('reason_en'),
  /** Whether the document has a number worth asking for (ID, licence, account...). */
  hasNumber: boolean('has_number').notNull().default(true),
  /** Suggested issuers (e.g. banks), shown as choices. */
  issuers: jsonb('issuers').$type<string[]>().notNull().default([]),
  sortOrder: integer('sort_order').notNull().default(100),
  active: boolean('active').notNull().default(true),
  updatedAt: updatedAt(),
})
export type DocumentType = typeof documentTypes.$inferSelect

export const ID_TYPES = ['thai_id', 'passport', 'alien_id', 'work_permit'] as const

/**
 * A lost-document report: the kind-specific part of a `cases` row. ID and document numbers and the citizen's story
 * are stored encrypted (AES-256-GCM), with a keyed hash to search by and the last digits to show. The personal
 * columns are null once the case's personal data is purged (`cases.personal_data_purged_at`): retention after the
 * case ended, or the citizen's erasure request. What the public verification needs stays (number, dates, types).
 */
export const lostDocumentReports = pgTable(
  'lost_document_reports',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Null once purged: the report no longer belongs to anyone. */
    citizenId: uuid('citizen_id').references(() => citizens.id),
    /** Same key again (double tap, network retry) → the same report. */
    idempotencyKey: text('idempotency_key').notNull(),
    channel: text('channel', { enum: ['liff', 'chat'] }).notNull(),
    declarantName: text('declarant_name'),
    idType: text('id_type', { enum: ID_TYPES }).notNull(),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    idNumberLast: text('id_number_last'),
    dateOfBirth: date('date_of_birth'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneLast: text('phone_last'),
    /** Structured Thai address: houseNo, village, moo, soi, road, subdistrict, district, province, postcode. */
    address: jsonb('address').$type<Record<string, string>>(),
    lostFrom: timestamp('lost_from', { withTimezone: true }).notNull(),
    lostTo: timestamp('lost_to', { withTimezone: true }),
    placeText: text('place_text'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Plain text of reports filed before it was encrypted; the retention job's first pass moves it to the next. */
    circumstances: text('circumstances'),
    /** What happened, in the citizen's words: encrypted (it may hold anything they chose to tell). */
    circumstancesEnc: text('circumstances_enc'),
    /** The s.137 declaration (a false report is an offence) and the PDPA consent, with the text version. */
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
    consentVersion: text('consent_version').notNull(),
    /** SHA-256 of the public verification token printed as a QR code on the record. */
    verifyTokenHash: text('verify_token_hash'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    issuedBy: uuid('issued_by').references(() => officers.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('lost_document_reports_idem_idx').on(t.citizenId, t.idempotencyKey),
    uniqueIndex('lost_document_reports_verify_idx').on(t.verifyTokenHash).where(sql`${t.verifyTokenHash} is not null`),
    index('lost_document_reports_id_hash_idx').on(t.idNumberHash),
    index('lost_document_reports_citizen_idx').on(t.citizenId, t.createdAt),
  ],
)
export type LostDocumentReport = typeof lostDocumentReports.$inferSelect

/** One to ten lost items per report. */
export const lostDocumentItems = pgTable(
  'lost_document_items',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    documentType: text('document_type')
      .notNull()
      .references(() => documentTypes.code),
    numberEnc: text('number_enc'),
    numberHash: text('number_hash'),
    numberLast: text('number_last'),
    issuer: text('issuer'),
  },
  (t) => [
    index('lost_document_items_case_idx').on(t.caseId, t.position),
    index('lost_document_items_hash_idx').on(t.numberHash),
  ],
)

/** PDPA: consents given (purpose + text version) and withdrawn; citizens' export and deletion requests. */
export const consents = pgTable(
  'consents',
  {
    id: id(),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    purpose: text('purpose').notNull(),
    version: text('version').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  },
  (t) => [index('consents_citizen_idx').on(t.citizenId)],
)

/** A citizen's PDPA request: an export (self-service, done at once) or an erasure (an officer answers it). */
export const DATA_REQUEST_STATUSES = ['pending', 'done', 'declined'] as const
export const dataRequests = pgTable(
  'data_requests',
  {
    id: id(),
    /** The tombstone of an erased citizen keeps their requests: the record that the station answered. */
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id),
    /** The station that answers it (the one of the citizen's latest case, else the default station). */
    stationId: uuid('station_id'),
    kind: text('kind', { enum: ['export', 'delete'] }).notNull(),
    status: text('status', { enum: DATA_REQUEST_STATUSES }).notNull().default('pending'),
    /** Why it was refused (the officer's explanation), or what was done; sent to the citizen. */
    note: text('note'),
    /** The legal ground of a refusal (bot/privacy/refusal-grounds.ts). */
    refusalGround: text('refusal_ground'),
    handledBy: uuid('handled_by').references(() => officers.id),
    /** What an erasure removed, per part (row counts only). */
    result: jsonb('result').$type<Record<string, number>>(),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('data_requests_queue_idx').on(t.stationId, t.status, t.createdAt)],
)
export type DataRequest = typeof dataRequests.$inferSelect

import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import {
  CAMERA_CONTACT_PREFERENCES,
  CAMERA_OWNER_TYPES,
  CAMERA_STATUSES,
  CAMERA_VERIFICATION,
  FOOTAGE_REQUEST_CHANNELS,
  FOOTAGE_REQUEST_STATUSES,
} from '../../bot/contracts/cameras.js'
import { attachments, caseEvents, cases } from './cases.js'
import { citizens } from './citizens.js'
import { createdAt, id, updatedAt } from './columns.js'
import { officers } from './officers.js'
import { stations } from './stations.js'

/**
 * A CCTV camera of the zone (CCOC): police, another agency's, or private. Imported from CSV or edited by admins;
 * private owners register theirs from the LIFF app (verification 'pending' until an officer verifies). "Cameras near
 * a point" uses the (latitude, longitude) index as a bounding box, then the exact distance.
 */
export const cameras = pgTable(
  'cameras',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    /** The CCOC's code, e.g. "RYG-P-001"; unique per station (a CSV re-import updates by it). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    ownerType: text('owner_type', { enum: CAMERA_OWNER_TYPES }).notNull(),
    /** The agency or the shop / house name as it may be shown to officers. */
    ownerName: text('owner_name'),
    /** A private owner who joined through LINE (requests go to them there). */
    citizenId: uuid('citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    /** The owner's phone, encrypted like ID numbers. */
    contactPhoneEnc: text('contact_phone_enc'),
    contactPreference: text('contact_preference', { enum: CAMERA_CONTACT_PREFERENCES }),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** Where it looks: compass degrees (0 = north), the field of view in degrees, how far it sees usefully. */
    directionDeg: integer('direction_deg'),
    fieldOfViewDeg: integer('field_of_view_deg'),
    rangeMeters: integer('range_meters'),
    /** What it covers, in the owner's words ("หน้าร้าน ถนนสุขุมวิท"). */
    covers: text('covers'),
    /** Days the recorder keeps footage before overwriting. */
    retentionDays: integer('retention_days'),
    liveView: boolean('live_view').notNull().default(false),
    status: text('status', { enum: CAMERA_STATUSES }).notNull().default('active'),
    verification: text('verification', { enum: CAMERA_VERIFICATION }).notNull().default('verified'),
    verifiedBy: uuid('verified_by').references(() => officers.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** The PDPA notice version a private owner consented to (police may ask for footage; they may always refuse). */
    consentVersion: text('consent_version'),
    consentedAt: timestamp('consented_at', { withTimezone: true }),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('cameras_code_idx').on(t.stationId, t.code),
    index('cameras_position_idx').on(t.latitude, t.longitude),
    index('cameras_owner_idx').on(t.citizenId),
    index('cameras_pending_idx').on(t.stationId, t.createdAt).where(sql`${t.verification} = 'pending'`),
  ],
)
export type Camera = typeof cameras.$inferSelect

/** A request for a camera's footage of a time window, for a case; to the owner by LINE, letter or CCOC task. */
export const footageRequests = pgTable(
  'footage_requests',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    cameraId: uuid('camera_id')
      .notNull()
      .references(() => cameras.id),
    channel: text('channel', { enum: FOOTAGE_REQUEST_CHANNELS }).notNull(),
    windowFrom: timestamp('window_from', { withTimezone: true }).notNull(),
    windowTo: timestamp('window_to', { withTimezone: true }).notNull(),
    /** What is asked ("ภาพรถจักรยานยนต์สีแดงผ่านหน้าร้าน"). */
    ask: text('ask').notNull(),
    status: text('status', { enum: FOOTAGE_REQUEST_STATUSES }).notNull().default('open'),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => officers.id),
    /** The CCOC operator the task is with (police cameras). */
    assigneeId: uuid('assignee_id').references(() => officers.id),
    /** The letter's number (agency cameras), e.g. "ตร. 0017(รย).1/123". */
    letterNumber: text('letter_number'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** The owner's words with the answer. */
    answerNote: text('answer_note'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('footage_requests_case_idx').on(t.caseId, t.createdAt),
    index('footage_requests_camera_idx').on(t.cameraId, t.createdAt),
    index('footage_requests_queue_idx').on(t.stationId, t.status, t.deadlineAt),
  ],
)
export type FootageRequest = typeof footageRequests.$inferSelect

/**
 * An evidence file received for a case (from an owner's upload or an officer): the bytes are an attachment (encrypted,
 * with its SHA-256); this row adds where it came from. Views and exports are the chain of custody (case timeline and
 * audit log). Its retention is the case's (deleted with it).
 */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => attachments.id, { onDelete: 'cascade' }),
    footageRequestId: uuid('footage_request_id').references(() => footageRequests.id, { onDelete: 'set null' }),
    cameraId: uuid('camera_id').references(() => cameras.id, { onDelete: 'set null' }),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    uploadedByCitizenId: uuid('uploaded_by_citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    uploadedByOfficerId: uuid('uploaded_by_officer_id').references(() => officers.id),
    /** The timeline entry that records its receipt. */
    caseEventId: bigint('case_event_id', { mode: 'number' }).references(() => caseEvents.id, { onDelete: 'set null' }),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evidence_files_case_idx').on(t.caseId, t.receivedAt)],
)
export type EvidenceFile = typeof evidenceFiles.$inferSelect

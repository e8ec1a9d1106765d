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
import { LANGUAGES } from '../../bot/contracts/citizens.js'
import {
  DEFAULT_DIGEST_HOUR,
  DEFAULT_GPS_TOLERANCE_METERS,
  DEFAULT_MAX_WATCH_DAYS,
  DEFAULT_PURGE_AFTER_DAYS,
  DEFAULT_SHIFTS,
  GPS_CHECKS,
  HOUSE_WATCH_APPROVAL,
  HOUSE_WATCH_CHANNELS,
  HOUSE_WATCH_END_REASONS,
  HOUSE_WATCH_NOTIFY,
  LOCATION_SOURCES,
  PATROL_POINT_KINDS,
  type PatrolShift,
  type ThaiAddress,
  VISIT_RESULTS,
} from '../../bot/contracts/house-watch.js'
import { attachments, cases } from './cases.js'
import { createdAt, id, updatedAt } from './columns.js'
import { officers } from './officers.js'
import { stations } from './stations.js'

/** A station's house-watch and patrol settings (defaults in bot/contracts/house-watch.ts until an admin saves). */
export const houseWatchSettings = pgTable('house_watch_settings', {
  stationId: uuid('station_id')
    .primaryKey()
    .references(() => stations.id, { onDelete: 'cascade' }),
  approval: text('approval', { enum: HOUSE_WATCH_APPROVAL }).notNull().default('auto'),
  maxDays: integer('max_days').notNull().default(DEFAULT_MAX_WATCH_DAYS),
  gpsToleranceMeters: integer('gps_tolerance_meters').notNull().default(DEFAULT_GPS_TOLERANCE_METERS),
  purgeAfterDays: integer('purge_after_days').notNull().default(DEFAULT_PURGE_AFTER_DAYS),
  /** Bangkok hour (0–23) of the owners' daily summary. */
  digestHour: integer('digest_hour').notNull().default(DEFAULT_DIGEST_HOUR),
  shifts: jsonb('shifts').$type<PatrolShift[]>().notNull().default(DEFAULT_SHIFTS),
  updatedBy: uuid('updated_by').references(() => officers.id),
  updatedAt: updatedAt(),
})
export type HouseWatchSettings = typeof houseWatchSettings.$inferSelect

/**
 * Neighbouring stations, for a house outside this station's jurisdiction: the answer names the station whose area
 * holds the pin (else the nearest) with its phone, instead of a silent refusal.
 */
export const neighbourStations = pgTable('neighbour_stations', {
  id: id(),
  stationId: uuid('station_id')
    .notNull()
    .references(() => stations.id, { onDelete: 'cascade' }),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  phone: text('phone').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
  /** GeoJSON polygon of its area, when known. */
  area: jsonb('area'),
  createdAt: createdAt(),
})

/**
 * A house-watch enrolment's detail beside its case (kind 'house_watch'). Personal fields are purged
 * house_watch_settings.purge_after_days after the watch ends (the retention job); counts stay.
 */
export const houseWatches = pgTable(
  'house_watches',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: HOUSE_WATCH_CHANNELS }).notNull(),
    language: text('language', { enum: LANGUAGES }).notNull().default('th'),
    ownerName: text('owner_name'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneLast: text('phone_last'),
    address: jsonb('address').$type<ThaiAddress>(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    locationSource: text('location_source', { enum: LOCATION_SOURCES }),
    /** The absence, Bangkok dates, inclusive. */
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    emergencyName: text('emergency_name'),
    emergencyPhoneEnc: text('emergency_phone_enc'),
    /** Pets, vehicles left, lights on timers, who holds a key. */
    notes: text('notes'),
    housePhotoId: uuid('house_photo_id').references(() => attachments.id, { onDelete: 'set null' }),
    notify: text('notify', { enum: HOUSE_WATCH_NOTIFY }).notNull().default('daily_digest'),
    /** Consent to patrols photographing the outside and to the data use, with the text's version. */
    consentVersion: text('consent_version').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => officers.id),
    /** Times the owner extended it (a second enrolment while active, or "extend" at the end). */
    extendedCount: integer('extended_count').notNull().default(0),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    endQuestionSentAt: timestamp('end_question_sent_at', { withTimezone: true }),
    /** Visits up to this time are in a sent daily summary. */
    digestedUntil: timestamp('digested_until', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason', { enum: HOUSE_WATCH_END_REASONS }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('house_watches_period_idx').on(t.startsOn, t.endsOn).where(sql`${t.endedAt} is null`)],
)
export type HouseWatch = typeof houseWatches.$inferSelect

/**
 * A place patrols check in at: an enrolled house (one per house-watch case) or a red box. Its QR carries the point's
 * ID and an HMAC of it with `qrVersion` (no secret is stored; bumping the version voids printed stickers).
 */
export const patrolPoints = pgTable(
  'patrol_points',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    kind: text('kind', { enum: PATROL_POINT_KINDS }).notNull(),
    /** The house-watch case of a house point. */
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    /** Short code on the sticker and for manual entry, e.g. "RB-007" or "HW-000123". */
    code: text('code').notNull(),
    nameTh: text('name_th'),
    nameEn: text('name_en'),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    qrVersion: integer('qr_version').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('patrol_points_code_idx').on(t.stationId, t.code),
    uniqueIndex('patrol_points_case_idx').on(t.caseId),
    index('patrol_points_active_idx').on(t.stationId, t.kind).where(sql`${t.active}`),
  ],
)
export type PatrolPoint = typeof patrolPoints.$inferSelect

/** A patrol officer's check-in at a point: where the phone was, what was found, in which shift. */
export const patrolVisits = pgTable(
  'patrol_visits',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    pointId: uuid('point_id')
      .notNull()
      .references(() => patrolPoints.id, { onDelete: 'cascade' }),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id),
    scannedAt: timestamp('scanned_at', { withTimezone: true }).notNull(),
    /** A second scan within SAME_VISIT_MINUTES is the same visit: its time lands here. */
    lastScanAt: timestamp('last_scan_at', { withTimezone: true }).notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    accuracyMeters: doublePrecision('accuracy_meters'),
    distanceMeters: doublePrecision('distance_meters'),
    gpsCheck: text('gps_check', { enum: GPS_CHECKS }).notNull(),
    result: text('result', { enum: VISIT_RESULTS }).notNull().default('normal'),
    note: text('note'),
    photoContentType: text('photo_content_type'),
    photoSha256: text('photo_sha256'),
    photoBytesEnc: text('photo_bytes_enc'),
    /** The shift (house_watch_settings.shifts key) and the Bangkok date it started on. */
    shiftKey: text('shift_key').notNull(),
    shiftDate: date('shift_date').notNull(),
    /** The owner was told of this visit by itself (each-visit owners, and every finding). */
    ownerNotifiedAt: timestamp('owner_notified_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('patrol_visits_point_idx').on(t.pointId, t.scannedAt),
    index('patrol_visits_shift_idx').on(t.stationId, t.shiftDate, t.shiftKey),
  ],
)
export type PatrolVisit = typeof patrolVisits.$inferSelect

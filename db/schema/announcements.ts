import { sql } from 'drizzle-orm'
import {
  boolean,
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
  ANNOUNCEMENT_TOPICS,
  type Audience,
  BROADCAST_STATUSES,
  HOUSEHOLD_ROLES,
  HOUSEHOLD_SOURCES,
  type LocalizedMessages,
  type PartialSend,
} from '../../bot/contracts/announcements.js'
import { LANGUAGES } from '../../bot/contracts/citizens.js'
import type { ThaiAddress } from '../../bot/contracts/house-watch.js'
import { citizens } from './citizens.js'
import { createdAt, id, updatedAt } from './columns.js'
import { officers } from './officers.js'
import { stations } from './stations.js'

/**
 * The zone's address list as the admin imported it (CSV: house numbers per soi, village, tambon, municipality): the
 * denominator of coverage ("registered households out of 8,053"). `key` is the normalised address, unique per station,
 * so a re-import updates rather than duplicates.
 */
export const zoneAddresses = pgTable(
  'zone_addresses',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    houseNo: text('house_no').notNull(),
    moo: text('moo'),
    village: text('village'),
    soi: text('soi'),
    road: text('road'),
    /** ตำบล / แขวง. */
    subdistrict: text('subdistrict').notNull(),
    /** เทศบาล (e.g. เทศบาลนครระยอง), or null outside any municipality. */
    municipality: text('municipality'),
    district: text('district'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('zone_addresses_key_idx').on(t.stationId, t.key),
    index('zone_addresses_area_idx').on(t.stationId, t.municipality, t.subdistrict),
  ],
)
export type ZoneAddress = typeof zoneAddresses.$inferSelect

/**
 * A household of the zone: registered from the LIFF app or created by a house-watch enrolment. Several LINE users
 * belong to one (household_members, joined with `inviteCode`). Columns copied out of `address` are what audiences
 * filter on.
 */
export const households = pgTable(
  'households',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    /** Short code a member shares (or an invite link carries) to join; replaced when the owner resets it. */
    inviteCode: text('invite_code').notNull(),
    address: jsonb('address').$type<ThaiAddress>().notNull(),
    subdistrict: text('subdistrict').notNull(),
    municipality: text('municipality'),
    soi: text('soi'),
    /** The imported address it matched, for coverage. */
    zoneAddressId: uuid('zone_address_id').references(() => zoneAddresses.id, { onDelete: 'set null' }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** Number of people living there. */
    members: integer('members').notNull().default(1),
    language: text('language', { enum: LANGUAGES }).notNull().default('th'),
    /** The announcements the household wants (all by default). */
    topics: text('topics', { enum: ANNOUNCEMENT_TOPICS })
      .array()
      .notNull()
      .default(sql`'{crime_alert,scam_warning,festival_safety,road_closure,missing_person,general}'::text[]`),
    source: text('source', { enum: HOUSEHOLD_SOURCES }).notNull(),
    createdByCitizenId: uuid('created_by_citizen_id').references(() => citizens.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('households_invite_code_idx').on(t.inviteCode),
    index('households_area_idx').on(t.stationId, t.municipality, t.subdistrict, t.soi),
    index('households_zone_address_idx').on(t.zoneAddressId),
  ],
)
export type Household = typeof households.$inferSelect

/** Who belongs to a household. A LINE user may belong to several (counted and sent once per announcement). */
export const householdMembers = pgTable(
  'household_members',
  {
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id, { onDelete: 'cascade' }),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    role: text('role', { enum: HOUSEHOLD_ROLES }).notNull().default('member'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.householdId, t.citizenId] }),
    index('household_members_citizen_idx').on(t.citizenId),
  ],
)
export type HouseholdMember = typeof householdMembers.$inferSelect

/** A saved custom audience: a named list of citizens (e.g. village heads, shop owners of one market). */
export const audienceLists = pgTable('audience_lists', {
  id: id(),
  stationId: uuid('station_id')
    .notNull()
    .references(() => stations.id),
  name: text('name').notNull(),
  citizenIds: uuid('citizen_ids').array().notNull().default(sql`'{}'::uuid[]`),
  createdBy: uuid('created_by').references(() => officers.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})
export type AudienceList = typeof audienceLists.$inferSelect

/** A station's announcement settings (defaults until an admin saves). */
export const announcementSettings = pgTable('announcement_settings', {
  stationId: uuid('station_id')
    .primaryKey()
    .references(() => stations.id, { onDelete: 'cascade' }),
  /** A supervisor approves an announcement before it goes out. */
  requireApproval: boolean('require_approval').notNull().default(true),
  /** Messages (recipients) announcements may use per Bangkok month; null: only LINE's quota limits. */
  monthlyBudget: integer('monthly_budget'),
  updatedBy: uuid('updated_by').references(() => officers.id),
  updatedAt: updatedAt(),
})

/**
 * An announcement. The audience is resolved when sending starts into broadcast_recipients (a snapshot: each LINE user
 * once), then fanned out to outbox rows of at most 500 recipients each (outbound_messages.broadcast_id), each with its
 * own stored retry key: a crash mid-way resumes without a second copy.
 */
export const broadcasts = pgTable(
  'broadcasts',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    /** The officers' name for it (lists, the dashboard). */
    title: text('title').notNull(),
    topic: text('topic', { enum: ANNOUNCEMENT_TOPICS }).notNull().default('general'),
    audience: jsonb('audience').$type<Audience>().notNull(),
    messages: jsonb('messages').$type<LocalizedMessages>().notNull(),
    status: text('status', { enum: BROADCAST_STATUSES }).notNull().default('draft'),
    /** When to send (null: when asked). */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /** The audience's size: estimated while a draft, then the snapshot's count. */
    recipients: integer('recipients').notNull().default(0),
    sent: integer('sent').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /**
     * Requests not yet settled (set by the fan-out, less one as each is delivered or fails for good, recounted on a
     * cancel): the announcement closes when it reaches 0. A counter on the row, not a look at the outbox, so the
     * statement that settles a request needs no lock held across round trips (bot/announcements/delivery.ts).
     */
    pendingRequests: integer('pending_requests').notNull().default(0),
    /** A partial send the admin chose when the quota or budget would not cover everyone. */
    partial: jsonb('partial').$type<PartialSend>(),
    /** LINE's customAggregationUnits name, so its statistics for this announcement can be read back. */
    aggregationUnit: text('aggregation_unit').notNull(),
    /** LINE's statistics as last read back. */
    lineStats: jsonb('line_stats'),
    createdBy: uuid('created_by').references(() => officers.id),
    approvedBy: uuid('approved_by').references(() => officers.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    sendRequestedBy: uuid('send_requested_by').references(() => officers.id),
    sendRequestedAt: timestamp('send_requested_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => officers.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('broadcasts_station_idx').on(t.stationId, t.createdAt.desc()),
    index('broadcasts_due_idx').on(t.scheduledAt).where(sql`${t.status} = 'scheduled'`),
  ],
)
export type Broadcast = typeof broadcasts.$inferSelect

/** The recipients of an announcement, fixed when sending starts: one row per LINE user, in the request it went in. */
export const broadcastRecipients = pgTable(
  'broadcast_recipients',
  {
    broadcastId: uuid('broadcast_id')
      .notNull()
      .references(() => broadcasts.id, { onDelete: 'cascade' }),
    citizenId: uuid('citizen_id')
      .notNull()
      .references(() => citizens.id, { onDelete: 'cascade' }),
    language: text('language', { enum: LANGUAGES }).notNull(),
    /** The position in the stated order (partial sends take the first N). */
    position: integer('position').notNull(),
    /** The outbox row (request of ≤ 500) that carries it; null until fanned out. */
    outboundMessageId: uuid('outbound_message_id'),
  },
  (t) => [
    primaryKey({ columns: [t.broadcastId, t.citizenId] }),
    index('broadcast_recipients_request_idx').on(t.broadcastId, t.outboundMessageId),
  ],
)

/**
 * An image for an announcement, uploaded by an officer and resized to LINE's limits: served at a durable HTTPS URL
 * of this server (LINE fetches it when users open the chat, long after sending), the original and its preview.
 * Not personal data (a public notice), so stored as base64 text like attachments (portable across postgres.js and
 * PGlite); kept as long as an announcement uses it.
 */
export const announcementImages = pgTable('announcement_images', {
  id: id(),
  stationId: uuid('station_id')
    .notNull()
    .references(() => stations.id),
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  sha256: text('sha256').notNull(),
  /** Base64 of the image as sent to LINE (≤ 10 MB, JPEG or PNG). */
  original: text('original').notNull(),
  /** Base64 of the preview (≤ 1 MB). */
  preview: text('preview').notNull(),
  createdBy: uuid('created_by').references(() => officers.id),
  createdAt: createdAt(),
})
export type AnnouncementImage = typeof announcementImages.$inferSelect

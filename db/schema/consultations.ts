import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { LANGUAGES } from '../../bot/contracts/citizens.js'
import {
  CONSULTATION_CHANNELS,
  CONSULTATION_CLOSERS,
  CONSULTATION_TOPICS,
  DEFAULT_FIRST_RESPONSE_MINUTES,
  DEFAULT_NEXT_RESPONSE_MINUTES,
} from '../../bot/contracts/consultations.js'
import { cases } from './cases.js'
import { createdAt, id, updatedAt } from './columns.js'
import { officers } from './officers.js'
import { stations } from './stations.js'

export { CONSULTATION_TOPICS }

/**
 * A legal consultation's own detail beside its case (kind 'consultation', RYG-CON-2569-000001). The thread itself is
 * the case's timeline: `message_in` / `message_out` case events, the citizen's and the officers' texts encrypted
 * (`case_events.body_enc`). A consultation is open while its case is not closed.
 */
export const consultations = pgTable(
  'consultations',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    topic: text('topic', { enum: CONSULTATION_TOPICS }).notNull(),
    /** The citizen's language when they asked: the officers' canned replies and the bot's notes follow it. */
    language: text('language', { enum: LANGUAGES }).notNull().default('th'),
    openedVia: text('opened_via', { enum: CONSULTATION_CHANNELS }).notNull(),
    lastCitizenMessageAt: timestamp('last_citizen_message_at', { withTimezone: true }),
    lastOfficerMessageAt: timestamp('last_officer_message_at', { withTimezone: true }),
    /** The next answer is due by then (the citizen wrote again after an officer's answer); the first is cases.due_at. */
    nextResponseDueAt: timestamp('next_response_due_at', { withTimezone: true }),
    /** Posted to the station's LINE group for a missed first response (once). */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    closedBy: text('closed_by', { enum: CONSULTATION_CLOSERS }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The officer's closing summary (sent to the citizen when they chose to), encrypted like the thread. */
    closingSummaryEnc: text('closing_summary_enc'),
    /** 1–5 from the citizen after the close; the question expires silently (ratingExpiresAt). */
    rating: integer('rating'),
    /** The citizen's optional comment with the rating, encrypted (free text can be personal). */
    ratingCommentEnc: text('rating_comment_enc'),
    ratingAskedAt: timestamp('rating_asked_at', { withTimezone: true }),
    ratingExpiresAt: timestamp('rating_expires_at', { withTimezone: true }),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    /** Times the citizen re-opened it by writing within the re-open window after a close. */
    reopenCount: integer('reopen_count').notNull().default(0),
    /** An officer turned it into another kind (a lost-document report, an SOS case): the new case. */
    convertedToCaseId: uuid('converted_to_case_id').references(() => cases.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('consultations_topic_idx').on(t.topic, t.createdAt),
    // The SLA sweep: open consultations whose next answer is due.
    index('consultations_next_due_idx').on(t.nextResponseDueAt).where(sql`${t.closedAt} is null`),
    check('consultations_rating_range', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
)
export type Consultation = typeof consultations.$inferSelect

/** Per station and topic: offered or not, its place in the quick replies, its SLA (minutes of office hours). */
export const consultationTopicSettings = pgTable(
  'consultation_topic_settings',
  {
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    topic: text('topic', { enum: CONSULTATION_TOPICS }).notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    firstResponseMinutes: integer('first_response_minutes').notNull().default(DEFAULT_FIRST_RESPONSE_MINUTES),
    nextResponseMinutes: integer('next_response_minutes').notNull().default(DEFAULT_NEXT_RESPONSE_MINUTES),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.topic] })],
)

/** Short answers the station keeps per topic (Thai and English, ordered), offered before handing over to an officer. */
export const consultationAnswers = pgTable(
  'consultation_answers',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    topic: text('topic', { enum: CONSULTATION_TOPICS }).notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    bodyTh: text('body_th').notNull(),
    bodyEn: text('body_en').notNull(),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('consultation_answers_topic_idx').on(t.stationId, t.topic, t.position)],
)
export type ConsultationAnswer = typeof consultationAnswers.$inferSelect

/**
 * Each time common answers were shown to a citizen: which, and whether they sufficed (true: "this answered my
 * question"; false: they went on to an officer, caseId set; null: no answer yet). Counted on the dashboard; holds
 * no personal data (no citizen).
 */
export const consultationAnswerOutcomes = pgTable(
  'consultation_answer_outcomes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    topic: text('topic', { enum: CONSULTATION_TOPICS }).notNull(),
    answerIds: uuid('answer_ids').array().notNull(),
    sufficed: boolean('sufficed'),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('consultation_answer_outcomes_station_idx').on(t.stationId, t.createdAt)],
)

/** Days the station's office is closed: Thai public holidays, a yearly list the admin edits. */
export const stationHolidays = pgTable(
  'station_holidays',
  {
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    /** The Bangkok calendar day (YYYY-MM-DD). */
    date: date('date', { mode: 'string' }).notNull(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.date] })],
)

/**
 * Canned replies for officers' answers: the station's library (officer_id null) and each officer's own. Placeholders
 * ({name}, {ref}, {officer}, {station}) are filled when sent.
 */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: id(),
    stationId: uuid('station_id')
      .notNull()
      .references(() => stations.id),
    officerId: uuid('officer_id').references(() => officers.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('canned_replies_owner_idx').on(t.stationId, t.officerId, t.position)],
)
export type CannedReplyRow = typeof cannedReplies.$inferSelect

/** How far each officer has read each case's timeline: the inbox's unread counts. */
export const caseReads = pgTable(
  'case_reads',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => officers.id, { onDelete: 'cascade' }),
    lastReadEventId: bigint('last_read_event_id', { mode: 'number' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.officerId] })],
)

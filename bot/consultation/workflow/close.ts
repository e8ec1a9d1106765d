import type { messagingApi } from '@line/bot-sdk'
import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, type Consultation, caseEvents, cases, consultations } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { type ConsultationCloser, RATING_EXPIRES_HOURS } from '../../contracts/consultations.js'
import type { LineMessage } from '../../line/line-client.js'
import { postbackData } from '../../line/postback.js'
import type { ActingOfficer, Audit } from '../../officers/audit-port.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'

// A THIN VERSION written by the citizen chat (helper A) with the workflow's agreed signatures, so the chat's "end"
// and rating can be built and tested before the workflow lands: C2's file replaces this one (officer closes with a
// summary and the outbox, audit, expiry). Only the citizen's close is implemented here.

/** The postback action of the rating's quick replies: `a=con-rate&c=<caseId>&r=<1..5>` (the chat handles the tap). */
export const RATING_ACTION = 'con-rate'

export type CloseDeps = { audit: Audit; cipher: Pick<PiiCipher, 'encrypt'> }

export type CloseInput = {
  caseId: string
  by: ConsultationCloser
  officer?: ActingOfficer
  summary?: string
  sendSummary?: boolean
  now: Date
}

export type CloseResult = {
  case: Case
  consultation: Consultation
  eventId: number
  outboundIds: string[]
  /** For a close by the citizen: the turn's reply (the rating question). */
  messages: LineMessage[]
  summarySent: boolean
  ratingAsked: boolean
}

export async function closeConsultation(tx: Tx, _deps: CloseDeps, input: CloseInput): Promise<CloseResult> {
  const { caseId, by, now } = input
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId)).limit(1).for('update')
  const [k] = await tx.select().from(consultations).where(eq(consultations.caseId, caseId)).limit(1)
  if (!c || !k || c.status === 'closed') {
    throw new Error('no open consultation to close')
  }
  const ratingAsked = k.ratedAt === null
  const [closedCase] = await tx
    .update(cases)
    .set({ status: 'closed', resolvedAt: c.resolvedAt ?? now, updatedAt: now })
    .where(eq(cases.id, c.id))
    .returning()
  const [closed] = await tx
    .update(consultations)
    .set({
      closedBy: by,
      closedAt: now,
      nextResponseDueAt: null,
      ...(ratingAsked
        ? { ratingAskedAt: now, ratingExpiresAt: new Date(now.getTime() + RATING_EXPIRES_HOURS * 3_600_000) }
        : {}),
      updatedAt: now,
    })
    .where(eq(consultations.caseId, c.id))
    .returning()
  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId: c.id,
      type: 'status',
      actorType: by,
      fromStatus: c.status,
      toStatus: 'closed',
      data: { closedBy: by },
      createdAt: now,
    })
    .returning({ id: caseEvents.id })
  if (!closedCase || !closed || !event) {
    throw new Error('consultation close updated no row')
  }
  await notifyCaseChange(tx, closedCase, 'updated')
  const messages = by === 'citizen' && ratingAsked ? [ratingQuestion(k.language, c)] : []
  return {
    case: closedCase,
    consultation: closed,
    eventId: event.id,
    outboundIds: [],
    messages,
    summarySent: false,
    ratingAsked,
  }
}

/** The 1–5 question: five quick replies whose postbacks carry the case and the score. */
export function ratingQuestion(lang: Consultation['language'], c: Pick<Case, 'id' | 'referenceNumber'>): LineMessage {
  const items: messagingApi.QuickReplyItem[] = ['5', '4', '3', '2', '1'].map((r) => ({
    type: 'action',
    action: {
      type: 'postback',
      label: `${'⭐'.repeat(Number(r))} ${r}`,
      data: postbackData(RATING_ACTION, { c: c.id, r }),
      displayText: lang === 'th' ? `ให้คะแนน ${r} ดาว` : `Rated ${r} stars`,
    },
  }))
  const text =
    lang === 'th'
      ? `การปรึกษาเลขที่ ${c.referenceNumber} สิ้นสุดแล้ว ขอบคุณที่ใช้บริการครับ\n\nช่วยให้คะแนนการให้คำปรึกษาครั้งนี้ 1–5 ดาว`
      : `Consultation ${c.referenceNumber} has ended. Thank you for asking us.\n\nPlease rate it from 1 to 5 stars.`
  return { type: 'text', text, quickReply: { items } }
}

export type RatingOutcome =
  | { recorded: true }
  | { recorded: false; reason: 'out_of_range' | 'not_asked' | 'expired' | 'already_rated' }

/** The citizen's tap on a rating: kept only while the question is open (asked, not expired, not yet answered). */
export async function recordRating(
  tx: Tx,
  input: { caseId: string; rating: number; comment?: string; now: Date },
  deps: { cipher?: Pick<PiiCipher, 'encrypt'> } = {},
): Promise<RatingOutcome> {
  const { caseId, rating, now } = input
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    return { recorded: false, reason: 'out_of_range' }
  }
  const comment = input.comment?.trim().slice(0, 1000) || undefined
  const [rated] = await tx
    .update(consultations)
    .set({
      rating,
      ratedAt: now,
      ...(comment && deps.cipher ? { ratingCommentEnc: deps.cipher.encrypt(comment) } : {}),
      updatedAt: now,
    })
    .where(
      and(
        eq(consultations.caseId, caseId),
        isNull(consultations.ratedAt),
        isNotNull(consultations.ratingAskedAt),
        gt(consultations.ratingExpiresAt, now),
      ),
    )
    .returning()
  if (!rated) {
    const [k] = await tx.select().from(consultations).where(eq(consultations.caseId, caseId)).limit(1)
    const reason = !k?.ratingAskedAt ? 'not_asked' : k.ratedAt ? 'already_rated' : 'expired'
    return { recorded: false, reason }
  }
  return { recorded: true }
}

/** A comment after the tap (the chat asks for one): kept once, while the question is still open. */
export async function recordRatingComment(
  tx: Tx,
  deps: { cipher: Pick<PiiCipher, 'encrypt'> },
  input: { caseId: string; comment: string; now: Date },
): Promise<boolean> {
  const comment = input.comment.trim().slice(0, 1000)
  if (!comment) {
    return false
  }
  const [row] = await tx
    .update(consultations)
    .set({ ratingCommentEnc: deps.cipher.encrypt(comment), updatedAt: input.now })
    .where(
      and(
        eq(consultations.caseId, input.caseId),
        isNotNull(consultations.ratedAt),
        isNull(consultations.ratingCommentEnc),
        gt(consultations.ratingExpiresAt, input.now),
      ),
    )
    .returning({ rating: consultations.rating })
  return Boolean(row)
}

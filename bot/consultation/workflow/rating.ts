import type { messagingApi } from '@line/bot-sdk'
import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, type Consultation, caseEvents, cases, consultations } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { CONSULTATION_REOPEN_DAYS } from '../../contracts/consultations.js'
import type { LineMessage } from '../../line/line-client.js'
import { postbackData } from '../../line/postback.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { tw } from './texts.js'

/** The postback action of the rating's quick replies: `a=con-rate&c=<caseId>&r=<1..5>` (A's chat handles the tap). */
export const RATING_ACTION = 'con-rate'

/** The 1–5 question: five quick replies whose postbacks carry the case and the score. */
export function ratingQuestion(lang: Consultation['language'], c: Pick<Case, 'id' | 'referenceNumber'>): LineMessage {
  const items: messagingApi.QuickReplyItem[] = ['1', '2', '3', '4', '5'].map((r) => ({
    type: 'action',
    action: {
      type: 'postback',
      label: `${'⭐'.repeat(Number(r))} ${r}`,
      data: postbackData(RATING_ACTION, { c: c.id, r }),
      displayText: tw(lang, 'rating.display', { n: r }),
    },
  }))
  return {
    type: 'text',
    text: tw(lang, 'rating.question', { ref: c.referenceNumber, days: CONSULTATION_REOPEN_DAYS }),
    quickReply: { items: items.reverse() },
  }
}

export type RatingOutcome =
  | { recorded: true }
  | { recorded: false; reason: 'out_of_range' | 'not_asked' | 'expired' | 'already_rated' }

/**
 * The citizen's tap on a rating: kept only while the question is open (asked, not expired, not yet answered); a late
 * or second tap is ignored without a word (`recorded: false`, the reason for the caller's logs). `deps.cipher` is
 * needed only with a comment (stored encrypted: free text can be personal).
 */
export async function recordRating(
  tx: Tx,
  input: {
    caseId: string
    rating: number
    comment?: string
    now: Date
    /** The citizen who tapped: a postback naming another citizen's consultation is ignored like a stale one. */
    citizenId?: string
  },
  deps: { cipher?: Pick<PiiCipher, 'encrypt'> } = {},
): Promise<RatingOutcome> {
  const { caseId, rating, now } = input
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    return { recorded: false, reason: 'out_of_range' }
  }
  if (!(await isTheirs(tx, caseId, input.citizenId))) {
    return { recorded: false, reason: 'not_asked' }
  }
  const comment = input.comment?.trim().slice(0, 1000) || undefined
  if (comment && !deps.cipher) {
    throw new Error('a rating comment needs the cipher')
  }
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
    return { recorded: false, reason: await whyNot(tx, caseId, now) }
  }
  await ratingEvent(tx, caseId, { rating, comment: Boolean(comment) }, now)
  return { recorded: true }
}

/** A comment after the tap (the chat may ask for one): kept once, while the question is still open. */
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
  if (!row) {
    return false
  }
  await ratingEvent(tx, input.caseId, { rating: row.rating, comment: true }, input.now)
  return true
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Postback data arrives from the client: a malformed ID or another citizen's case is nothing to rate. */
async function isTheirs(tx: Tx, caseId: string, citizenId: string | undefined): Promise<boolean> {
  if (!UUID.test(caseId)) {
    return false
  }
  if (citizenId === undefined) {
    return true
  }
  const [c] = await tx.select({ citizenId: cases.citizenId }).from(cases).where(eq(cases.id, caseId)).limit(1)
  return c?.citizenId === citizenId
}

async function whyNot(tx: Tx, caseId: string, now: Date): Promise<'not_asked' | 'expired' | 'already_rated'> {
  const [k] = await tx.select().from(consultations).where(eq(consultations.caseId, caseId)).limit(1)
  if (!k?.ratingAskedAt || !k.ratingExpiresAt) {
    return 'not_asked'
  }
  if (k.ratedAt) {
    return 'already_rated'
  }
  return k.ratingExpiresAt <= now ? 'expired' : 'not_asked'
}

/** The officers' timeline line (internal: the citizen's own view does not echo it back). */
async function ratingEvent(tx: Tx, caseId: string, data: { rating: number | null; comment: boolean }, now: Date) {
  await tx.insert(caseEvents).values({
    caseId,
    type: 'note',
    actorType: 'citizen',
    body: data.comment ? `ผู้ขอคำปรึกษาให้คะแนน ${data.rating}/5 พร้อมความเห็น` : `ผู้ขอคำปรึกษาให้คะแนน ${data.rating}/5`,
    internal: true,
    data: { rating: data.rating, comment: data.comment },
    createdAt: now,
  })
  const [c] = await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, caseId)).returning()
  if (c) {
    await notifyCaseChange(tx, c, 'updated')
  }
}

import { eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, type Consultation, caseEvents, cases, consultations } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import {
  CONSULTATION_REOPEN_DAYS,
  type ConsultationCloser,
  RATING_EXPIRES_HOURS,
} from '../../contracts/consultations.js'
import type { LineMessage } from '../../line/line-client.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../officers/audit-port.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { citizenOf, lockOpenConsultation } from './load.js'
import { ratingQuestion } from './rating.js'
import { tw } from './texts.js'

// The rating's side lives in rating.ts; the chat imports both from here (the shared signatures' file).
export { RATING_ACTION, type RatingOutcome, ratingQuestion, recordRating, recordRatingComment } from './rating.js'

export type CloseDeps = {
  /** An officer's close is audited ('consultation.close'). */
  audit: Audit
  /** The closing summary is kept encrypted like the thread. */
  cipher: Pick<PiiCipher, 'encrypt'>
}

export type CloseInput = {
  caseId: string
  by: ConsultationCloser
  /** Who closed it, when an officer did (required for by 'officer'; the case must be of their station). */
  officer?: ActingOfficer
  /** The officer's closing words, stored encrypted; sent to the citizen only with `sendSummary`. */
  summary?: string
  sendSummary?: boolean
  now: Date
}

export type CloseResult = {
  case: Case
  consultation: Consultation
  eventId: number
  outboundIds: string[]
  /**
   * For a close by the citizen (their "end" in the chat): what the bot answers in that same turn (the rating
   * question), for the turn's own reply, free with the event's reply token. Officers' and system closes send through
   * the outbox instead, and this is empty.
   */
  messages: LineMessage[]
  summarySent: boolean
  ratingAsked: boolean
}

/** What else the workflow's own callers decide (a conversion asks for no rating; the status route audits itself). */
type CloseOptions = { askRating: boolean; audited: boolean; data?: Record<string, unknown> }

/**
 * Ends a consultation in the caller's transaction: case status 'closed' (resolved), who closed it and when, the
 * summary encrypted, no answer due any more; then the citizen gets the summary (if the officer chose to send it) and
 * the 1–5 rating question (once per consultation: a re-opened one that was rated is told it ended, not asked again).
 * A blocked citizen gets nothing. The timeline's 'status' entry says who closed it and what was sent.
 */
export function closeConsultation(tx: Tx, deps: CloseDeps, input: CloseInput): Promise<CloseResult> {
  return closeWith(tx, deps, input, { askRating: true, audited: true })
}

/** closeConsultation for the workflow's own callers (conversion, the generic status route). */
export async function closeWith(tx: Tx, deps: CloseDeps, input: CloseInput, opts: CloseOptions): Promise<CloseResult> {
  const { by, officer, now } = input
  if (by === 'officer' && !officer) {
    throw new Error('an officer close needs the officer')
  }
  const { case: c, consultation: k } = await lockOpenConsultation(tx, input.caseId, officer?.stationId)
  const summary = input.summary?.trim() || undefined
  const citizen = await citizenOf(tx, c)
  const lang = k.language
  const reachable = Boolean(citizen && citizen.followState !== 'blocked')

  const messages: LineMessage[] = []
  const summarySent = Boolean(reachable && summary && input.sendSummary)
  if (summarySent && summary) {
    messages.push({ type: 'text', text: tw(lang, 'summary', { ref: c.referenceNumber, summary }).slice(0, 5000) })
  }
  const ratingAsked = reachable && opts.askRating && k.ratedAt === null
  if (ratingAsked) {
    messages.push(ratingQuestion(lang, c))
  } else if (reachable && opts.askRating) {
    messages.push({
      type: 'text',
      text: tw(lang, 'closed', { ref: c.referenceNumber, days: CONSULTATION_REOPEN_DAYS }),
    })
  }

  let outboundIds: string[] = []
  let reply: LineMessage[] = []
  if (citizen && messages.length > 0) {
    if (by === 'citizen') {
      reply = messages
    } else {
      const sent = await sendToCitizen(tx, citizen, messages, {
        stationId: c.stationId,
        purpose: 'consultation-close',
        now,
      })
      outboundIds = sent.outboundIds
    }
  }

  const [closedCase] = await tx
    .update(cases)
    .set({
      status: 'closed',
      resolvedAt: c.resolvedAt ?? now,
      // The summary the citizen receives is an answer: it counts as the first response if none came before.
      firstResponseAt: c.firstResponseAt ?? (summarySent ? now : null),
      updatedAt: now,
    })
    .where(eq(cases.id, c.id))
    .returning()
  const [closed] = await tx
    .update(consultations)
    .set({
      closedBy: by,
      closedAt: now,
      ...(summary && deps.cipher ? { closingSummaryEnc: deps.cipher.encrypt(summary) } : {}),
      nextResponseDueAt: null,
      ...(ratingAsked
        ? { ratingAskedAt: now, ratingExpiresAt: new Date(now.getTime() + RATING_EXPIRES_HOURS * 3_600_000) }
        : {}),
      updatedAt: now,
    })
    .where(eq(consultations.caseId, c.id))
    .returning()
  if (!closedCase || !closed) {
    throw new Error('consultation close updated no row')
  }
  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId: c.id,
      type: 'status',
      actorType: by,
      officerId: officer?.officerId ?? null,
      fromStatus: c.status,
      toStatus: 'closed',
      data: { closedBy: by, summary: Boolean(summary), summarySent, ratingAsked, outboundIds, ...opts.data },
      createdAt: now,
    })
    .returning({ id: caseEvents.id })
  if (!event) {
    throw new Error('case event insert returned no row')
  }
  if (officer && opts.audited) {
    await deps.audit.record(
      tx,
      byOfficer(officer, 'consultation.close', c.id, { summary: Boolean(summary), summarySent, ratingAsked }),
    )
  }
  await notifyCaseChange(tx, closedCase, 'updated')
  return {
    case: closedCase,
    consultation: closed,
    eventId: event.id,
    outboundIds,
    messages: reply,
    summarySent,
    ratingAsked,
  }
}

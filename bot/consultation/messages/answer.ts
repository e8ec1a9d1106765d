import { eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, caseEvents, cases, citizens, consultations } from '../../../db/schema/index.js'
import type { ActionResult } from '../../cases/case-actions.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import type { MessageHandler, MessageInput } from '../../cases/case-messages.js'
import { freshReplyFor } from '../../cases/citizen-outbox.js'
import { canMove } from '../../cases/statuses.js'
import { BadRequestError } from '../../errors.js'
import { ANSWER_HOLD_MS, writeOutbox } from '../../line/outbox.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../officers/audit-port.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { composeAnswer } from './compose-answer.js'
import type { MediaLinks } from './media-links.js'

export type AnswerDeps = {
  audit: Audit
  /** The thread is personal data: officers' texts are kept encrypted like the citizen's. */
  cipher: Pick<PiiCipher, 'encrypt'>
  mediaLinks: MediaLinks
  /** How long an answer waits for the officer's next one (bot/line/outbox.ts ANSWER_HOLD_MS). */
  holdMs?: number
}

/** `case_events.data.undelivered` of an answer never handed to LINE: LINE would accept a push and drop it. */
export const BLOCKED = 'blocked'

async function insertEvent(tx: Tx, values: typeof caseEvents.$inferInsert): Promise<number> {
  const [row] = await tx.insert(caseEvents).values(values).returning({ id: caseEvents.id })
  if (!row) {
    throw new Error('case event insert returned no row')
  }
  return row.id
}

/**
 * An officer's answer on a consultation's thread (the case kind's message handler, bot/cases/case-messages.ts):
 * the message_out entry with its text encrypted, the outbox rows held ANSWER_HOLD_MS so answers typed in a row go
 * out in one LINE request (by the citizen's fresh reply token when there is one: free; else a push with its retry
 * key), the consultation's last answer time, the next-answer due time cleared, a waiting consultation taken up.
 * A citizen who blocked the OA gets nothing, and the thread shows the answer as failed (data.undelivered).
 */
export function createConsultationAnswers({ audit, cipher, mediaLinks, holdMs = ANSWER_HOLD_MS }: AnswerDeps) {
  const answer: MessageHandler = async (
    tx: Tx,
    who: ActingOfficer,
    c: Case,
    input: MessageInput,
    now: Date,
  ): Promise<ActionResult> => {
    const [citizen] = c.citizenId ? await tx.select().from(citizens).where(eq(citizens.id, c.citizenId)).limit(1) : []
    if (!citizen) {
      throw new BadRequestError('this case has no citizen to message', 'เรื่องนี้ไม่มีผู้แจ้งที่จะส่งข้อความถึง')
    }
    if (c.status === 'closed') {
      throw new BadRequestError('this consultation is closed', 'การปรึกษานี้ปิดแล้ว')
    }
    const composed = await composeAnswer(tx, { mediaLinks }, who, c, citizen, input, now)
    const blocked = citizen.followState === 'blocked'
    const outboundIds = blocked
      ? []
      : await writeOutbox(tx, {
          to: citizen.lineUserId,
          messages: composed.messages,
          stationId: c.stationId,
          purpose: 'case-message',
          kind: c.kind,
          reply: await freshReplyFor(tx, citizen.lineUserId, now),
          hold: { now, ms: holdMs },
        })
    const eventId = await insertEvent(tx, {
      caseId: c.id,
      type: 'message_out',
      actorType: 'officer',
      officerId: who.officerId,
      body: null,
      bodyEnc: composed.text === null ? null : cipher.encrypt(composed.text),
      internal: false,
      data: {
        outboundIds,
        ...(composed.attachmentIds.length > 0 ? { attachmentIds: composed.attachmentIds } : {}),
        ...(input.cannedReplyId ? { cannedReplyId: input.cannedReplyId } : {}),
        ...(blocked ? { undelivered: BLOCKED } : {}),
      },
      createdAt: now,
    })
    await tx
      .update(consultations)
      .set({ lastOfficerMessageAt: now, nextResponseDueAt: null, updatedAt: now })
      .where(eq(consultations.caseId, c.id))
    // The first answer takes a waiting consultation up (the SLA's first response is met: cases.first_response_at).
    const takeUp = c.status === 'waiting' && canMove(c.kind, c.status, 'in_progress')
    if (takeUp) {
      await insertEvent(tx, {
        caseId: c.id,
        type: 'status',
        actorType: 'officer',
        officerId: who.officerId,
        fromStatus: c.status,
        toStatus: 'in_progress',
        createdAt: now,
      })
    }
    const [updated] = await tx
      .update(cases)
      .set({ updatedAt: now, firstResponseAt: c.firstResponseAt ?? now, ...(takeUp ? { status: 'in_progress' } : {}) })
      .where(eq(cases.id, c.id))
      .returning()
    // The audit line says that an answer went, never what it says.
    await audit.record(
      tx,
      byOfficer(who, 'case.message', c.id, {
        eventId,
        length: composed.text?.length ?? 0,
        files: composed.attachmentIds.length,
        canned: Boolean(input.cannedReplyId),
      }),
    )
    await notifyCaseChange(tx, updated ?? c, 'updated')
    return { case: updated ?? c, eventId, outboundIds }
  }
  return answer
}

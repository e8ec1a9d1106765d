import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Case, type CaseKind, caseEvents, cases, citizens } from '../../db/schema/index.js'
import { BadRequestError } from '../errors.js'
import type { ActingOfficer, Audit } from '../officers/audit-port.js'
import { byOfficer } from '../officers/audit-port.js'
import type { ActionResult } from './case-actions.js'
import { notifyCaseChange } from './case-feed.js'
import { findStationCase } from './case-view.js'
import { sendToCitizen } from './citizen-outbox.js'

async function insertEvent(tx: Tx, values: typeof caseEvents.$inferInsert) {
  const [row] = await tx.insert(caseEvents).values(values).returning({ id: caseEvents.id })
  if (!row) {
    throw new Error('case event insert returned no row')
  }
  return row.id
}

/** An internal note: on the timeline for officers, never sent to the citizen (no outbox row is written). */
export async function addNote(
  tx: Tx,
  deps: { audit: Audit },
  who: ActingOfficer,
  caseId: string,
  body: string,
  now: Date,
): Promise<ActionResult> {
  const c = await findStationCase(tx, who.stationId, caseId)
  const eventId = await insertEvent(tx, {
    caseId: c.id,
    type: 'note',
    actorType: 'officer',
    officerId: who.officerId,
    body,
    internal: true,
    createdAt: now,
  })
  const [updated] = await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, c.id)).returning()
  // The audit line says that a note was written, not what it says.
  await deps.audit.record(tx, byOfficer(who, 'case.note', c.id, { eventId, length: body.length }))
  await notifyCaseChange(tx, updated ?? c, 'updated')
  return { case: updated ?? c, eventId, outboundIds: [] }
}

/** POST /api/admin/cases/:id/messages: a text, or for a kind that offers them, a canned reply and files. */
export type MessageInput = { body?: string | undefined; cannedReplyId?: string | undefined; attachmentIds?: string[] }

/**
 * A kind whose officers' messages are more than a text (a consultation's thread is a chat: canned replies, files,
 * encrypted texts, answers held to go out together) sends them itself; the composition root registers it.
 */
export type MessageHandler = (
  tx: Tx,
  who: ActingOfficer,
  c: Case,
  input: MessageInput,
  now: Date,
) => Promise<ActionResult>
export type MessageHandlers = Partial<Record<CaseKind, MessageHandler>>

/** An officer's message to the citizen in LINE (outbox), recorded on the timeline as message_out. */
export async function sendMessage(
  tx: Tx,
  deps: { audit: Audit; messageHandlers?: MessageHandlers | undefined },
  who: ActingOfficer,
  caseId: string,
  input: MessageInput,
  now: Date,
): Promise<ActionResult> {
  const c = await findStationCase(tx, who.stationId, caseId, true)
  const handler = deps.messageHandlers?.[c.kind]
  if (handler) {
    return handler(tx, who, c, input, now)
  }
  const body = input.body?.trim()
  if (!body || input.cannedReplyId || (input.attachmentIds?.length ?? 0) > 0) {
    throw new BadRequestError('this kind of case takes a text only', 'เรื่องประเภทนี้ส่งได้เฉพาะข้อความ')
  }
  const [citizen] = c.citizenId ? await tx.select().from(citizens).where(eq(citizens.id, c.citizenId)).limit(1) : []
  if (!citizen) {
    throw new BadRequestError('this case has no citizen to message', 'เรื่องนี้ไม่มีผู้แจ้งที่จะส่งข้อความถึง')
  }
  if (citizen.followState === 'blocked') {
    throw new BadRequestError('the citizen has blocked the OA; LINE would not deliver', 'ผู้แจ้งบล็อกบัญชีไลน์แล้ว')
  }
  const sent = await sendToCitizen(tx, citizen, [{ type: 'text', text: body }], {
    stationId: c.stationId,
    purpose: 'case-message',
    kind: c.kind,
    now,
  })
  const eventId = await insertEvent(tx, {
    caseId: c.id,
    type: 'message_out',
    actorType: 'officer',
    officerId: who.officerId,
    body,
    internal: false,
    data: { outboundIds: sent.outboundIds },
    createdAt: now,
  })
  const [updated] = await tx
    .update(cases)
    .set({ updatedAt: now, firstResponseAt: c.firstResponseAt ?? now })
    .where(eq(cases.id, c.id))
    .returning()
  await deps.audit.record(tx, byOfficer(who, 'case.message', c.id, { eventId, length: body.length }))
  await notifyCaseChange(tx, updated ?? c, 'updated')
  return { case: updated ?? c, eventId, outboundIds: sent.outboundIds }
}

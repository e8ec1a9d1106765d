import type { Tx } from '../../../db/client.js'
import { caseEvents } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import {
  assertMove,
  citizenOf,
  lockLostDocumentCase,
  moveCase,
  notify,
  stationOf,
  statusEvent,
} from '../record/case-ops.js'
import type { RecordChange } from '../record/issue.js'
import { rejectedText, requestInfoText } from '../record/messages.js'

type Decision = { caseId: string; stationId: string; officerId: string; text: string; now: Date }

function notifiedData(n: { sent: boolean; reason?: string }) {
  return { notified: n.sent, ...(n.reason ? { reason: n.reason } : {}) }
}

/** Refuses the report: 'rejected', and the citizen reads the officer's reason in LINE. */
export async function rejectReport(tx: Tx, input: Decision): Promise<RecordChange> {
  const c = await lockLostDocumentCase(tx, input.caseId, input.stationId)
  assertMove(c, 'rejected')
  const updated = await moveCase(tx, c, 'rejected', input.now)
  const station = await stationOf(tx, c)
  const notified = await notify(
    tx,
    c,
    await citizenOf(tx, c),
    (lang) => [rejectedText(lang, c.referenceNumber, input.text, station)],
    input.now,
  )
  const eventId = await statusEvent(tx, {
    c,
    to: 'rejected',
    officerId: input.officerId,
    body: input.text,
    data: notifiedData(notified),
    now: input.now,
  })
  await notifyCaseChange(tx, updated, 'updated')
  return { case: updated, eventId, outboundIds: notified.outboundIds, notified: notified.sent }
}

/**
 * Asks the citizen a question: 'awaiting_info' (the citizen-side flow routes their answers into the case as
 * message_in events). Asking again while already waiting sends the new question without a status move.
 */
export async function requestInfo(tx: Tx, input: Decision): Promise<RecordChange> {
  const c = await lockLostDocumentCase(tx, input.caseId, input.stationId)
  const waiting = c.status === 'awaiting_info'
  if (!waiting) {
    assertMove(c, 'awaiting_info')
  }
  const updated = waiting ? c : await moveCase(tx, c, 'awaiting_info', input.now)
  const notified = await notify(
    tx,
    c,
    await citizenOf(tx, c),
    (lang) => [requestInfoText(lang, c.referenceNumber, input.text)],
    input.now,
  )
  const data = { request: 'info', ...notifiedData(notified) }
  const eventId = waiting
    ? await messageEvent(tx, { caseId: c.id, officerId: input.officerId, body: input.text, data, now: input.now })
    : await statusEvent(tx, {
        c,
        to: 'awaiting_info',
        officerId: input.officerId,
        body: input.text,
        data,
        now: input.now,
      })
  await notifyCaseChange(tx, updated, 'updated')
  return { case: updated, eventId, outboundIds: notified.outboundIds, notified: notified.sent }
}

async function messageEvent(
  tx: Tx,
  input: { caseId: string; officerId: string; body: string; data: Record<string, unknown>; now: Date },
): Promise<number> {
  const [row] = await tx
    .insert(caseEvents)
    .values({
      caseId: input.caseId,
      type: 'message_out',
      actorType: 'officer',
      officerId: input.officerId,
      body: input.body,
      data: input.data,
      createdAt: input.now,
    })
    .returning({ id: caseEvents.id })
  if (!row) {
    throw new Error('case event insert returned no row')
  }
  return row.id
}

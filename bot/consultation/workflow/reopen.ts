import { eq, sql } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, type Consultation, caseEvents, cases, consultations } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { caseNotFound } from '../../cases/case-view.js'
import type { ActingOfficer } from '../../officers/audit-port.js'
import { ConsultationConvertedError, NotAConsultationError } from './errors.js'

/**
 * Puts a closed consultation back in the queue ('waiting', not resolved, no closer), counting the re-open: the
 * citizen wrote again within CONSULTATION_REOPEN_DAYS (the chat decides the window), or an officer re-opened it from
 * the inbox. A converted consultation stays closed: its story goes on in the new case. Already open: unchanged.
 */
export async function reopenConsultation(
  tx: Tx,
  input: { caseId: string; by: 'citizen' | 'officer'; officer?: ActingOfficer; now: Date },
): Promise<{ case: Case; consultation: Consultation; eventId: number | null }> {
  const { now } = input
  const [c] = await tx.select().from(cases).where(eq(cases.id, input.caseId)).limit(1).for('update')
  if (!c || (input.officer && c.stationId !== input.officer.stationId)) {
    throw caseNotFound()
  }
  if (c.kind !== 'consultation') {
    throw new NotAConsultationError(c.kind)
  }
  const [k] = await tx.select().from(consultations).where(eq(consultations.caseId, c.id)).limit(1)
  if (!k) {
    throw new Error(`consultation case ${c.id} has no consultations row`)
  }
  if (k.convertedToCaseId) {
    throw new ConsultationConvertedError(k.convertedToCaseId)
  }
  if (c.status !== 'closed') {
    return { case: c, consultation: k, eventId: null }
  }
  const [open] = await tx
    .update(cases)
    .set({ status: 'waiting', resolvedAt: null, updatedAt: now })
    .where(eq(cases.id, c.id))
    .returning()
  const [reopened] = await tx
    .update(consultations)
    .set({ closedBy: null, closedAt: null, reopenCount: sql`${consultations.reopenCount} + 1`, updatedAt: now })
    .where(eq(consultations.caseId, c.id))
    .returning()
  if (!open || !reopened) {
    throw new Error('consultation re-open updated no row')
  }
  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId: c.id,
      type: 'status',
      actorType: input.by,
      officerId: input.officer?.officerId ?? null,
      fromStatus: 'closed',
      toStatus: 'waiting',
      data: { reopened: true, reopenCount: reopened.reopenCount },
      createdAt: now,
    })
    .returning({ id: caseEvents.id })
  await notifyCaseChange(tx, open, 'updated')
  return { case: open, consultation: reopened, eventId: event?.id ?? null }
}

import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, type Consultation, cases, citizens, consultations } from '../../../db/schema/index.js'
import { caseNotFound } from '../../cases/case-view.js'
import { ConsultationClosedError, ConsultationConvertedError, NotAConsultationError } from './errors.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A consultation still open, its case row locked for the change (two officers closing at once: the second waits,
 * then finds it closed). With `stationId`, another station's case is a 404 like every officer route.
 */
export async function lockOpenConsultation(
  tx: Tx,
  caseId: string,
  stationId?: string,
): Promise<{ case: Case; consultation: Consultation }> {
  if (!UUID.test(caseId)) {
    throw caseNotFound()
  }
  const where = stationId ? and(eq(cases.id, caseId), eq(cases.stationId, stationId)) : eq(cases.id, caseId)
  const [c] = await tx.select().from(cases).where(where).limit(1).for('update')
  if (!c) {
    throw caseNotFound()
  }
  if (c.kind !== 'consultation') {
    throw new NotAConsultationError(c.kind)
  }
  const [k] = await tx.select().from(consultations).where(eq(consultations.caseId, c.id)).limit(1)
  if (!k) {
    // A consultation case is written with its row in one transaction (openConsultation): this is a broken row.
    throw new Error(`consultation case ${c.id} has no consultations row`)
  }
  if (k.convertedToCaseId) {
    throw new ConsultationConvertedError(k.convertedToCaseId)
  }
  if (c.status === 'closed') {
    throw new ConsultationClosedError()
  }
  return { case: c, consultation: k }
}

/** The case's citizen, if the case still has one (an erasure unlinks it). */
export async function citizenOf(tx: Tx, c: Pick<Case, 'citizenId'>) {
  if (!c.citizenId) {
    return undefined
  }
  const [row] = await tx.select().from(citizens).where(eq(citizens.id, c.citizenId)).limit(1)
  return row
}

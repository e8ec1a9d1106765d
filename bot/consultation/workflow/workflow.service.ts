import type { Db } from '../../../db/client.js'
import type { ActingOfficer, Audit } from '../../officers/audit-port.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { closeConsultation } from './close.js'
import { type ConversionKind, convertConsultation } from './convert.js'

export type ConsultationWorkflowDeps = {
  db: Db
  audit: Audit
  cipher: Pick<PiiCipher, 'encrypt'>
  /** LIFF_ID_ADMIN: a converted case's alert card opens it in the officers' app. */
  adminLiffId: string
  now?: () => Date
}

/** The officers' consultation actions, one transaction each (change, timeline, audit, outbox and NOTIFY together). */
export function createConsultationWorkflow({
  db,
  audit,
  cipher,
  adminLiffId,
  now = () => new Date(),
}: ConsultationWorkflowDeps) {
  return {
    close(who: ActingOfficer, caseId: string, input: { summary?: string; sendSummary?: boolean }) {
      const at = now()
      return db.transaction(async (tx) => {
        const r = await closeConsultation(
          tx,
          { audit, cipher },
          { caseId, by: 'officer', officer: who, ...input, now: at },
        )
        return {
          caseId: r.case.id,
          referenceNumber: r.case.referenceNumber,
          status: r.case.status,
          closedAt: at.toISOString(),
          eventId: r.eventId,
          summarySent: r.summarySent,
          ratingAsked: r.ratingAsked,
        }
      })
    },

    convert(who: ActingOfficer, caseId: string, kind: ConversionKind) {
      const at = now()
      return db.transaction(async (tx) => {
        const r = await convertConsultation(tx, { audit, cipher, adminLiffId }, who, { caseId, kind, now: at })
        return { caseId: r.caseId, referenceNumber: r.referenceNumber }
      })
    },
  }
}
export type ConsultationWorkflow = ReturnType<typeof createConsultationWorkflow>

import type { Db, Tx } from '../../../db/client.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../officers/audit-port.js'
import type { RecordChange } from '../record/issue.js'
import type { Records } from '../record/records.js'
import { rejectReport, requestInfo } from './decisions.js'

export type ReviewDeps = {
  db: Db
  audit: Audit
  records: Pick<Records, 'issue' | 'revoke' | 'pdfUrl'>
  now?: () => Date
}

export type ReviewResult = {
  case: { id: string; referenceNumber: string; status: string; updatedAt: Date }
  eventId: number
  notified: boolean
  /** After an approval: download links for the desk (e.g. printing the record for a walk-in). */
  record?: { issuedAt: Date; pdfUrl: { th: string; en: string } }
}

/**
 * The officers' decisions on a lost-document report. Each is one transaction: the change, its timeline entry, the
 * audit line (who, from where; never the reason's text) and the citizen's message in the outbox commit together;
 * the deliveries are enqueued when it commits.
 */
export function createLostDocumentReview({ db, audit, records, now = () => new Date() }: ReviewDeps) {
  async function run(
    who: ActingOfficer,
    action: string,
    change: (tx: Tx, at: Date) => Promise<RecordChange>,
    details: Record<string, unknown> = {},
  ): Promise<ReviewResult> {
    const at = now()
    const out = await db.transaction(async (tx) => {
      const result = await change(tx, at)
      await audit.record(tx, byOfficer(who, action, result.case.id, { ...details, to: result.case.status }))
      return result
    })
    const c = out.case
    return {
      case: { id: c.id, referenceNumber: c.referenceNumber, status: c.status, updatedAt: c.updatedAt },
      eventId: out.eventId,
      notified: out.notified,
    }
  }

  const scope = (who: ActingOfficer) => ({ stationId: who.stationId, officerId: who.officerId })

  return {
    async approve(who: ActingOfficer, caseId: string): Promise<ReviewResult> {
      const result = await run(who, 'lost_document.approve', (tx, at) =>
        records.issue(tx, { caseId, ...scope(who), now: at }),
      )
      const issuedAt = result.case.updatedAt
      const pdfUrl = { th: records.pdfUrl(caseId, 'th', issuedAt), en: records.pdfUrl(caseId, 'en', issuedAt) }
      return { ...result, record: { issuedAt, pdfUrl } }
    },
    reject: (who: ActingOfficer, caseId: string, reason: string) =>
      run(who, 'lost_document.reject', (tx, at) => rejectReport(tx, { caseId, ...scope(who), text: reason, now: at }), {
        length: reason.length,
      }),
    requestInfo: (who: ActingOfficer, caseId: string, question: string) =>
      run(
        who,
        'lost_document.request_info',
        (tx, at) => requestInfo(tx, { caseId, ...scope(who), text: question, now: at }),
        { length: question.length },
      ),
    revoke: (who: ActingOfficer, caseId: string, reason: string) =>
      run(who, 'lost_document.revoke', (tx, at) => records.revoke(tx, { caseId, ...scope(who), reason, now: at }), {
        length: reason.length,
      }),
  }
}
export type LostDocumentReview = ReturnType<typeof createLostDocumentReview>

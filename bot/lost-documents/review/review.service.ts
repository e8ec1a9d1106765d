import type { Db, Tx } from '../../../db/client.js'
import type { Enqueue } from '../../../jobs/queues.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../cases/audit.js'
import { issueRecord, type RecordChange, revokeRecord } from '../record/issue.js'
import { recordSettings } from '../record/keys.js'
import { signedPdfUrl } from '../record/signed-url.js'
import { rejectReport, requestInfo } from './decisions.js'

export type ReviewDeps = {
  db: Db
  audit: Audit
  enqueue: Enqueue
  logger: { warn(obj: object, msg: string): void }
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
 * the deliveries are enqueued after the commit (the sweeper mends a lost enqueue).
 */
export function createLostDocumentReview(deps: ReviewDeps) {
  const now = deps.now ?? (() => new Date())

  async function run(
    who: ActingOfficer,
    action: string,
    change: (tx: Tx, at: Date) => Promise<RecordChange>,
    details: Record<string, unknown> = {},
  ): Promise<ReviewResult> {
    const at = now()
    const out = await deps.db.transaction(async (tx) => {
      const result = await change(tx, at)
      await deps.audit.record(tx, byOfficer(who, action, result.case.id, { ...details, to: result.case.status }))
      return result
    })
    await Promise.all(
      out.outboundIds.map((outboundId) =>
        deps.enqueue('deliver-outbound', { outboundId }, { jobId: `out_${outboundId}` }),
      ),
    ).catch((err: Error) => deps.logger.warn({ err: err.message }, 'enqueue failed; the sweeper will deliver'))
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
        issueRecord(tx, { caseId, ...scope(who), now: at }),
      )
      const issuedAt = result.case.updatedAt
      const base = recordSettings().publicBaseUrl
      const pdfUrl = { th: signedPdfUrl(caseId, 'th', base, issuedAt), en: signedPdfUrl(caseId, 'en', base, issuedAt) }
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
      run(who, 'lost_document.revoke', (tx, at) => revokeRecord(tx, { caseId, ...scope(who), reason, now: at }), {
        length: reason.length,
      }),
  }
}
export type LostDocumentReview = ReturnType<typeof createLostDocumentReview>

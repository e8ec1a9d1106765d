import type { StatusHandler, StatusHandlers } from '../../cases/case-actions.js'
import { BadRequestError } from '../../errors.js'
import type { Records } from '../record/records.js'
import { rejectReport, requestInfo } from './decisions.js'

function required(text: string | undefined, what: { th: string; en: string }): string {
  const value = text?.trim()
  if (!value) {
    throw new BadRequestError(`a ${what.en} is required`, `กรุณาระบุ${what.th}`, [
      { field: 'message', messageTh: `กรุณาระบุ${what.th}`, messageEn: `Please give a ${what.en}` },
    ])
  }
  return value.slice(0, 1_000)
}

const REASON = { th: 'เหตุผล', en: 'reason' }
const QUESTION = { th: 'ข้อมูลที่ต้องการเพิ่ม', en: 'question for the citizen' }

const reject: StatusHandler = (tx, who, c, input, now) =>
  rejectReport(tx, {
    caseId: c.id,
    stationId: who.stationId,
    officerId: who.officerId,
    text: required(input.message, REASON),
    now,
  })
const askInfo: StatusHandler = (tx, who, c, input, now) =>
  requestInfo(tx, {
    caseId: c.id,
    stationId: who.stationId,
    officerId: who.officerId,
    text: required(input.message, QUESTION),
    now,
  })

/**
 * Lost-document moves that are more than a status: issuing makes the record (verification token, PDF), revoking
 * withdraws it, and rejecting or asking for information needs the officer's words for the citizen. The inbox's
 * generic status change runs these, so it and /api/admin/lost-documents/* behave the same.
 */
export function createLostDocumentStatusHandlers({ records }: { records: Pick<Records, 'issue' | 'revoke'> }) {
  const issue: StatusHandler = (tx, who, c, _input, now) =>
    records.issue(tx, { caseId: c.id, stationId: who.stationId, officerId: who.officerId, now })
  const revoke: StatusHandler = (tx, who, c, input, now) =>
    records.revoke(tx, {
      caseId: c.id,
      stationId: who.stationId,
      officerId: who.officerId,
      reason: required(input.message, REASON),
      now,
    })
  return {
    lost_document: { issued: issue, rejected: reject, awaiting_info: askInfo, revoked: revoke },
  } satisfies StatusHandlers
}

import type { StatusHandler, StatusHandlers } from '../../cases/case-actions.js'
import { BadRequestError } from '../../errors.js'
import type { Records } from '../record/records.js'
import { rejectReport, requestInfo } from './decisions.js'

function required(text: string | undefined, what: { th: string; en: string }): string {
  const value = text?.trim()
  if (!value) {
    // One clean sentence per language: the officers' page shows both, nothing else.
    throw new BadRequestError(what.en, what.th, [{ field: 'message', messageTh: what.th, messageEn: what.en }])
  }
  return value.slice(0, 1_000)
}

const REASON = {
  th: 'กรุณาพิมพ์เหตุผลในช่องข้อความถึงผู้แจ้ง (จำเป็นสำหรับสถานะนี้)',
  en: 'Please write the reason in the message to the citizen (required for this status).',
}
const QUESTION = {
  th: 'กรุณาพิมพ์ข้อมูลที่ต้องการให้ผู้แจ้งส่งเพิ่มในช่องข้อความถึงผู้แจ้ง (จำเป็นสำหรับ "รอข้อมูลเพิ่มเติม")',
  en: 'Please write what the citizen should send in the message to the citizen (required for "awaiting information").',
}

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

import { eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { auditLog, type Case, lostDocumentReports } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { AppError, BadRequestError } from '../../errors.js'
import { assertMove, citizenOf, lockLostDocumentCase, moveCase, notify, stationOf, statusEvent } from './case-ops.js'
import type { RecordSettings } from './keys.js'
import { issuedCard, revokedText } from './messages.js'
import { signedPdfUrl } from './signed-url.js'
import { deriveVerifyToken, hashVerifyToken, verifyUrl } from './token.js'

/** The caller's own receipt carries the record: nothing more to send, and the receipt counts as the notice. */
async function notifyUnless(
  skip: boolean,
  send: () => Promise<{ sent: boolean; reason?: string; outboundIds: string[] }>,
): Promise<{ sent: boolean; reason?: string; outboundIds: string[] }> {
  return skip ? { sent: true, reason: 'receipt', outboundIds: [] } : send()
}

export type RecordChange = { case: Case; eventId: number; outboundIds: string[]; notified: boolean }

async function reportOf(tx: Tx, caseId: string) {
  const [report] = await tx.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, caseId)).limit(1)
  if (!report) {
    throw new AppError('report_missing', 409, 'the case has no lost-document report', 'ไม่พบรายละเอียดการแจ้งเอกสารหาย')
  }
  return report
}

/**
 * Issues the record in the caller's transaction: the verification token (only its hash is stored, see token.ts),
 * issue time and officer (null = issued by the system, "issue at once"), the case moved to 'issued' with its
 * timeline entry, and the citizen's card with the download and verify buttons through the outbox (delivered when
 * the caller's transaction commits).
 */
export async function issueRecord(
  tx: Tx,
  keys: RecordSettings,
  input: {
    caseId: string
    officerId: string | null
    now: Date
    stationId?: string
    /** false when the caller sends its own receipt carrying the record (one push instead of two). */
    notify?: boolean
  },
): Promise<{ verifyToken: string } & RecordChange> {
  const { now } = input
  const c = await lockLostDocumentCase(tx, input.caseId, input.stationId)
  const report = await reportOf(tx, c.id)
  if (report.issuedAt || report.verifyTokenHash) {
    throw new AppError('already_issued', 409, 'a record was already issued for this report', 'ออกบันทึกเรื่องนี้แล้ว')
  }
  assertMove(c, 'issued')
  const verifyToken = deriveVerifyToken(keys, c.id, now)
  await tx
    .update(lostDocumentReports)
    .set({ verifyTokenHash: hashVerifyToken(verifyToken), issuedAt: now, issuedBy: input.officerId })
    .where(eq(lostDocumentReports.caseId, c.id))
  const updated = await moveCase(tx, c, 'issued', now)
  const citizen = await citizenOf(tx, c)
  const notified = await notifyUnless(input.notify === false, () =>
    notify(
      tx,
      c,
      citizen,
      (lang) => [
        issuedCard(lang, {
          reference: c.referenceNumber,
          issuedAt: now,
          pdfUrl: signedPdfUrl(keys, c.id, lang, now),
          verifyUrl: verifyUrl(keys, verifyToken),
        }),
      ],
      now,
    ),
  )
  const eventId = await statusEvent(tx, {
    c,
    to: 'issued',
    officerId: input.officerId,
    data: { record: 'issued', notified: notified.sent, ...(notified.reason ? { reason: notified.reason } : {}) },
    now,
  })
  if (!input.officerId) {
    // Officers' actions are audited by the review service (with IP and device); the system's own issue is here.
    await tx.insert(auditLog).values({
      actor: 'system',
      action: 'lost_document.issue',
      stationId: c.stationId,
      entityType: 'case',
      entityId: c.id,
    })
  }
  await notifyCaseChange(tx, updated, 'updated')
  return { verifyToken, case: updated, eventId, outboundIds: notified.outboundIds, notified: notified.sent }
}

/** Revokes an issued record: the verify page says REVOKED from the commit on, and the citizen is told why. */
export async function revokeRecord(
  tx: Tx,
  input: { caseId: string; officerId: string; reason: string; now?: Date; stationId?: string },
): Promise<RecordChange> {
  const now = input.now ?? new Date()
  const reason = input.reason.trim()
  if (!reason) {
    throw new BadRequestError('a reason is required to revoke a record', 'กรุณาระบุเหตุผลที่ยกเลิกบันทึก')
  }
  const c = await lockLostDocumentCase(tx, input.caseId, input.stationId)
  assertMove(c, 'revoked')
  await reportOf(tx, c.id)
  await tx
    .update(lostDocumentReports)
    .set({ revokedAt: now, revokeReason: reason })
    .where(eq(lostDocumentReports.caseId, c.id))
  const updated = await moveCase(tx, c, 'revoked', now)
  const station = await stationOf(tx, c)
  const notified = await notify(
    tx,
    c,
    await citizenOf(tx, c),
    (lang) => [revokedText(lang, { reference: c.referenceNumber, reason, revokedAt: now }, station)],
    now,
  )
  const eventId = await statusEvent(tx, {
    c,
    to: 'revoked',
    officerId: input.officerId,
    body: reason,
    data: { record: 'revoked', notified: notified.sent, ...(notified.reason ? { reason: notified.reason } : {}) },
    now,
  })
  await notifyCaseChange(tx, updated, 'updated')
  return { case: updated, eventId, outboundIds: notified.outboundIds, notified: notified.sent }
}

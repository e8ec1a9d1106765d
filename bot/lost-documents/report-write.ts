import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import {
  type Case,
  caseEvents,
  cases,
  consents,
  lostDocumentItems,
  lostDocumentReports,
} from '../../db/schema/index.js'
import { notifyCaseChange } from '../cases/case-feed.js'
import type { ValidReport } from '../contracts/lost-documents/draft.js'
import { compactIdNumber, lastDigits } from '../contracts/lost-documents/rules.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { CONSENT_PURPOSE } from './consent.js'
import type { ItemPolicy } from './policy.js'

/** Hash purposes: each field's hashes live in their own space. */
export const HASH = { id: 'id_number', phone: 'phone', document: 'document_number' } as const

export type ReportRow = typeof lostDocumentReports.$inferInsert

/**
 * The report's own row: numbers and the citizen's story encrypted, keyed hashes to find the numbers, last digits to
 * show them masked.
 */
export function reportRow(
  cipher: PiiCipher,
  r: ValidReport & { idNumber: string },
  meta: { caseId: string; citizenId: string; idempotencyKey: string; channel: 'liff' | 'chat'; now: Date },
): ReportRow & { citizenId: string } {
  return {
    caseId: meta.caseId,
    citizenId: meta.citizenId,
    idempotencyKey: meta.idempotencyKey,
    channel: meta.channel,
    declarantName: r.declarantName,
    idType: r.idType,
    idNumberEnc: cipher.encrypt(r.idNumber),
    idNumberHash: cipher.keyedHash(HASH.id, r.idNumber),
    idNumberLast: lastDigits(r.idNumber),
    dateOfBirth: r.dateOfBirth,
    phoneEnc: cipher.encrypt(r.phone),
    phoneHash: cipher.keyedHash(HASH.phone, r.phone),
    phoneLast: r.phone.slice(-4),
    address: r.address,
    lostFrom: r.lostFrom,
    lostTo: r.lostTo,
    placeText: r.placeText,
    latitude: r.location?.latitude ?? null,
    longitude: r.location?.longitude ?? null,
    circumstances: null,
    circumstancesEnc: cipher.encrypt(r.circumstances),
    declaredAt: meta.now,
    consentVersion: r.consentVersion,
    createdAt: meta.now,
  }
}

/** The report, its items and the consent, in the case's transaction. */
export async function insertReport(
  tx: Tx,
  cipher: PiiCipher,
  row: ReportRow & { citizenId: string },
  items: ValidReport['items'],
) {
  await tx.insert(lostDocumentReports).values(row)
  await tx.insert(lostDocumentItems).values(
    items.map((item, position) => {
      const compact = item.number ? compactIdNumber(item.number) : ''
      return {
        caseId: row.caseId,
        position,
        documentType: item.documentType,
        numberEnc: item.number ? cipher.encrypt(item.number) : null,
        numberHash: compact ? cipher.keyedHash(HASH.document, compact) : null,
        numberLast: compact ? lastDigits(compact) : null,
        issuer: item.issuer,
      }
    }),
  )
  await tx.insert(consents).values({
    citizenId: row.citizenId,
    purpose: CONSENT_PURPOSE,
    version: row.consentVersion,
    givenAt: row.declaredAt,
  })
}

/**
 * A status the system sets (no officer): the policy sends the citizen to the station. Timeline entry with the
 * reasons per item, and the live inbox hears of it.
 */
export async function setSystemStatus(tx: Tx, c: Case, to: string, now: Date, held: ItemPolicy[]): Promise<Case> {
  const [updated] = await tx.update(cases).set({ status: to, updatedAt: now }).where(eq(cases.id, c.id)).returning()
  await tx.insert(caseEvents).values({
    caseId: c.id,
    type: 'status',
    actorType: 'system',
    fromStatus: c.status,
    toStatus: to,
    data: { policy: held.map((h) => ({ position: h.position, documentType: h.documentType, policy: h.policy })) },
    createdAt: now,
  })
  const row = updated ?? { ...c, status: to }
  await notifyCaseChange(tx, row, 'updated')
  return row
}

import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import { lostDocumentItems, lostDocumentReports } from '../../db/schema/index.js'
import type { PersonalDataPart, Removed } from '../privacy/parts.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'

/**
 * The lost-document reports' share of personal data: who declared (name, ID, date of birth, phone, address), where
 * and what happened, the documents' numbers, the officer's revocation reason. What stays is what the public
 * verification of an issued record shows and the counts need: the number (on the case), the dates (lost, declared,
 * issued, revoked), the document types and the verification token's hash.
 */
export function lostDocumentsPersonalData(cipher: Pick<PiiCipher, 'encrypt'>): PersonalDataPart {
  return {
    name: 'lost_documents',
    async purgeCases(tx, caseIds): Promise<Removed> {
      if (caseIds.length === 0) {
        return {}
      }
      const ids = [...caseIds]
      const reports = await tx
        .update(lostDocumentReports)
        .set({
          citizenId: null,
          declarantName: null,
          idNumberEnc: null,
          idNumberHash: null,
          idNumberLast: null,
          dateOfBirth: null,
          phoneEnc: null,
          phoneHash: null,
          phoneLast: null,
          address: null,
          placeText: null,
          latitude: null,
          longitude: null,
          circumstances: null,
          circumstancesEnc: null,
          revokeReason: null,
        })
        .where(inArray(lostDocumentReports.caseId, ids))
        .returning({ id: lostDocumentReports.caseId })
      const items = await tx
        .update(lostDocumentItems)
        .set({ numberEnc: null, numberHash: null, numberLast: null })
        .where(inArray(lostDocumentItems.caseId, ids))
        .returning({ id: lostDocumentItems.id })
      return { lost_document_reports: reports.length, lost_document_items: items.length }
    },

    /** Stories (circumstances) stored before they were encrypted: encrypt them now. */
    async backfill(tx, batchSize) {
      const rows = await tx
        .select({ caseId: lostDocumentReports.caseId, circumstances: lostDocumentReports.circumstances })
        .from(lostDocumentReports)
        .where(and(isNotNull(lostDocumentReports.circumstances), isNull(lostDocumentReports.circumstancesEnc)))
        .limit(batchSize)
      for (const row of rows) {
        await tx
          .update(lostDocumentReports)
          .set({ circumstances: null, circumstancesEnc: cipher.encrypt(row.circumstances ?? '') })
          .where(eq(lostDocumentReports.caseId, row.caseId))
      }
      return rows.length
    },
  }
}

import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { documentTypes, lostDocumentItems, lostDocumentReports } from '../../../db/schema/index.js'
import type { PiiProvider } from '../../cases/pii.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { circumstancesOf } from '../personal.js'

/**
 * What an officer may reveal on a lost-document case (POST /api/admin/cases/:id/reveal, audited with a reason):
 * the declarant's ID number and phone, the numbers of the lost documents and the citizen's story (circumstances). The values are decrypted only here,
 * only for that route; the case detail lists the field names, never the values.
 */
export function createLostDocumentPiiProvider(cipher: Pick<PiiCipher, 'decrypt'>): PiiProvider {
  async function report(tx: Tx, caseId: string) {
    const [row] = await tx
      .select({
        idNumberEnc: lostDocumentReports.idNumberEnc,
        phoneEnc: lostDocumentReports.phoneEnc,
        circumstances: lostDocumentReports.circumstances,
        circumstancesEnc: lostDocumentReports.circumstancesEnc,
      })
      .from(lostDocumentReports)
      .where(eq(lostDocumentReports.caseId, caseId))
      .limit(1)
    return row
  }

  async function documentNumbers(tx: Tx, caseId: string): Promise<string | null> {
    const rows = await tx
      .select({ nameTh: documentTypes.nameTh, numberEnc: lostDocumentItems.numberEnc })
      .from(lostDocumentItems)
      .innerJoin(documentTypes, eq(documentTypes.code, lostDocumentItems.documentType))
      .where(eq(lostDocumentItems.caseId, caseId))
      .orderBy(asc(lostDocumentItems.position))
    const lines = rows.flatMap((r, i) => (r.numberEnc ? [`${i + 1}. ${r.nameTh}: ${cipher.decrypt(r.numberEnc)}`] : []))
    return lines.length > 0 ? lines.join('\n') : null
  }

  return {
    kinds: ['lost_document'],
    async fields(tx, c) {
      const row = await report(tx, c.id)
      if (!row?.idNumberEnc) {
        return [] // no report, or its personal data was purged
      }
      // Whether any item has a number, without decrypting anything (the detail view asks on every open).
      const items = await tx
        .select({ numberEnc: lostDocumentItems.numberEnc })
        .from(lostDocumentItems)
        .where(eq(lostDocumentItems.caseId, c.id))
      const hasNumbers = items.some((i) => i.numberEnc !== null)
      return ['nationalId', 'phone', 'circumstances', ...(hasNumbers ? ['documentNumbers'] : [])]
    },
    async reveal(tx, c, field) {
      if (field === 'documentNumbers') {
        return documentNumbers(tx, c.id)
      }
      const row = await report(tx, c.id)
      if (!row) {
        return null
      }
      const blobs: Record<string, string | null> = { nationalId: row.idNumberEnc, phone: row.phoneEnc }
      const blob = blobs[field]
      if (blob) {
        return cipher.decrypt(blob)
      }
      return field === 'circumstances' ? circumstancesOf(cipher, row) : null
    },
  }
}

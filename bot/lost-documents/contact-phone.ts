import { and, desc, eq, isNotNull } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { lostDocumentReports } from '../../db/schema/index.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'

/**
 * The phone number a citizen gave the station, for officers to call them back in an emergency (the SOS alert): the
 * mobile number of their latest lost-document report, while its personal data is kept (purged or erased: none).
 */
export function createContactPhoneLookup({ cipher }: { cipher: PiiCipher }) {
  return async (tx: Tx, citizenId: string): Promise<string | null> => {
    const [row] = await tx
      .select({ phoneEnc: lostDocumentReports.phoneEnc })
      .from(lostDocumentReports)
      .where(and(eq(lostDocumentReports.citizenId, citizenId), isNotNull(lostDocumentReports.phoneEnc)))
      .orderBy(desc(lostDocumentReports.createdAt))
      .limit(1)
    if (!row?.phoneEnc) {
      return null
    }
    try {
      // Stored as 0XXXXXXXXX: shown as 081-234-5678.
      return cipher.decrypt(row.phoneEnc).replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3')
    } catch {
      return null // under no configured key: the alert goes without it
    }
  }
}
export type ContactPhoneLookup = ReturnType<typeof createContactPhoneLookup>

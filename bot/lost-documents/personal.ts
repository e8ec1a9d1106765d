import type { LostDocumentReport } from '../../db/schema/index.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'

/** The personal columns of a report: all set while the report is live, all null once its personal data is purged. */
const PERSONAL = [
  'citizenId',
  'declarantName',
  'idNumberEnc',
  'idNumberHash',
  'idNumberLast',
  'dateOfBirth',
  'phoneEnc',
  'phoneHash',
  'phoneLast',
  'address',
  'placeText',
] as const satisfies readonly (keyof LostDocumentReport)[]
type Personal = (typeof PERSONAL)[number]

/** A report that still holds its personal data (not purged by retention or an erasure request). */
export type PersonalReport = Omit<LostDocumentReport, Personal> & {
  [K in Personal]: NonNullable<LostDocumentReport[K]>
}

/** The report if it still holds its personal data, else undefined (purged: nothing personal to show or reuse). */
export function withPersonalData(report: LostDocumentReport | undefined): PersonalReport | undefined {
  if (!report || PERSONAL.some((k) => report[k] === null)) {
    return undefined
  }
  return report as PersonalReport
}

/** What happened, in the citizen's words: decrypted, or the plain text of a report filed before encryption. */
export function circumstancesOf(
  cipher: Pick<PiiCipher, 'decrypt'>,
  report: Pick<LostDocumentReport, 'circumstances' | 'circumstancesEnc'>,
): string | null {
  return report.circumstancesEnc ? cipher.decrypt(report.circumstancesEnc) : report.circumstances
}

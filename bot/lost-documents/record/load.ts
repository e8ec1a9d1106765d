import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import {
  type Case,
  cases,
  documentTypes,
  lostDocumentItems,
  lostDocumentReports,
  type Officer,
  officers,
  type Station,
  stations,
} from '../../../db/schema/index.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { circumstancesOf, type PersonalReport, withPersonalData } from '../personal.js'

export type RecordItem = {
  position: number
  documentType: string
  nameTh: string
  nameEn: string
  numberLast: string | null
  issuer: string | null
}

/**
 * Everything a record shows, read in one transaction. The ID and document numbers are never decrypted here (the PDF
 * masks them); the circumstances are (the record states them in full).
 */
export type LoadedRecord = {
  case: Case
  report: PersonalReport & { circumstances: string }
  items: RecordItem[]
  station: Station
  officer: Pick<Officer, 'id' | 'displayName' | 'fullName' | 'role'> | null
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The record, `'purged'` once its personal data was removed (retention, erasure), or null when there is none. */
export async function loadRecord(
  tx: Tx,
  caseId: string,
  cipher: Pick<PiiCipher, 'decrypt'>,
): Promise<LoadedRecord | 'purged' | null> {
  if (!UUID.test(caseId)) {
    return null
  }
  const [row] = await tx
    .select({ case: cases, report: lostDocumentReports, station: stations })
    .from(cases)
    .innerJoin(lostDocumentReports, eq(lostDocumentReports.caseId, cases.id))
    .innerJoin(stations, eq(stations.id, cases.stationId))
    .where(eq(cases.id, caseId))
    .limit(1)
  if (row?.case.kind !== 'lost_document') {
    return null
  }
  const report = withPersonalData(row.report)
  if (!report) {
    return 'purged'
  }
  return {
    ...row,
    report: { ...report, circumstances: circumstancesOf(cipher, report) ?? '' },
    items: await loadItems(tx, caseId),
    officer: await loadOfficer(tx, report.issuedBy),
  }
}

export async function loadItems(tx: Tx, caseId: string): Promise<RecordItem[]> {
  return tx
    .select({
      position: lostDocumentItems.position,
      documentType: lostDocumentItems.documentType,
      nameTh: documentTypes.nameTh,
      nameEn: documentTypes.nameEn,
      numberLast: lostDocumentItems.numberLast,
      issuer: lostDocumentItems.issuer,
    })
    .from(lostDocumentItems)
    .innerJoin(documentTypes, eq(documentTypes.code, lostDocumentItems.documentType))
    .where(eq(lostDocumentItems.caseId, caseId))
    .orderBy(asc(lostDocumentItems.position))
}

async function loadOfficer(tx: Tx, officerId: string | null) {
  if (!officerId) {
    return null
  }
  const [officer] = await tx
    .select({ id: officers.id, displayName: officers.displayName, fullName: officers.fullName, role: officers.role })
    .from(officers)
    .where(eq(officers.id, officerId))
    .limit(1)
  return officer ?? null
}

import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { cases, lostDocumentReports, stations } from '../../../db/schema/index.js'
import { loadItems } from '../record/load.js'
import { hashVerifyToken } from '../record/token.js'

export type StationHeader = { nameTh: string; nameEn: string; addressTh: string; addressEn: string; phone: string }
export type DocumentTypeView = { code: string; nameTh: string; nameEn: string }

/**
 * What the public verification page may say. Deliberately little: the number, dates, station and the TYPES of the
 * documents; never the declarant's name, ID, address or the documents' numbers. Whoever holds the paper already
 * sees those; whoever guesses a link must learn nothing.
 */
export type Verdict =
  | { status: 'valid'; referenceNumber: string; issuedAt: Date; station: StationHeader; documents: DocumentTypeView[] }
  | { status: 'revoked'; referenceNumber: string; issuedAt: Date; revokedAt: Date; station: StationHeader }
  | { status: 'unknown'; station: StationHeader | null }

/** Longer than any token we issue: not worth hashing. */
const MAX_TOKEN_LENGTH = 128

const header = {
  nameTh: stations.nameTh,
  nameEn: stations.nameEn,
  addressTh: stations.addressTh,
  addressEn: stations.addressEn,
  phone: stations.phone,
}

/**
 * The verdict for a presented token. Malformed, tampered and unknown tokens get the same answer by the same path
 * (hash, one indexed lookup, no match), so the page is no oracle for what a valid token looks like.
 */
export async function verifyRecord(tx: Tx, token: string): Promise<Verdict> {
  const hash = hashVerifyToken(token.length <= MAX_TOKEN_LENGTH ? token : '')
  const [row] = await tx
    .select({
      caseId: cases.id,
      referenceNumber: cases.referenceNumber,
      caseStatus: cases.status,
      updatedAt: cases.updatedAt,
      issuedAt: lostDocumentReports.issuedAt,
      revokedAt: lostDocumentReports.revokedAt,
      station: header,
    })
    .from(lostDocumentReports)
    .innerJoin(cases, eq(cases.id, lostDocumentReports.caseId))
    .innerJoin(stations, eq(stations.id, cases.stationId))
    .where(eq(lostDocumentReports.verifyTokenHash, hash))
    .limit(1)
  if (!row?.issuedAt) {
    return { status: 'unknown', station: await defaultStation(tx) }
  }
  // A case moved to 'revoked' by any route counts as revoked, even if the report row missed its revocation date.
  if (row.revokedAt || row.caseStatus === 'revoked') {
    const revokedAt = row.revokedAt ?? row.updatedAt
    return {
      status: 'revoked',
      referenceNumber: row.referenceNumber,
      issuedAt: row.issuedAt,
      revokedAt,
      station: row.station,
    }
  }
  const items = await loadItems(tx, row.caseId)
  const documents = [...new Map(items.map((i) => [i.documentType, i])).values()].map((i) => ({
    code: i.documentType,
    nameTh: i.nameTh,
    nameEn: i.nameEn,
  }))
  return {
    status: 'valid',
    referenceNumber: row.referenceNumber,
    issuedAt: row.issuedAt,
    station: row.station,
    documents,
  }
}

/** The header of an unknown token's page: the deployment's first station (the pilot serves one). */
async function defaultStation(tx: Tx): Promise<StationHeader | null> {
  const [row] = await tx.select(header).from(stations).orderBy(asc(stations.createdAt)).limit(1)
  return row ?? null
}

/** The JSON answer (Accept: application/json): ISO dates, the same fields as the page. */
export function verdictJson(v: Verdict) {
  const station = v.station ? { nameTh: v.station.nameTh, nameEn: v.station.nameEn, phone: v.station.phone } : null
  if (v.status === 'unknown') {
    return { status: v.status, station }
  }
  const common = { status: v.status, referenceNumber: v.referenceNumber, issuedAt: v.issuedAt.toISOString(), station }
  return v.status === 'valid'
    ? { ...common, documentTypes: v.documents }
    : { ...common, revokedAt: v.revokedAt.toISOString() }
}

import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import {
  type Case,
  caseEvents,
  cases,
  type DocumentType,
  type LostDocumentReport,
  lostDocumentItems,
  lostDocumentReports,
} from '../../db/schema/index.js'
import { maskIdNumber, maskNumber } from '../privacy/mask.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { allDocumentTypes } from './document-types.js'
import { circumstancesOf, withPersonalData } from './personal.js'
import { decide } from './policy.js'

export type ItemView = {
  position: number
  documentType: string
  nameTh: string
  nameEn: string
  /** Masked (`xxxxx1234`); the citizen's own full numbers only come with the data export. */
  number: string | null
  issuer: string | null
}

/** A report as its citizen sees it in lists, the receipt and the chat carousel. */
export type ReportView = {
  id: string
  referenceNumber: string
  status: string
  createdAt: Date
  updatedAt: Date
  items: ItemView[]
  /** Items that keep the record from being issued at once, with the station's reason (per item). */
  held: (ItemView & { policy: DocumentType['policy']; reasonTh: string | null; reasonEn: string | null })[]
  /** A valid record exists (issued, not revoked): the PDF can be downloaded. */
  issued: boolean
  lostFrom: Date
  lostTo: Date | null
  placeText: string
}

type Row = { case: Case; report: LostDocumentReport }

async function itemsOf(tx: Tx, caseIds: string[]) {
  if (caseIds.length === 0) {
    return []
  }
  return tx
    .select()
    .from(lostDocumentItems)
    .where(inArray(lostDocumentItems.caseId, caseIds))
    .orderBy(asc(lostDocumentItems.position))
}

function toView(row: Row, items: Awaited<ReturnType<typeof itemsOf>>, types: DocumentType[]): ReportView {
  const byCode = new Map(types.map((t) => [t.code, t]))
  const own: ItemView[] = items
    .filter((i) => i.caseId === row.case.id)
    .map((i) => ({
      position: i.position,
      documentType: i.documentType,
      nameTh: byCode.get(i.documentType)?.nameTh ?? i.documentType,
      nameEn: byCode.get(i.documentType)?.nameEn ?? i.documentType,
      number: i.numberLast ? maskNumber(i.numberLast) : null,
      issuer: i.issuer,
    }))
  const decision = decide(own, types)
  const held = decision.held.flatMap((h) => {
    const item = own[h.position]
    return item ? [{ ...item, policy: h.policy, reasonTh: h.reasonTh, reasonEn: h.reasonEn }] : []
  })
  const { report } = row
  return {
    id: row.case.id,
    referenceNumber: row.case.referenceNumber,
    status: row.case.status,
    createdAt: row.case.createdAt,
    updatedAt: row.case.updatedAt,
    items: own,
    held,
    issued: row.case.status === 'issued' && report.issuedAt !== null && report.revokedAt === null,
    lostFrom: report.lostFrom,
    lostTo: report.lostTo,
    placeText: report.placeText ?? '',
  }
}

function selectRows(tx: Tx) {
  return tx
    .select({ case: cases, report: lostDocumentReports })
    .from(cases)
    .innerJoin(lostDocumentReports, eq(lostDocumentReports.caseId, cases.id))
}

/** The citizen's reports, newest first. Only theirs: the citizen is part of the query, never a filter afterwards. */
export async function listReports(tx: Tx, citizenId: string, limit = 50): Promise<ReportView[]> {
  const rows = await selectRows(tx)
    .where(and(eq(cases.citizenId, citizenId), eq(cases.kind, 'lost_document')))
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(limit)
  const [items, types] = await Promise.all([
    itemsOf(
      tx,
      rows.map((r) => r.case.id),
    ),
    allDocumentTypes(tx),
  ])
  return rows.map((r) => toView(r, items, types))
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type ReportDetail = ReportView & {
  declarantName: string
  idType: string
  idNumber: string
  phone: string
  address: Record<string, string>
  location: { latitude: number; longitude: number } | null
  circumstances: string
  /** What the citizen may see of the timeline: status changes and messages both ways (never internal notes). */
  /** media: what a message without text carried (image, video, audio, file), so it does not read as an empty message. */
  history: { type: string; status: string | null; body: string | null; media: string | null; at: Date }[]
}

/**
 * One of the citizen's reports, or undefined (another citizen's case is "not found", not "forbidden"; so is a
 * report whose personal data was purged). Their own story comes decrypted: it is theirs.
 */
export async function reportDetail(
  tx: Tx,
  citizenId: string,
  caseId: string,
  cipher: Pick<PiiCipher, 'decrypt'>,
): Promise<ReportDetail | undefined> {
  if (!UUID.test(caseId)) {
    return undefined
  }
  const [row] = await selectRows(tx)
    .where(and(eq(cases.id, caseId), eq(cases.citizenId, citizenId), eq(cases.kind, 'lost_document')))
    .limit(1)
  const report = withPersonalData(row?.report)
  if (!row || !report) {
    return undefined
  }
  const [items, types] = await Promise.all([itemsOf(tx, [caseId]), allDocumentTypes(tx)])
  const events = await tx
    .select()
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        eq(caseEvents.internal, false),
        inArray(caseEvents.type, ['created', 'status', 'message_in', 'message_out']),
      ),
    )
    .orderBy(asc(caseEvents.id))
  return {
    ...toView(row, items, types),
    declarantName: report.declarantName,
    idType: report.idType,
    idNumber: maskIdNumber(report.idType, report.idNumberLast),
    phone: `xxxxxx${report.phoneLast}`,
    address: report.address,
    location:
      report.latitude !== null && report.longitude !== null
        ? { latitude: report.latitude, longitude: report.longitude }
        : null,
    circumstances: circumstancesOf(cipher, report) ?? '',
    history: events.map((e) => ({
      type: e.type,
      status: e.toStatus,
      body: e.bodyEnc ? cipher.decrypt(e.bodyEnc) : e.body,
      media: mediaOf(e.data),
      at: e.createdAt,
    })),
  }
}

const MEDIA = new Set(['image', 'video', 'audio', 'file'])

/** The kind of a photo, video, voice message or file the citizen sent (case event data.messageType), else null. */
function mediaOf(data: Record<string, unknown> | null): string | null {
  const kind = data?.messageType
  return typeof kind === 'string' && MEDIA.has(kind) ? kind : null
}

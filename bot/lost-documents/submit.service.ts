import { and, desc, eq, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Case, type Citizen, type DocumentType, lostDocumentReports, type Station } from '../../db/schema/index.js'
import type { OpenCaseInput } from '../cases/open-case.js'
import type { SearchHasher } from '../cases/search-hash.js'
import type { ReportDraft } from '../contracts/lost-documents/draft.js'
import { validateReport } from '../contracts/lost-documents/report.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { allDocumentTypes } from './document-types.js'
import { type PersonalReport, withPersonalData } from './personal.js'
import { decide, type ReportDecision } from './policy.js'
import { insertReport, reportRow, setSystemStatus } from './report-write.js'
import { ReportValidationError } from './validation-error.js'

/** What issuing a record needs of the record module (bot/lost-documents/record). */
export type IssueRecord = (
  tx: Tx,
  input: { caseId: string; officerId: string | null; now: Date; notify?: boolean },
) => Promise<{ verifyToken: string }>

export type SubmitDeps = {
  cipher: PiiCipher
  hasher: Pick<SearchHasher, 'hash' | 'hashesFor'>
  /** openCase with the admin LIFF ID bound (createCaseOpener). */
  openCase: (tx: Tx, input: Omit<OpenCaseInput, 'adminLiffId'>) => Promise<{ case: Case }>
  issueRecord: IssueRecord
}

export type SubmitInput = {
  citizen: Citizen
  station: Station
  draft: ReportDraft
  channel: 'liff' | 'chat'
  /** Same key again (double tap, network retry) → the same report, nothing new stored. */
  idempotencyKey: string
  now: Date
}

export type SubmitResult = {
  created: boolean
  caseId: string
  decision?: ReportDecision
}

/** Officers answer a report waiting for review within a day (the inbox's "overdue" filter). */
const REVIEW_SLA_MS = 24 * 60 * 60 * 1000

/**
 * The citizen's latest report: the "same ID as last time" and the form's pre-fill come from it. A purged report is
 * no longer the citizen's (its citizen_id is cleared), so it never comes back here.
 */
export async function lastReportOf(tx: Tx, citizenId: string): Promise<PersonalReport | undefined> {
  const [row] = await tx
    .select()
    .from(lostDocumentReports)
    .where(eq(lostDocumentReports.citizenId, citizenId))
    .orderBy(desc(lostDocumentReports.createdAt))
    .limit(1)
  return withPersonalData(row)
}

function summaryOf(items: { documentType: string }[], types: readonly DocumentType[]): string {
  const names = items.map((i) => types.find((t) => t.code === i.documentType)?.nameTh ?? i.documentType)
  return [...new Set(names)].join(', ').slice(0, 200)
}

/**
 * Files a lost-document report in the caller's transaction: validates all of it (nothing is stored otherwise),
 * opens the case (number, station alert, live inbox), stores the report encrypted, records the consent and
 * applies the document types' policy (issue now, come to the station, or officer review).
 */
export function createReportSubmitter({ cipher, hasher, openCase, issueRecord }: SubmitDeps) {
  return async function submit(tx: Tx, input: SubmitInput): Promise<SubmitResult> {
    const { citizen, now } = input
    // Two requests with the same key queue here; the second finds the first's report.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`ld:${citizen.id}:${input.idempotencyKey}`}, 0))`,
    )
    const [existing] = await tx
      .select({ caseId: lostDocumentReports.caseId })
      .from(lostDocumentReports)
      .where(
        and(
          eq(lostDocumentReports.citizenId, citizen.id),
          eq(lostDocumentReports.idempotencyKey, input.idempotencyKey),
        ),
      )
      .limit(1)
    if (existing) {
      return { created: false, caseId: existing.caseId }
    }
    const types = await allDocumentTypes(tx)
    const previous = await lastReportOf(tx, citizen.id)
    const draft = input.draft.useLastId && previous ? { ...input.draft, idType: previous.idType } : input.draft
    const { issues, report } = validateReport(draft, {
      now,
      documentTypes: types.filter((t) => t.active).map((t) => t.code),
      hasPreviousId: Boolean(previous),
    })
    if (!report) {
      throw new ReportValidationError(issues)
    }
    const idNumber = report.idNumber ?? (previous ? cipher.decrypt(previous.idNumberEnc) : '')
    const decision = decide(report.items, types)
    const opened = await openCase(tx, {
      station: input.station,
      kind: 'lost_document',
      citizenId: citizen.id,
      summary: summaryOf(report.items, types),
      ...(report.location ? { location: report.location } : {}),
      ...(decision.status === 'submitted' ? { dueAt: new Date(now.getTime() + REVIEW_SLA_MS) } : {}),
      // Officers find the case by name, phone, ID number or a document number (keyed hashes, never plain text).
      searchHashes: hasher.hashesFor({
        name: report.declarantName,
        phone: report.phone,
        ids: [idNumber, ...report.items.map((i) => i.number)],
      }),
      data: { channel: input.channel, items: report.items.map((i) => i.documentType) },
      // The station's group reads what the citizen reads ("please come to the station", "issued").
      alertStatus: decision.status,
      now,
    })
    const meta = { caseId: opened.case.id, citizenId: citizen.id, idempotencyKey: input.idempotencyKey, now }
    await insertReport(
      tx,
      cipher,
      reportRow(cipher, { ...report, idNumber }, { ...meta, channel: input.channel }),
      report.items,
    )
    if (decision.status === 'issued') {
      // The receipt below carries the PDF button: issueRecord sends nothing of its own.
      await issueRecord(tx, { caseId: opened.case.id, officerId: null, now, notify: false })
    } else if (decision.status === 'visit_station') {
      await setSystemStatus(tx, opened.case, 'visit_station', now, decision.held)
    }
    return { created: true, caseId: opened.case.id, decision }
  }
}
export type ReportSubmitter = ReturnType<typeof createReportSubmitter>

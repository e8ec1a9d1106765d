import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Tx } from '../../db/client.js'
import {
  attachments,
  type Case,
  caseEvents,
  cases,
  citizens,
  evidenceFiles,
  officers,
  outboundMessages,
} from '../../db/schema/index.js'
import type { DeliveryFailure, DeliveryState } from '../contracts/consultations.js'
import { NotFoundError } from '../errors.js'
import { maskName } from './mask.js'
import type { PiiRegistry } from './pii.js'
import { type CaseDetail, type CaseEventView, isOverdue, iso, isPinned, toEventView } from './views.js'

/** Evidence files (CCOC footage, third parties' data) are served only by the evidence routes (evidence.read). */
const notEvidence = sql`not exists (select 1 from ${evidenceFiles} where ${evidenceFiles.attachmentId} = ${attachments.id})`

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The case if it belongs to the officer's station. Another station's case is a 404 (not a 403): its existence is
 * not the asker's business. `forUpdate` locks the row for a change (status moves must not race).
 */
export async function findStationCase(tx: Tx, stationId: string, id: string, forUpdate = false): Promise<Case> {
  if (!UUID.test(id)) {
    throw caseNotFound()
  }
  const q = tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.stationId, stationId)))
    .limit(1)
  const [row] = forUpdate ? await q.for('update') : await q
  if (!row) {
    throw caseNotFound()
  }
  return row
}

export function caseNotFound() {
  return new NotFoundError('case not found', 'ไม่พบเรื่องนี้')
}

/** The case as the detail page shows it: masked citizen, assignee, attachments (metadata), revealable fields. */
export async function caseDetail(tx: Tx, c: Case, pii: PiiRegistry, now: Date): Promise<CaseDetail> {
  const [citizen] = c.citizenId
    ? await tx.select().from(citizens).where(eq(citizens.id, c.citizenId)).limit(1)
    : [undefined]
  const [assignee] = c.assigneeId
    ? await tx
        .select({ id: officers.id, displayName: officers.displayName })
        .from(officers)
        .where(eq(officers.id, c.assigneeId))
        .limit(1)
    : [undefined]
  const files = await tx
    .select({
      id: attachments.id,
      contentType: attachments.contentType,
      fileName: attachments.fileName,
      size: attachments.size,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(and(eq(attachments.caseId, c.id), notEvidence))
    .orderBy(asc(attachments.createdAt))
  return {
    id: c.id,
    kind: c.kind,
    referenceNumber: c.referenceNumber,
    status: c.status,
    priority: c.priority,
    summary: c.summary,
    citizenName: maskName(citizen?.displayName),
    assignee: assignee ?? null,
    dueAt: iso(c.dueAt),
    overdue: isOverdue(c, now),
    pinned: isPinned(c),
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
    firstResponseAt: iso(c.firstResponseAt),
    resolvedAt: iso(c.resolvedAt),
    location: c.latitude !== null && c.longitude !== null ? { latitude: c.latitude, longitude: c.longitude } : null,
    citizen: citizen
      ? {
          id: citizen.id,
          displayName: maskName(citizen.displayName),
          language: citizen.language,
          followState: citizen.followState,
        }
      : null,
    attachments: files.map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
    revealable: await pii.fields(tx, c),
    sections: await pii.sections(tx, c),
    links: await pii.links(tx, c),
  }
}

const eventOfficer = alias(officers, 'event_officer')

/** The case's timeline, oldest first, with the acting officers' names. */
export async function caseTimeline(tx: Tx, caseId: string): Promise<CaseEventView[]> {
  const rows = await tx
    .select({ event: caseEvents, officerName: eventOfficer.displayName })
    .from(caseEvents)
    .leftJoin(eventOfficer, eq(eventOfficer.id, caseEvents.officerId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
  return rows.map((r) => toEventView(r.event, r.officerName))
}

/** One event by ID, as the timeline shows it (the answer to a note, message or status change). */
export async function timelineEvent(tx: Tx, eventId: number): Promise<CaseEventView> {
  const [row] = await tx
    .select({ event: caseEvents, officerName: eventOfficer.displayName })
    .from(caseEvents)
    .leftJoin(eventOfficer, eq(eventOfficer.id, caseEvents.officerId))
    .where(eq(caseEvents.id, eventId))
    .limit(1)
  if (!row) {
    throw new Error(`case event ${eventId} vanished in its own transaction`)
  }
  return toEventView(row.event, row.officerName)
}

/** An attachment of a case of the officer's station, with its bytes. */
export async function stationAttachment(tx: Tx, stationId: string, id: string) {
  if (!UUID.test(id)) {
    throw new NotFoundError('attachment not found', 'ไม่พบไฟล์แนบ')
  }
  const [row] = await tx
    .select({ attachment: attachments, stationId: cases.stationId })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .where(and(eq(attachments.id, id), eq(cases.stationId, stationId), notEvidence))
    .limit(1)
  if (!row) {
    throw new NotFoundError('attachment not found', 'ไม่พบไฟล์แนบ')
  }
  return row.attachment
}

/** What LINE's refusal means, for the officers (the thread shows it beside the answer). */
function failureReason(lastError: unknown): { cause: DeliveryFailure; reason: string; status?: number } {
  const e = (lastError ?? {}) as { status?: number; message?: string }
  const status = typeof e.status === 'number' && e.status > 0 ? e.status : undefined
  // jobs/deliver-outbound.job.ts marks a do-not-contact refusal with status 0.
  const cause: DeliveryFailure =
    e.status === 0
      ? 'erased'
      : status === 403
        ? 'blocked'
        : status === 429 || (status ?? 0) >= 500
          ? 'unavailable'
          : 'refused'
  return { cause, reason: e.message || 'LINE refused the message', ...(status ? { status } : {}) }
}

/**
 * How an officer's message went out, from its outbox rows: queued while any waits; failed if any failed for good
 * (with LINE's reason); else sent, by push if any row cost a push (pushes count against the LINE plan's quota).
 * `undelivered` on the entry: never handed to LINE (the citizen had blocked the OA).
 */
export async function withDelivery(tx: Tx, events: CaseEventView[]): Promise<CaseEventView[]> {
  const outgoing = events.filter((e) => e.type === 'message_out' && e.actorType === 'officer' && e.data)
  const ids = outgoing.flatMap((e) => {
    const list = e.data?.outboundIds
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string' && UUID.test(id)) : []
  })
  const rows =
    ids.length === 0
      ? []
      : await tx
          .select({
            id: outboundMessages.id,
            status: outboundMessages.status,
            sentVia: outboundMessages.sentVia,
            deliveredAt: outboundMessages.deliveredAt,
            lastError: outboundMessages.lastError,
          })
          .from(outboundMessages)
          .where(inArray(outboundMessages.id, ids))
  const byId = new Map(rows.map((r) => [r.id, r]))
  return events.map((e) => {
    if (!outgoing.includes(e) || !e.data) {
      return e
    }
    return { ...e, data: { ...e.data, delivery: deliveryOf(e.data, byId) } }
  })
}

function deliveryOf(
  data: Record<string, unknown>,
  rows: Map<string, { status: string; sentVia: string | null; deliveredAt: Date | null; lastError: unknown }>,
): DeliveryState {
  if (data.undelivered === 'blocked') {
    return { state: 'failed', cause: 'blocked', reason: 'the citizen has blocked the OA' }
  }
  const mine = (Array.isArray(data.outboundIds) ? data.outboundIds : []).map((id) => rows.get(String(id)))
  const failed = mine.find((r) => r?.status === 'failed')
  if (failed) {
    return { state: 'failed', ...failureReason(failed.lastError) }
  }
  if (mine.length === 0 || mine.some((r) => r?.status !== 'delivered')) {
    return { state: 'queued' }
  }
  const at = Math.max(...mine.map((r) => r?.deliveredAt?.getTime() ?? 0))
  const via = mine.some((r) => r?.sentVia === 'push') ? 'push' : 'reply'
  return { state: 'sent', via, at: new Date(at).toISOString() }
}

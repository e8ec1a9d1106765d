import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Case, caseEvents, cases, citizens, officers, stations } from '../../db/schema/index.js'
import { AppError, BadRequestError } from '../errors.js'
import { type ActingOfficer, type Audit, byOfficer } from '../officers/audit-port.js'
import { notifyCaseChange } from './case-feed.js'
import { findStationCase } from './case-view.js'
import { sendToCitizen } from './citizen-outbox.js'
import type { StatusMessage } from './status-messages.js'
import { allowedMoves, isResolved } from './statuses.js'

export class InvalidStatusMoveError extends AppError {
  constructor(kind: string, from: string, to: string, allowed: readonly string[]) {
    super(
      'invalid_status_move',
      400,
      `a ${kind} case cannot move from ${from} to ${to}`,
      'ไม่สามารถเปลี่ยนสถานะเรื่องนี้เป็นสถานะที่เลือกได้',
      { from, to, allowed },
    )
  }
}

/**
 * A kind that must do more than move the status for some target statuses (a lost-document record is issued with
 * its verification token and PDF, not just marked 'issued') registers a handler; the generic route then calls it,
 * so the inbox's status change and the kind's own routes do the same thing.
 */
export type StatusHandler = (
  tx: Tx,
  who: ActingOfficer,
  c: Case,
  input: { status: string; message?: string },
  now: Date,
) => Promise<{ case: Case; eventId: number; outboundIds: string[] }>
export type StatusHandlers = Partial<Record<Case['kind'], Partial<Record<string, StatusHandler>>>>

export type ActionDeps = { audit: Audit; statusMessage: StatusMessage; statusHandlers?: StatusHandlers }
export type ActionResult = { case: Case; eventId: number; outboundIds: string[] }

async function addEvent(tx: Tx, values: typeof caseEvents.$inferInsert): Promise<number> {
  const [row] = await tx.insert(caseEvents).values(values).returning({ id: caseEvents.id })
  if (!row) {
    throw new Error('case event insert returned no row')
  }
  return row.id
}

async function updateCase(tx: Tx, id: string, set: Partial<typeof cases.$inferInsert>): Promise<Case> {
  const [row] = await tx.update(cases).set(set).where(eq(cases.id, id)).returning()
  if (!row) {
    throw new Error('case update returned no row')
  }
  return row
}

/**
 * Assign to an active officer of the same station, claim ('me') or unassign (null). A transfer's `note` (for the new
 * assignee) is the assignment entry's body, internal; the audit line says there was one, not what it says.
 */
export async function assignCase(
  tx: Tx,
  deps: Pick<ActionDeps, 'audit'>,
  who: ActingOfficer,
  caseId: string,
  target: string | null,
  now: Date,
  note?: string,
): Promise<ActionResult> {
  const c = await findStationCase(tx, who.stationId, caseId, true)
  const officerId = target === 'me' ? who.officerId : target
  if (officerId) {
    const [officer] = await tx
      .select({ id: officers.id })
      .from(officers)
      .where(and(eq(officers.id, officerId), eq(officers.stationId, who.stationId), eq(officers.active, true)))
      .limit(1)
    if (!officer) {
      throw new BadRequestError('no active officer of this station has that ID', 'ไม่พบเจ้าหน้าที่ที่เลือกในสถานีนี้')
    }
  }
  const updated = await updateCase(tx, c.id, { assigneeId: officerId, updatedAt: now })
  const eventId = await addEvent(tx, {
    caseId: c.id,
    type: 'assignment',
    actorType: 'officer',
    officerId: who.officerId,
    internal: true,
    body: note ?? null,
    data: { from: c.assigneeId, to: officerId },
    createdAt: now,
  })
  await deps.audit.record(
    tx,
    byOfficer(who, 'case.assign', c.id, {
      from: c.assigneeId,
      to: officerId,
      ...(note ? { withNote: true } : {}),
    }),
  )
  await notifyCaseChange(tx, updated, 'updated')
  return { case: updated, eventId, outboundIds: [] }
}

/**
 * A status move allowed by statuses.ts: the timeline entry, first-response and resolution times, and the citizen's
 * templated message (plus the officer's words) through the outbox, all in one transaction.
 */
export async function changeStatus(
  tx: Tx,
  deps: ActionDeps,
  who: ActingOfficer,
  caseId: string,
  input: { status: string; message?: string },
  now: Date,
): Promise<ActionResult> {
  const c = await findStationCase(tx, who.stationId, caseId, true)
  const allowed = allowedMoves(c.kind, c.status)
  if (!allowed.includes(input.status)) {
    throw new InvalidStatusMoveError(c.kind, c.status, input.status, allowed)
  }
  const handler = deps.statusHandlers?.[c.kind]?.[input.status]
  if (handler) {
    const result = await handler(tx, who, c, input, now)
    await deps.audit.record(
      tx,
      byOfficer(who, 'case.status', c.id, { from: c.status, to: input.status, withMessage: Boolean(input.message) }),
    )
    await notifyCaseChange(tx, result.case, 'updated')
    return result
  }
  const resolved = isResolved(c.kind, input.status)
  const updated = await updateCase(tx, c.id, {
    status: input.status,
    firstResponseAt: c.firstResponseAt ?? now,
    // Resolution time is the first answer; moving back to an open status reopens the case.
    resolvedAt: resolved ? (c.resolvedAt ?? now) : null,
    updatedAt: now,
  })
  const notified = await notifyCitizen(tx, deps, updated, input.message, now)
  const eventId = await addEvent(tx, {
    caseId: c.id,
    type: 'status',
    actorType: 'officer',
    officerId: who.officerId,
    fromStatus: c.status,
    toStatus: input.status,
    body: input.message ?? null,
    // outboundIds: the dashboard's pushes per kind find the case of a status message through them.
    data: {
      notified: notified.sent,
      ...(notified.reason ? { reason: notified.reason } : {}),
      outboundIds: notified.outboundIds,
    },
    createdAt: now,
  })
  await deps.audit.record(
    tx,
    byOfficer(who, 'case.status', c.id, { from: c.status, to: input.status, withMessage: Boolean(input.message) }),
  )
  await notifyCaseChange(tx, updated, 'updated')
  return { case: updated, eventId, outboundIds: notified.outboundIds }
}

async function notifyCitizen(tx: Tx, deps: ActionDeps, c: Case, message: string | undefined, now: Date) {
  if (!c.citizenId) {
    return { sent: false, reason: 'no_citizen', outboundIds: [] as string[] }
  }
  const [citizen] = await tx.select().from(citizens).where(eq(citizens.id, c.citizenId)).limit(1)
  const [station] = await tx
    .select({ id: stations.id, nameTh: stations.nameTh, nameEn: stations.nameEn })
    .from(stations)
    .where(eq(stations.id, c.stationId))
    .limit(1)
  if (!citizen || !station) {
    return { sent: false, reason: 'no_citizen', outboundIds: [] as string[] }
  }
  const text = await deps.statusMessage(
    { kind: c.kind, status: c.status, language: citizen.language, reference: c.referenceNumber, message, station },
    tx,
  )
  const sent = await sendToCitizen(tx, citizen, [{ type: 'text', text: text.slice(0, 5000) }], {
    stationId: c.stationId,
    purpose: 'case-status',
    kind: c.kind,
    now,
  })
  return { sent: sent.via !== 'skipped', reason: sent.reason, outboundIds: sent.outboundIds }
}

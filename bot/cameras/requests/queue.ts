import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Tx } from '../../../db/client.js'
import { cameras, caseEvents, cases, footageRequests, officers } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import type { FootageRequestStatus } from '../../contracts/cameras.js'
import { AppError, BadRequestError, NotFoundError } from '../../errors.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../officers/audit-port.js'

/** Still waiting on someone: what "overdue" means once its deadline passed. */
export const WAITING: readonly FootageRequestStatus[] = ['open']
const FINAL: readonly FootageRequestStatus[] = ['closed', 'cancelled']

const requester = alias(officers, 'requester')
const assignee = alias(officers, 'assignee')

export type QueueFilter = {
  status?: FootageRequestStatus | undefined
  overdue?: boolean | undefined
  caseId?: string | undefined
  mine?: boolean | undefined
}

/**
 * The CCOC queue: the station's footage requests with their case, camera and people; overdue ones first (open past
 * the deadline), then by deadline. The case-cameras section reads the same list filtered by case.
 */
export async function listFootageRequests(tx: Tx, who: ActingOfficer, f: QueueFilter, now: Date) {
  const overdueSql = sql<boolean>`(${footageRequests.status} = 'open' and ${footageRequests.deadlineAt} < ${now.toISOString()}::timestamptz)`
  const where: SQL[] = [eq(footageRequests.stationId, who.stationId)]
  if (f.status) {
    where.push(eq(footageRequests.status, f.status))
  }
  if (f.overdue !== undefined) {
    where.push(f.overdue ? overdueSql : sql`not ${overdueSql}`)
  }
  if (f.caseId) {
    where.push(eq(footageRequests.caseId, f.caseId))
  }
  if (f.mine) {
    where.push(eq(footageRequests.assigneeId, who.officerId))
  }
  const rows = await tx
    .select({
      r: footageRequests,
      overdue: overdueSql,
      caseReference: cases.referenceNumber,
      cameraCode: cameras.code,
      cameraName: cameras.name,
      ownerType: cameras.ownerType,
      ownerName: cameras.ownerName,
      contactPreference: cameras.contactPreference,
      requesterName: requester.displayName,
      assigneeName: assignee.displayName,
    })
    .from(footageRequests)
    .innerJoin(cases, eq(cases.id, footageRequests.caseId))
    .innerJoin(cameras, eq(cameras.id, footageRequests.cameraId))
    .innerJoin(requester, eq(requester.id, footageRequests.requestedBy))
    .leftJoin(assignee, eq(assignee.id, footageRequests.assigneeId))
    .where(and(...where))
    .orderBy(
      desc(overdueSql),
      sql`${footageRequests.status} in ('closed', 'cancelled')`,
      asc(footageRequests.deadlineAt),
      asc(footageRequests.id),
    )
    .limit(500)
  return rows.map(({ r, overdue, ...rest }) => ({
    id: r.id,
    caseId: r.caseId,
    cameraId: r.cameraId,
    channel: r.channel,
    status: r.status,
    windowFrom: r.windowFrom.toISOString(),
    windowTo: r.windowTo.toISOString(),
    ask: r.ask,
    deadlineAt: r.deadlineAt.toISOString(),
    overdue: Boolean(overdue),
    letterNumber: r.letterNumber,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answerNote: r.answerNote,
    reminderSentAt: r.reminderSentAt?.toISOString() ?? null,
    assigneeId: r.assigneeId,
    createdAt: r.createdAt.toISOString(),
    ...rest,
  }))
}
export type QueueItem = Awaited<ReturnType<typeof listFootageRequests>>[number]

export type RequestPatch = {
  status?: FootageRequestStatus | undefined
  /** An officer of the station, 'me', or null to unassign. */
  assigneeId?: string | null | undefined
  note?: string | undefined
  deadlineAt?: Date | undefined
}

/**
 * An officer works a request: records an answer taken by phone or at a visit, marks the file received, closes or
 * cancels it, assigns it, moves its deadline. A closed or cancelled request does not move again. Timeline and audit.
 */
export async function updateFootageRequest(
  tx: Tx,
  audit: Audit,
  who: ActingOfficer,
  id: string,
  patch: RequestPatch,
  now: Date,
) {
  const [r] = await tx
    .select()
    .from(footageRequests)
    .where(and(eq(footageRequests.id, id), eq(footageRequests.stationId, who.stationId)))
    .for('update')
    .limit(1)
  if (!r) {
    throw new NotFoundError('footage request not found', 'ไม่พบคำขอภาพนี้')
  }
  if (FINAL.includes(r.status)) {
    throw new AppError('request_closed', 409, 'the request is closed or cancelled', 'คำขอนี้ปิดหรือยกเลิกแล้ว')
  }
  const set: Partial<typeof footageRequests.$inferInsert> = { updatedAt: now }
  if (patch.status && patch.status !== r.status) {
    set.status = patch.status
    if (['have_it', 'nothing_recorded', 'overwritten', 'refused'].includes(patch.status)) {
      set.answeredAt = now
    }
  }
  if (patch.note !== undefined) {
    set.answerNote = patch.note.trim().slice(0, 1000) || null
  }
  if (patch.deadlineAt) {
    set.deadlineAt = patch.deadlineAt
    set.reminderSentAt = null
  }
  if (patch.assigneeId !== undefined) {
    const target = patch.assigneeId === 'me' ? who.officerId : patch.assigneeId
    if (target) {
      const [o] = await tx
        .select({ id: officers.id })
        .from(officers)
        .where(and(eq(officers.id, target), eq(officers.stationId, who.stationId), eq(officers.active, true)))
        .limit(1)
      if (!o) {
        throw new BadRequestError('no active officer of this station has that ID', 'ไม่พบเจ้าหน้าที่ที่เลือกในสถานีนี้')
      }
    }
    set.assigneeId = target
  }
  const [updated] = await tx.update(footageRequests).set(set).where(eq(footageRequests.id, r.id)).returning()
  if (!updated) {
    throw new Error('footage request update returned no row')
  }
  const changes = {
    ...(set.status ? { from: r.status, to: set.status } : {}),
    ...(patch.assigneeId !== undefined ? { assigneeFrom: r.assigneeId, assigneeTo: set.assigneeId ?? null } : {}),
    ...(patch.deadlineAt ? { deadlineAt: patch.deadlineAt.toISOString() } : {}),
    ...(patch.note !== undefined ? { withNote: true } : {}),
  }
  await tx.insert(caseEvents).values({
    caseId: r.caseId,
    type: 'footage_request',
    actorType: 'officer',
    officerId: who.officerId,
    internal: true,
    body: patch.note?.trim() || null,
    data: { requestId: r.id, action: 'updated', ...changes },
    createdAt: now,
  })
  await audit.record(tx, {
    ...byOfficer(who, 'footage.update', r.caseId, { requestId: r.id, ...changes }),
  })
  const [c] = await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, r.caseId)).returning()
  if (c) {
    await notifyCaseChange(tx, c, 'updated')
  }
  return updated
}

import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { cases, houseWatches, officers, patrolPoints, patrolVisits } from '../../../db/schema/index.js'
import { STATUS_LABELS } from '../../cases/statuses.js'
import { type OwnerVisit, type OwnerWatch, VISIT_RESULT_LABELS } from '../../contracts/house-watch.js'
import { NotFoundError } from '../../errors.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { latestEnd, RUNNING_STATUSES } from '../lifecycle/end.js'
import { readHouseWatchSettings } from '../settings/read.js'

/** Not theirs, or no such watch: the same 404, so another citizen learns nothing of it. */
export class HouseWatchNotFoundError extends NotFoundError {
  constructor() {
    super('house watch not found', 'ไม่พบการฝากบ้านนี้ในรายการของท่าน')
  }
}

const visitCount = sql<number>`(select count(*)::int from ${patrolVisits} v where v.point_id = ${patrolPoints.id})`
const lastVisit = sql<
  string | null
>`(select max(v.scanned_at) from ${patrolVisits} v where v.point_id = ${patrolPoints.id})`

function ownerWatchesQuery(tx: Tx, citizenId: string, caseId?: string) {
  return tx
    .select({ c: cases, w: houseWatches, visitCount, lastVisit })
    .from(houseWatches)
    .innerJoin(cases, eq(cases.id, houseWatches.caseId))
    .leftJoin(patrolPoints, eq(patrolPoints.caseId, houseWatches.caseId))
    .where(
      and(eq(cases.citizenId, citizenId), eq(cases.kind, 'house_watch'), caseId ? eq(cases.id, caseId) : undefined),
    )
}

type Row = Awaited<ReturnType<typeof ownerWatchesQuery>>[number]

function toOwnerWatch({ c, w, visitCount, lastVisit }: Row): OwnerWatch {
  const label = STATUS_LABELS[c.status] ?? { th: c.status, en: c.status }
  return {
    caseId: c.id,
    referenceNumber: c.referenceNumber,
    status: c.status,
    statusTh: label.th,
    statusEn: label.en,
    running: w.endedAt === null && w.approvedAt !== null && (RUNNING_STATUSES as readonly string[]).includes(c.status),
    startsOn: w.startsOn,
    endsOn: w.endsOn,
    endedAt: w.endedAt?.toISOString() ?? null,
    endReason: w.endReason,
    notify: w.notify,
    visitCount: Number(visitCount ?? 0),
    lastVisitAt: lastVisit ? new Date(lastVisit).toISOString() : null,
  }
}

/** The citizen's house watches, newest first. */
export async function ownerWatches(tx: Tx, citizenId: string): Promise<OwnerWatch[]> {
  const rows = await ownerWatchesQuery(tx, citizenId).orderBy(desc(cases.createdAt))
  return rows.map(toOwnerWatch)
}

/** One of the citizen's watches (404 when it is not theirs), with the latest end an extension may reach. */
export async function ownerWatch(
  tx: Tx,
  citizenId: string,
  caseId: string,
  now: Date,
): Promise<OwnerWatch & { extendUntil: string; maxDays: number }> {
  const [row] = await ownerWatchesQuery(tx, citizenId, caseId)
  if (!row) {
    throw new HouseWatchNotFoundError()
  }
  const { maxDays } = await readHouseWatchSettings(tx, row.c.stationId)
  return { ...toOwnerWatch(row), extendUntil: latestEnd(now, maxDays), maxDays }
}

/** The visits at the watch's house, newest first, with the officer's rank and name as printed on records. */
export async function watchVisits(tx: Tx, caseId: string): Promise<OwnerVisit[]> {
  const rows = await tx
    .select({ v: patrolVisits, fullName: officers.fullName, displayName: officers.displayName })
    .from(patrolVisits)
    .innerJoin(patrolPoints, eq(patrolPoints.id, patrolVisits.pointId))
    .innerJoin(officers, eq(officers.id, patrolVisits.officerId))
    .where(eq(patrolPoints.caseId, caseId))
    .orderBy(desc(patrolVisits.scannedAt), asc(patrolVisits.id))
  return rows.map(({ v, fullName, displayName }) => ({
    id: v.id,
    at: v.scannedAt.toISOString(),
    officer: fullName ?? displayName,
    result: v.result,
    resultTh: VISIT_RESULT_LABELS[v.result].th,
    resultEn: VISIT_RESULT_LABELS[v.result].en,
    note: v.note,
    hasPhoto: v.photoBytesEnc !== null,
  }))
}

/** A visit's photo, decrypted, when the visit belongs to this watch (the caller has checked the watch is theirs). */
export async function visitPhoto(
  tx: Tx,
  cipher: Pick<PiiCipher, 'decryptBytes'>,
  caseId: string,
  visitId: string,
): Promise<{ contentType: string; bytes: Buffer }> {
  const [row] = await tx
    .select({ type: patrolVisits.photoContentType, enc: patrolVisits.photoBytesEnc })
    .from(patrolVisits)
    .innerJoin(patrolPoints, eq(patrolPoints.id, patrolVisits.pointId))
    .where(and(eq(patrolVisits.id, visitId), inArray(patrolPoints.caseId, [caseId])))
  if (!row?.enc) {
    throw new NotFoundError('photo not found', 'ไม่พบรูปถ่าย')
  }
  return { contentType: row.type ?? 'image/jpeg', bytes: cipher.decryptBytes(row.enc) }
}

import { and, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.js'
import { cases, houseWatches, officers, patrolPoints, patrolVisits } from '../../../db/schema/index.js'
import type { ThaiAddress } from '../../contracts/house-watch.js'
import type { PatrolStopView, VisitView } from '../../contracts/patrol.js'
import type { ShiftSlot } from '../shifts.js'

/** A point as a patrol sees it: where, what, and for a house only what helps on the doorstep (no owner, no phone). */
export type PatrolStop = Pick<
  PatrolStopView,
  'id' | 'kind' | 'code' | 'nameTh' | 'nameEn' | 'address' | 'notes' | 'watchEndsOn' | 'lat' | 'lng'
>

/** A check-in as a list shows it (VisitView with its point and a Date). */
export type VisitLine = Omit<VisitView, 'at'> & { pointId: string; at: Date }

/** `12/3 ม.4 หมู่บ้านเนินพระ ซ.5 ถ.สุขุมวิท ต.เนินพระ`: the district, province and postcode are the station's own. */
export function shortAddress(a: ThaiAddress | null): string | null {
  if (!a) {
    return null
  }
  const parts = [
    a.houseNo,
    a.moo ? `ม.${a.moo}` : '',
    a.village ?? '',
    a.soi ? `ซ.${a.soi}` : '',
    a.road ? `ถ.${a.road}` : '',
    a.subdistrict ? `ต.${a.subdistrict}` : '',
  ]
  return parts.filter((p) => p.trim() !== '').join(' ')
}

// Houses are patrolled from approval until the watch ends; 'completed' only matters for a past shift.
const PATROLLED = ['approved', 'active'] as const
const WAS_PATROLLED = ['approved', 'active', 'completed'] as const

const stopColumns = {
  id: patrolPoints.id,
  kind: patrolPoints.kind,
  code: patrolPoints.code,
  nameTh: patrolPoints.nameTh,
  nameEn: patrolPoints.nameEn,
  lat: patrolPoints.latitude,
  lng: patrolPoints.longitude,
  address: houseWatches.address,
  notes: houseWatches.notes,
  watchEndsOn: houseWatches.endsOn,
}

type StopRow = Omit<PatrolStop, 'address'> & { address: ThaiAddress | null }
const toStop = ({ address, ...r }: StopRow): PatrolStop => ({ ...r, address: shortAddress(address) })

function stopsQuery(exec: Db | Tx) {
  return exec
    .select(stopColumns)
    .from(patrolPoints)
    .leftJoin(houseWatches, eq(houseWatches.caseId, patrolPoints.caseId))
    .leftJoin(cases, eq(cases.id, patrolPoints.caseId))
}

/** Today's round (Bangkok `day`): active red boxes, and houses whose approved watch covers the day and has not ended. */
export async function activeStops(exec: Db | Tx, stationId: string, day: string): Promise<PatrolStop[]> {
  const rows = await stopsQuery(exec).where(
    and(
      eq(patrolPoints.stationId, stationId),
      eq(patrolPoints.active, true),
      or(
        eq(patrolPoints.kind, 'red_box'),
        and(
          eq(patrolPoints.kind, 'house'),
          inArray(cases.status, [...PATROLLED]),
          isNull(houseWatches.endedAt),
          lte(houseWatches.startsOn, day),
          gte(houseWatches.endsOn, day),
        ),
      ),
    ),
  )
  return rows.map(toStop)
}

/**
 * The points a shift was due to visit: red boxes that existed then (and are still active, or were visited in it),
 * and houses whose watch covered the shift's day and was running during the shift. A point visited in the shift is
 * always in.
 */
export async function stopsDueIn(exec: Db | Tx, stationId: string, slot: ShiftSlot): Promise<PatrolStop[]> {
  const from = slot.from.toISOString()
  const to = slot.to.toISOString()
  const visited = sql`exists (select 1 from ${patrolVisits} v where v.point_id = ${patrolPoints.id}
    and v.shift_date = ${slot.shiftDate} and v.shift_key = ${slot.shift.key})`
  const rows = await stopsQuery(exec).where(
    and(
      eq(patrolPoints.stationId, stationId),
      or(
        visited,
        and(eq(patrolPoints.kind, 'red_box'), eq(patrolPoints.active, true), lt(patrolPoints.createdAt, slot.to)),
        and(
          eq(patrolPoints.kind, 'house'),
          inArray(cases.status, [...WAS_PATROLLED]),
          lte(houseWatches.startsOn, slot.shiftDate),
          gte(houseWatches.endsOn, slot.shiftDate),
          sql`coalesce(${houseWatches.approvedAt}, ${cases.createdAt}) < ${to}::timestamptz`,
          or(isNull(houseWatches.endedAt), gt(houseWatches.endedAt, sql`${from}::timestamptz`)),
        ),
      ),
    ),
  )
  return rows.map(toStop)
}

const visitColumns = {
  id: patrolVisits.id,
  pointId: patrolVisits.pointId,
  at: patrolVisits.scannedAt,
  fullName: officers.fullName,
  displayName: officers.displayName,
  gpsCheck: patrolVisits.gpsCheck,
  distanceMeters: patrolVisits.distanceMeters,
  accuracyMeters: patrolVisits.accuracyMeters,
  result: patrolVisits.result,
}
type VisitRow = Omit<VisitLine, 'officerName'> & { fullName: string | null; displayName: string }
const toVisit = ({ fullName, displayName, ...v }: VisitRow): VisitLine => ({
  ...v,
  officerName: fullName ?? displayName,
})

/** The station's visits in one shift, oldest first. */
export async function visitsIn(exec: Db | Tx, stationId: string, slot: ShiftSlot): Promise<VisitLine[]> {
  const rows = await exec
    .select(visitColumns)
    .from(patrolVisits)
    .innerJoin(officers, eq(officers.id, patrolVisits.officerId))
    .where(
      and(
        eq(patrolVisits.stationId, stationId),
        eq(patrolVisits.shiftDate, slot.shiftDate),
        eq(patrolVisits.shiftKey, slot.shift.key),
      ),
    )
    .orderBy(patrolVisits.scannedAt)
  return rows.map(toVisit)
}

/** Each point's latest visit ever (any shift). */
export async function lastVisits(exec: Db | Tx, pointIds: string[]): Promise<Map<string, VisitLine>> {
  if (pointIds.length === 0) {
    return new Map()
  }
  const rows = await exec
    .selectDistinctOn([patrolVisits.pointId], visitColumns)
    .from(patrolVisits)
    .innerJoin(officers, eq(officers.id, patrolVisits.officerId))
    .where(inArray(patrolVisits.pointId, pointIds))
    .orderBy(patrolVisits.pointId, desc(patrolVisits.scannedAt))
  return new Map(rows.map((r) => [r.pointId, toVisit(r)]))
}

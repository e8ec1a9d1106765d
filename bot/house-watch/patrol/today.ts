import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client.js'
import { stations } from '../../../db/schema/index.js'
import type { LatLng } from '../../contracts/house-watch.js'
import type { PatrolToday, VisitView } from '../../contracts/patrol.js'
import type { ActingOfficer, Audit } from '../../officers/audit-port.js'
import { readHouseWatchSettings } from '../settings/read.js'
import { shiftAt } from '../shifts.js'
import { patrolAudit } from './audit.js'
import { activeStops, lastVisits, type VisitLine, visitsIn } from './points.js'
import { metersBetween, orderRoute } from './route.js'
import { bangkokDate, shiftList, shiftView } from './slots.js'

/** The station's map position, when set (stations keep it as text). */
export async function stationLocation(db: Db, stationId: string): Promise<LatLng | null> {
  const [row] = await db
    .select({ lat: stations.latitude, lng: stations.longitude })
    .from(stations)
    .where(eq(stations.id, stationId))
  const lat = Number(row?.lat)
  const lng = Number(row?.lng)
  return row?.lat && row.lng && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null
}

export const visitView = (v: VisitLine): VisitView => ({
  id: v.id,
  at: v.at.toISOString(),
  officerName: v.officerName,
  gpsCheck: v.gpsCheck,
  distanceMeters: v.distanceMeters,
  accuracyMeters: v.accuracyMeters,
  result: v.result,
})

/**
 * Today's round for the officer's station: active red boxes and today's watched houses, ordered from the station
 * (nearest neighbour + 2-opt), each with its visits in the current shift and its last visit. Reading houses'
 * addresses and notes is audited (personal data).
 */
export function createPatrolToday({ db, audit, now = () => new Date() }: { db: Db; audit: Audit; now?: () => Date }) {
  async function today(who: ActingOfficer): Promise<PatrolToday> {
    const at = now()
    const day = bangkokDate(at)
    const settings = await readHouseWatchSettings(db, who.stationId)
    const slot = shiftAt(settings.shifts, at)
    const [start, stops, visits] = await Promise.all([
      stationLocation(db, who.stationId),
      activeStops(db, who.stationId, day),
      visitsIn(db, who.stationId, slot),
    ])
    const origin = start ?? stops[0] ?? null
    const ordered = origin ? orderRoute(origin, stops) : []
    const last = await lastVisits(
      db,
      ordered.map((s) => s.id),
    )
    let previous = origin
    let totalMeters = 0
    const views = ordered.map((s, i) => {
      const legMeters = previous ? Math.round(metersBetween(previous, s)) : 0
      totalMeters += legMeters
      previous = s
      const lastVisit = last.get(s.id)
      return {
        ...s,
        order: i + 1,
        legMeters,
        fromStationMeters: origin ? Math.round(metersBetween(origin, s)) : 0,
        visits: visits.filter((v) => v.pointId === s.id).map(visitView),
        lastVisit: lastVisit ? visitView(lastVisit) : null,
      }
    })
    const houses = views.filter((s) => s.kind === 'house').length
    if (houses > 0) {
      await audit.record(
        db,
        patrolAudit(who, 'patrol.today.view', 'patrol_round', day, { houses, redBoxes: views.length - houses }),
      )
    }
    return {
      date: day,
      shift: shiftView(slot),
      shifts: shiftList(settings.shifts),
      start,
      stops: views,
      totalMeters,
    }
  }
  return { today }
}
export type PatrolTodayService = ReturnType<typeof createPatrolToday>

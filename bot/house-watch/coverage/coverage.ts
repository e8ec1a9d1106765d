import type { Db } from '../../../db/client.js'
import { isFinding } from '../../contracts/house-watch.js'
import type { Coverage, CoveragePoint, CoverageStatus } from '../../contracts/patrol.js'
import { BadRequestError } from '../../errors.js'
import type { ActingOfficer, Audit } from '../../officers/audit-port.js'
import { patrolAudit } from '../patrol/audit.js'
import { type PatrolStop, stopsDueIn, type VisitLine, visitsIn } from '../patrol/points.js'
import { orderRoute } from '../patrol/route.js'
import { shiftList, shiftView, slotOf } from '../patrol/slots.js'
import { stationLocation, visitView } from '../patrol/today.js'
import { readHouseWatchSettings } from '../settings/read.js'
import { type ShiftSlot, shiftAt } from '../shifts.js'

export type CoverageQuery = { date?: string | undefined; shift?: string | undefined }

/** A visit that needs a supervisor's look: far from the point by GPS, or with a finding. */
export const isFlagged = (v: Pick<VisitLine, 'gpsCheck' | 'result'>) => v.gpsCheck === 'far' || isFinding(v.result)

function statusOf(visits: VisitLine[], slot: ShiftSlot, at: Date): CoverageStatus {
  if (visits.length > 0) {
    return 'visited'
  }
  return slot.to <= at ? 'missed' : 'due'
}

/** Points and their visits in one shift, as the map, the table and the CSV show them. */
export function coverageOf(stops: PatrolStop[], visits: VisitLine[], slot: ShiftSlot, at: Date): CoveragePoint[] {
  return stops.map((s) => {
    const mine = visits.filter((v) => v.pointId === s.id)
    return {
      id: s.id,
      kind: s.kind,
      code: s.code,
      nameTh: s.nameTh,
      nameEn: s.nameEn,
      address: s.address,
      lat: s.lat,
      lng: s.lng,
      status: statusOf(mine, slot, at),
      flagged: mine.some(isFlagged),
      visits: mine.map(visitView),
    }
  })
}

/**
 * Coverage of one shift for supervisors: every point due (red boxes, watched houses), visited or missed (or still
 * due while the shift runs), with each visit's time, officer, GPS check and result. Default: the current shift.
 */
export function createCoverage({ db, audit, now = () => new Date() }: { db: Db; audit: Audit; now?: () => Date }) {
  async function slotFor(stationId: string, q: CoverageQuery) {
    const at = now()
    const settings = await readHouseWatchSettings(db, stationId)
    const current = shiftAt(settings.shifts, at)
    const date = q.date ?? current.shiftDate
    const key = q.shift ?? current.shift.key
    const slot = slotOf(settings.shifts, date, key)
    if (!slot) {
      throw new BadRequestError(`no shift "${key}" at this station`, 'ไม่พบผลัดนี้ของสถานี', {
        field: 'shift',
        shifts: settings.shifts.map((s) => s.key),
      })
    }
    if (slot.from > at) {
      throw new BadRequestError('that shift has not started yet', 'ผลัดนี้ยังไม่เริ่ม', { field: 'date' })
    }
    return { at, slot, settings }
  }

  async function report(who: ActingOfficer, q: CoverageQuery, action = 'patrol.coverage.view'): Promise<Coverage> {
    const { at, slot, settings } = await slotFor(who.stationId, q)
    const [start, stops, visits] = await Promise.all([
      stationLocation(db, who.stationId),
      stopsDueIn(db, who.stationId, slot),
      visitsIn(db, who.stationId, slot),
    ])
    const origin = start ?? stops[0]
    // The route order the patrol list used, so the table reads like the round.
    const ordered = origin ? orderRoute(origin, stops) : stops
    const points = coverageOf(ordered, visits, slot, at)
    const count = (s: CoverageStatus) => points.filter((p) => p.status === s).length
    const totals = {
      points: points.length,
      visited: count('visited'),
      missed: count('missed'),
      due: count('due'),
      flagged: points.filter((p) => p.flagged).length,
      visits: visits.length,
    }
    await audit.record(
      db,
      patrolAudit(who, action, 'patrol_shift', `${slot.shiftDate}/${slot.shift.key}`, {
        points: totals.points,
        houses: points.filter((p) => p.kind === 'house').length,
      }),
    )
    return { shift: shiftView(slot), shifts: shiftList(settings.shifts), start, points, totals }
  }

  return { report }
}
export type CoverageService = ReturnType<typeof createCoverage>

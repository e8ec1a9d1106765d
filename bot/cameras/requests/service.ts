import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client.js'
import { cameras, cases, footageRequests, officers, stations } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { findStationCase } from '../../cases/case-view.js'
import { DEFAULT_NEARBY_RADIUS_METERS } from '../../contracts/cameras.js'
import { AppError, NotFoundError } from '../../errors.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../officers/audit-port.js'
import { camerasNear, retentionSummary } from '../nearby.js'
import { createFootageRequests, type NewFootageRequests } from './create.js'
import { renderRequestLetter } from './letter.pdf.js'
import { listFootageRequests, type QueueFilter, type RequestPatch, updateFootageRequest } from './queue.js'

export type FootageRequestsDeps = { db: Db; audit: Audit; liffUrl: (path: string) => string; now?: () => Date }

/** How a nearby camera would be reached (what the officer sees before sending); never the owner's LINE ID. */
export type Reach = 'line' | 'phone' | 'visit' | 'letter' | 'ccoc_task'
const reachOf = (c: { ownerType: string; citizenId: string | null; contactPreference: string | null }): Reach =>
  c.ownerType === 'agency'
    ? 'letter'
    : c.ownerType === 'police'
      ? 'ccoc_task'
      : c.citizenId
        ? 'line'
        : c.contactPreference === 'visit'
          ? 'visit'
          : 'phone'

/**
 * The officers' side of issue #15 points 3 and 4: a case's location, the cameras near it with their retention, the
 * footage requests (send, the CCOC queue, updates) and the request letter. Every call runs in one transaction with
 * its audit line.
 */
export function createFootageRequestsService({ db, audit, liffUrl, now = () => new Date() }: FootageRequestsDeps) {
  return {
    async setLocation(who: ActingOfficer, caseId: string, at: { latitude: number; longitude: number }) {
      return db.transaction(async (tx) => {
        const c = await findStationCase(tx, who.stationId, caseId, true)
        if (c.latitude !== null && c.longitude !== null) {
          throw new AppError(
            'location_exists',
            409,
            'the case has a location already (from the report)',
            'เรื่องนี้มีตำแหน่งอยู่แล้ว',
          )
        }
        const [updated] = await tx
          .update(cases)
          .set({ latitude: at.latitude, longitude: at.longitude, updatedAt: now() })
          .where(eq(cases.id, c.id))
          .returning()
        await audit.record(tx, byOfficer(who, 'case.location', c.id))
        if (updated) {
          await notifyCaseChange(tx, updated, 'updated')
        }
        return { latitude: at.latitude, longitude: at.longitude }
      })
    },

    async camerasNearCase(
      who: ActingOfficer,
      caseId: string,
      q: { radius?: number | undefined; at?: Date | undefined },
    ) {
      return db.transaction(async (tx) => {
        const c = await findStationCase(tx, who.stationId, caseId)
        const radiusMeters = q.radius ?? DEFAULT_NEARBY_RADIUS_METERS
        const t = now()
        const at = q.at ?? t
        if (c.latitude === null || c.longitude === null) {
          return { location: null, radiusMeters, at: at.toISOString(), summary: null, items: [] }
        }
        const list = await camerasNear(tx, {
          stationId: who.stationId,
          lat: c.latitude,
          lng: c.longitude,
          radiusMeters,
          at,
          now: t,
        })
        await audit.record(tx, byOfficer(who, 'case.cameras.view', c.id, { radiusMeters, count: list.length }))
        return {
          location: { latitude: c.latitude, longitude: c.longitude },
          radiusMeters,
          at: at.toISOString(),
          summary: retentionSummary(list, at, t),
          items: list.map(({ citizenId, overwrittenAt, ...cam }) => ({
            ...cam,
            reach: reachOf({ ...cam, citizenId }),
            overwrittenAt: overwrittenAt?.toISOString() ?? null,
          })),
        }
      })
    },

    send(who: ActingOfficer, caseId: string, input: NewFootageRequests) {
      return db.transaction((tx) => createFootageRequests(tx, { audit, liffUrl }, who, caseId, input, now()))
    },

    list(who: ActingOfficer, filter: QueueFilter) {
      return db.transaction(async (tx) => {
        if (filter.caseId) {
          await findStationCase(tx, who.stationId, filter.caseId)
        }
        return listFootageRequests(tx, who, filter, now())
      })
    },

    update(who: ActingOfficer, id: string, patch: RequestPatch) {
      return db.transaction((tx) => updateFootageRequest(tx, audit, who, id, patch, now()))
    },

    /** The printable request letter (any request; agencies' carry their number). Audited. */
    async letter(who: ActingOfficer, id: string) {
      const data = await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ r: footageRequests, cam: cameras, st: stations, ref: cases.referenceNumber, by: officers })
          .from(footageRequests)
          .innerJoin(cameras, eq(cameras.id, footageRequests.cameraId))
          .innerJoin(stations, eq(stations.id, footageRequests.stationId))
          .innerJoin(cases, eq(cases.id, footageRequests.caseId))
          .innerJoin(officers, eq(officers.id, footageRequests.requestedBy))
          .where(and(eq(footageRequests.id, id), eq(footageRequests.stationId, who.stationId)))
          .limit(1)
        if (!row) {
          throw new NotFoundError('footage request not found', 'ไม่พบคำขอภาพนี้')
        }
        await audit.record(tx, byOfficer(who, 'footage.letter', row.r.caseId, { requestId: row.r.id }))
        return row
      })
      const { r, cam, st, ref, by } = data
      const pdf = await renderRequestLetter({
        letterNumber: r.letterNumber,
        station: { nameTh: st.nameTh, addressTh: st.addressTh, phone: st.phone },
        to: cam.ownerName ? `ผู้รับผิดชอบกล้องวงจรปิด ${cam.ownerName}` : 'เจ้าของกล้องวงจรปิด',
        caseReference: ref,
        camera: {
          code: cam.code,
          name: cam.name,
          covers: cam.covers,
          latitude: cam.latitude,
          longitude: cam.longitude,
        },
        windowFrom: r.windowFrom,
        windowTo: r.windowTo,
        ask: r.ask,
        deadlineAt: r.deadlineAt,
        signer: { name: by.fullName ?? by.displayName, position: `เจ้าหน้าที่ตำรวจ ${st.nameTh}` },
        issuedAt: r.createdAt,
      })
      const name = (r.letterNumber ?? r.id).replace(/[^\w-]+/g, '_')
      return { pdf, fileName: `footage-request-${name}.pdf` }
    },
  }
}
export type FootageRequestsService = ReturnType<typeof createFootageRequestsService>

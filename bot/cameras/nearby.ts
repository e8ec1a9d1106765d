import { and, between, eq, ne } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { type Camera, cameras } from '../../db/schema/index.js'

const EARTH_RADIUS_M = 6_371_008.8
const DAY_MS = 86_400_000
/** Metres per degree of latitude (and of longitude at the equator), on the same sphere as the haversine. */
const M_PER_DEG = (Math.PI * EARTH_RADIUS_M) / 180

/** Great-circle distance in metres (haversine): exact enough for a few kilometres, no PostGIS needed. */
export function haversineMeters(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180
  const dLat = (bLat - aLat) * rad
  const dLng = (bLng - aLng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The (latitude, longitude) box that holds every point within `radiusMeters` of the centre (a little more at its corners). */
export function boundingBox(lat: number, lng: number, radiusMeters: number) {
  const dLat = radiusMeters / M_PER_DEG
  const cos = Math.max(Math.cos((lat * Math.PI) / 180), 1e-6)
  const dLng = Math.min(180, radiusMeters / (M_PER_DEG * cos))
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng }
}

/** Whether footage of a moment is still on the recorder: 'unknown' when the camera's retention is not known. */
export type RetentionState = 'inside' | 'outside' | 'unknown'

export function retentionOf(
  retentionDays: number | null,
  at: Date,
  now: Date,
): { state: RetentionState; overwrittenAt: Date | null } {
  if (retentionDays === null || retentionDays === undefined) {
    return { state: 'unknown', overwrittenAt: null }
  }
  const overwrittenAt = new Date(at.getTime() + retentionDays * DAY_MS)
  return { state: overwrittenAt.getTime() > now.getTime() ? 'inside' : 'outside', overwrittenAt }
}

export type NearbyCamera = Pick<
  Camera,
  | 'id'
  | 'code'
  | 'name'
  | 'ownerType'
  | 'ownerName'
  | 'citizenId'
  | 'contactPreference'
  | 'latitude'
  | 'longitude'
  | 'directionDeg'
  | 'fieldOfViewDeg'
  | 'rangeMeters'
  | 'covers'
  | 'retentionDays'
  | 'liveView'
  | 'status'
> & { distanceMeters: number; retention: RetentionState; overwrittenAt: Date | null }

export type NearbyQuery = {
  stationId: string
  lat: number
  lng: number
  radiusMeters: number
  /** The moment the footage is wanted for (default: now): each camera says whether it is still inside retention. */
  at?: Date
  /** "Now", for the retention check (a controllable clock in tests). */
  now?: Date
}

/**
 * Verified, not removed cameras of a station within `radiusMeters` of a point, nearest first (ties by code): the
 * (latitude, longitude) index narrows to the bounding box, the exact haversine distance filters and sorts. No
 * PostGIS, so the embedded PGlite runs it the same way.
 */
export async function camerasNear(db: Db | Tx, q: NearbyQuery): Promise<NearbyCamera[]> {
  const box = boundingBox(q.lat, q.lng, q.radiusMeters)
  const now = q.now ?? new Date()
  const at = q.at ?? now
  const rows = await db
    .select({
      id: cameras.id,
      code: cameras.code,
      name: cameras.name,
      ownerType: cameras.ownerType,
      ownerName: cameras.ownerName,
      citizenId: cameras.citizenId,
      contactPreference: cameras.contactPreference,
      latitude: cameras.latitude,
      longitude: cameras.longitude,
      directionDeg: cameras.directionDeg,
      fieldOfViewDeg: cameras.fieldOfViewDeg,
      rangeMeters: cameras.rangeMeters,
      covers: cameras.covers,
      retentionDays: cameras.retentionDays,
      liveView: cameras.liveView,
      status: cameras.status,
    })
    .from(cameras)
    .where(
      and(
        between(cameras.latitude, box.minLat, box.maxLat),
        between(cameras.longitude, box.minLng, box.maxLng),
        eq(cameras.stationId, q.stationId),
        eq(cameras.verification, 'verified'),
        ne(cameras.status, 'removed'),
      ),
    )
  return rankNearby(rows, q.lat, q.lng, q.radiusMeters, at, now)
}

type Row = Omit<NearbyCamera, 'distanceMeters' | 'retention' | 'overwrittenAt'>

/** The exact step after the box: distance, the radius, nearest first (ties by code), each one's retention state. */
export function rankNearby(
  rows: readonly Row[],
  lat: number,
  lng: number,
  radiusMeters: number,
  at: Date,
  now: Date,
): NearbyCamera[] {
  const out: NearbyCamera[] = []
  for (const r of rows) {
    const distanceMeters = haversineMeters(lat, lng, r.latitude, r.longitude)
    if (distanceMeters <= radiusMeters) {
      const { state, overwrittenAt } = retentionOf(r.retentionDays, at, now)
      out.push({ ...r, distanceMeters: Math.round(distanceMeters * 10) / 10, retention: state, overwrittenAt })
    }
  }
  return out.sort((a, b) => a.distanceMeters - b.distanceMeters || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
}

/** "footage of 3 days ago: inside retention for 12 of 17 cameras", in Thai and English. */
export function retentionSummary(list: readonly Pick<NearbyCamera, 'retention'>[], at: Date, now: Date) {
  const inside = list.filter((c) => c.retention === 'inside').length
  const unknown = list.filter((c) => c.retention === 'unknown').length
  const days = Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY_MS))
  const whenTh = days === 0 ? 'ภาพของวันนี้' : `ภาพเมื่อ ${days} วันก่อน`
  const whenEn = days === 0 ? 'footage of today' : `footage of ${days} day${days === 1 ? '' : 's'} ago`
  const unknownTh = unknown > 0 ? ` (ไม่ทราบระยะเก็บ ${unknown} กล้อง)` : ''
  const unknownEn = unknown > 0 ? ` (retention unknown for ${unknown})` : ''
  return {
    daysAgo: days,
    inside,
    unknown,
    total: list.length,
    th: `${whenTh}: ยังอยู่ในระยะเวลาเก็บภาพ ${inside} จาก ${list.length} กล้อง${unknownTh}`,
    en: `${whenEn}: inside retention for ${inside} of ${list.length} cameras${unknownEn}`,
  }
}

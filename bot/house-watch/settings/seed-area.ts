import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../../db/client.js'
import { neighbourStations, stations } from '../../../db/schema/index.js'
import type { Jurisdiction } from '../../contracts/house-watch.js'

/**
 * The Rayong City Smart Safety Zone, approximately: 4.4 km² of เทศบาลนครระยอง, เทศบาลตำบลเนินพระ and
 * เทศบาลตำบลเชิงเนิน around the city centre (12.68 N, 101.27 E), drawn around the zone's landmarks (Wat Lum
 * Mahachai Chumphon, the King Taksin shrine, PASSIONE, Sri Mueang park, Holiday Inn, the city museum) and the
 * station. An admin replaces it with the surveyed boundary. GeoJSON order: [lng, lat].
 */
export const RAYONG_ZONE: Jurisdiction = {
  type: 'Polygon',
  coordinates: [
    [
      [101.2673, 12.6919],
      [101.2786, 12.6924],
      [101.2856, 12.6863],
      [101.286, 12.6767],
      [101.2803, 12.6706],
      [101.2708, 12.6706],
      [101.2656, 12.6785],
      [101.2673, 12.6919],
    ],
  ],
}

/**
 * Neighbouring stations of Mueang Rayong with approximate positions (their areas unknown: the nearest one is named).
 * Their direct numbers are not verified here, so the police hotline 191 stands in until an admin enters them.
 */
export const RAYONG_NEIGHBOURS = [
  { nameTh: 'สถานีตำรวจภูธรมาบตาพุด', nameEn: 'Map Ta Phut Police Station', latitude: 12.7137, longitude: 101.1712 },
  { nameTh: 'สถานีตำรวจภูธรทับมา', nameEn: 'Thap Ma Police Station', latitude: 12.7254, longitude: 101.2575 },
  { nameTh: 'สถานีตำรวจภูธรบ้านค่าย', nameEn: 'Ban Khai Police Station', latitude: 12.7766, longitude: 101.3003 },
  { nameTh: 'สถานีตำรวจภูธรเพ', nameEn: 'Phe Police Station', latitude: 12.6236, longitude: 101.4316 },
  { nameTh: 'สถานีตำรวจภูธรบ้านฉาง', nameEn: 'Ban Chang Police Station', latitude: 12.7239, longitude: 101.0594 },
].map((n) => ({ ...n, phone: '191' }))

/**
 * At start: Rayong City (code RYG) gets the zone when it has no jurisdiction on file, and its neighbours when it has
 * none. Never over an admin's polygon or list; two processes starting together write the same rows at most once
 * each (the updates and inserts are conditional).
 */
export async function seedHouseWatchArea(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    // The station row's lock queues a second process; its later statements then see the first one's rows.
    const [ryg] = await tx.select({ id: stations.id }).from(stations).where(eq(stations.code, 'RYG')).for('update')
    if (!ryg) {
      return []
    }
    const zoned = await tx
      .update(stations)
      .set({ jurisdiction: RAYONG_ZONE })
      .where(and(eq(stations.id, ryg.id), isNull(stations.jurisdiction)))
      .returning({ id: stations.id })
    const [known] = await tx
      .select({ id: neighbourStations.id })
      .from(neighbourStations)
      .where(eq(neighbourStations.stationId, ryg.id))
      .limit(1)
    if (!known) {
      await tx.insert(neighbourStations).values(RAYONG_NEIGHBOURS.map((n) => ({ ...n, stationId: ryg.id })))
    }
    return zoned.length > 0 || !known ? ['RYG'] : []
  })
}

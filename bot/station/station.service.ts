import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Station, stations } from '../../db/schema/index.js'
import { NotFoundError } from '../errors.js'
import { type StationInfo, type StationPatch, toStationInfo } from './station.schema.js'

/** The station's public information: what the bot and the LIFF app tell citizens (address, phones, hours...). */
export function createStationInfo() {
  async function row(tx: Tx, stationId: string): Promise<Station> {
    const [s] = await tx.select().from(stations).where(eq(stations.id, stationId)).limit(1)
    if (!s) {
      throw new NotFoundError('no such station', 'ไม่พบสถานี')
    }
    return s
  }

  async function get(tx: Tx, stationId: string): Promise<StationInfo> {
    return toStationInfo(await row(tx, stationId))
  }

  /** Applies the patch; returns the info before and after and the names of the fields that really changed. */
  async function update(tx: Tx, stationId: string, patch: StationPatch) {
    const before = toStationInfo(await row(tx, stationId))
    const { latitude, longitude, ...rest } = patch
    const set: Partial<typeof stations.$inferInsert> = { ...rest }
    if (latitude !== undefined) {
      set.latitude = latitude === null ? null : String(latitude) // stored as text (migration 0000)
      set.longitude = longitude === null || longitude === undefined ? null : String(longitude)
    }
    const [updated] = await tx.update(stations).set(set).where(eq(stations.id, stationId)).returning()
    if (!updated) {
      throw new NotFoundError('no such station', 'ไม่พบสถานี')
    }
    const after = toStationInfo(updated)
    const changed = (Object.keys(patch) as (keyof StationPatch)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    )
    return { before, after, changed }
  }

  return { get, update }
}
export type StationInfoService = ReturnType<typeof createStationInfo>

import { eq } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.js'
import { houseWatchSettings } from '../../../db/schema/index.js'
import {
  DEFAULT_DIGEST_HOUR,
  DEFAULT_GPS_TOLERANCE_METERS,
  DEFAULT_MAX_WATCH_DAYS,
  DEFAULT_PURGE_AFTER_DAYS,
  DEFAULT_SHIFTS,
  type HouseWatchApproval,
  type PatrolShift,
} from '../../contracts/house-watch.js'

/** A station's house-watch settings as every part of the domain reads them. */
export type StationHouseWatchSettings = {
  approval: HouseWatchApproval
  maxDays: number
  gpsToleranceMeters: number
  purgeAfterDays: number
  digestHour: number
  shifts: PatrolShift[]
}

export const DEFAULT_HOUSE_WATCH_SETTINGS: StationHouseWatchSettings = {
  approval: 'auto',
  maxDays: DEFAULT_MAX_WATCH_DAYS,
  gpsToleranceMeters: DEFAULT_GPS_TOLERANCE_METERS,
  purgeAfterDays: DEFAULT_PURGE_AFTER_DAYS,
  digestHour: DEFAULT_DIGEST_HOUR,
  shifts: DEFAULT_SHIFTS,
}

/** The station's settings, or the defaults until an admin saves them (no row is needed). */
export async function readHouseWatchSettings(db: Db | Tx, stationId: string): Promise<StationHouseWatchSettings> {
  const [row] = await db.select().from(houseWatchSettings).where(eq(houseWatchSettings.stationId, stationId))
  if (!row) {
    return DEFAULT_HOUSE_WATCH_SETTINGS
  }
  return {
    approval: row.approval,
    maxDays: row.maxDays,
    gpsToleranceMeters: row.gpsToleranceMeters,
    purgeAfterDays: row.purgeAfterDays,
    digestHour: row.digestHour,
    shifts: row.shifts.length > 0 ? row.shifts : DEFAULT_SHIFTS,
  }
}

import distance from '@turf/distance'
import type { GpsCheck, ScanPosition } from '../../contracts/house-watch.js'

export type GpsVerdict = { gpsCheck: GpsCheck; distanceMeters: number | null }

/**
 * Whether the phone was at the point: 'far' when even the nearest place the fix allows (distance minus accuracy) is
 * farther than the station's tolerance; flagged for the supervisor, never refused (GPS drifts in town). No fix (the
 * officer denied the location, or it timed out): 'unknown'.
 */
export function checkPosition(
  point: { latitude: number; longitude: number },
  position: ScanPosition | null,
  toleranceMeters: number,
): GpsVerdict {
  if (!position) {
    return { gpsCheck: 'unknown', distanceMeters: null }
  }
  const meters = distance([point.longitude, point.latitude], [position.lng, position.lat], { units: 'meters' })
  const rounded = Math.round(meters * 10) / 10
  return { gpsCheck: meters - position.accuracy > toleranceMeters ? 'far' : 'near', distanceMeters: rounded }
}

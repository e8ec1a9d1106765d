import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import distance from '@turf/distance'
import { point } from '@turf/helpers'
import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { neighbourStations } from '../../../db/schema/index.js'
import type { Jurisdiction, LatLng } from '../../contracts/house-watch.js'

/** A GeoJSON polygon or multipolygon as stored (stations.jurisdiction, neighbour_stations.area), else null. */
export function asJurisdiction(value: unknown): Jurisdiction | null {
  const v = value as { type?: unknown; coordinates?: unknown } | null
  if (!v || !Array.isArray(v.coordinates)) {
    return null
  }
  return v.type === 'Polygon' || v.type === 'MultiPolygon' ? (v as Jurisdiction) : null
}

/**
 * Whether the house is the station's to watch. A station with no polygon on file watches every house (a deployment
 * that has not drawn its area yet must still take enrolments); the seed gives Rayong City its zone.
 */
export function insideJurisdiction(area: unknown, at: LatLng): boolean {
  const polygon = asJurisdiction(area)
  return polygon ? booleanPointInPolygon(point([at.lng, at.lat]), polygon) : true
}

export type NeighbourAnswer = { nameTh: string; nameEn: string; phone: string; distanceKm: number; holds: boolean }

/** The neighbouring station whose area holds the pin, else the nearest one; undefined when none is on file. */
export async function rightStationFor(tx: Tx, stationId: string, at: LatLng): Promise<NeighbourAnswer | undefined> {
  const rows = await tx
    .select()
    .from(neighbourStations)
    .where(eq(neighbourStations.stationId, stationId))
    .orderBy(asc(neighbourStations.nameEn))
  const here = point([at.lng, at.lat])
  const ranked = rows
    .map((r) => {
      const area = asJurisdiction(r.area)
      return {
        nameTh: r.nameTh,
        nameEn: r.nameEn,
        phone: r.phone,
        distanceKm: distance(here, point([r.longitude, r.latitude]), { units: 'kilometers' }),
        holds: area ? booleanPointInPolygon(here, area) : false,
      }
    })
    .sort((a, b) => Number(b.holds) - Number(a.holds) || a.distanceKm - b.distanceKm)
  return ranked[0]
}

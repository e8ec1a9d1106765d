import { randomUUID } from 'node:crypto'
import { type Camera, cameras } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'

// The test point (Rayong city hall, roughly) and metres → degrees on the haversine's sphere.
export const LAT = 12.6814
export const LNG = 101.2816
export const north = (m: number) => LAT + m / 111_195.08
export const east = (m: number) => LNG + m / (111_195.08 * Math.cos((LAT * Math.PI) / 180))

/** A camera as the registry (cam-registry's import or an owner's verified registration) leaves it. */
export async function insertCamera(
  s: Stack,
  stationId: string,
  values: Partial<typeof cameras.$inferInsert> & { code: string },
): Promise<Camera> {
  const [row] = await s.db.db
    .insert(cameras)
    .values({
      stationId,
      name: `กล้อง ${values.code}`,
      ownerType: 'police',
      latitude: LAT,
      longitude: LNG,
      retentionDays: 7,
      ...values,
      code: `${values.code}`,
    })
    .returning()
  if (!row) {
    throw new Error('camera insert returned no row')
  }
  return row
}

/** A unique code prefix per test, so the station-unique codes never collide between tests of a file. */
export const prefix = () => randomUUID().slice(0, 4).toUpperCase()

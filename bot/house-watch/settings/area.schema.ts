import { z } from 'zod'

const text = (max: number) => z.string().trim().min(1).max(max)
/** A station's number as people dial it: 038-611-111, +66 38 611 111, or a hotline such as 191. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{1,18}[0-9]$/, 'a phone number such as 038-611-111 or 191')
const latitude = z.number().min(-90).max(90)
const longitude = z.number().min(-180).max(180)
/** GeoJSON's order: [longitude, latitude]. */
const position = z.tuple([longitude, latitude])

/** A closed ring of at least four positions (the last repeats the first), at most 2,000 (a surveyed boundary). */
const ring = z
  .array(position)
  .min(4)
  .max(2_000)
  .refine((r) => {
    const [a, b] = [r[0], r[r.length - 1]]
    return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1]
  }, 'a ring ends where it starts (GeoJSON)')

/** The station's area as GeoJSON: a Polygon (outer ring, then holes) or a MultiPolygon. */
export const jurisdictionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(20) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1).max(20)).min(1).max(50) }),
])

export const neighbourSchema = z.object({
  nameTh: text(200),
  nameEn: text(200),
  phone,
  latitude,
  longitude,
  /** Its area when known: the answer then names the station whose area holds the pin, not just the nearest. */
  area: jurisdictionSchema.nullable().default(null),
})

/**
 * Where the station patrols (a house outside gets the right station's contact instead) and its neighbours: what an
 * admin replaces, all of it, with a PUT; the same shape is read back.
 */
export const houseWatchAreaSchema = z.object({
  jurisdiction: jurisdictionSchema.nullable(),
  neighbours: z.array(neighbourSchema).max(30),
})
export type HouseWatchArea = z.infer<typeof houseWatchAreaSchema>

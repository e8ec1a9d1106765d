import { z } from 'zod'
import { GPS_CHECKS, PATROL_POINT_KINDS, VISIT_RESULTS } from '../../contracts/house-watch.js'
import { COVERAGE_STATUSES } from '../../contracts/patrol.js'

// Response schemas of the patrol routes (types in bot/contracts/patrol.ts); they also stop fields from leaking.
const shiftSchema = z.object({
  key: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  date: z.iso.date(),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
})
const shiftsSchema = z.array(z.object({ key: z.string(), nameTh: z.string(), nameEn: z.string(), start: z.string() }))
const latLng = z.object({ lat: z.number(), lng: z.number() })

export const visitSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  officerName: z.string().describe('rank and name'),
  gpsCheck: z.enum(GPS_CHECKS),
  distanceMeters: z.number().nullable(),
  accuracyMeters: z.number().nullable(),
  result: z.enum(VISIT_RESULTS),
})

const pointBase = {
  id: z.string(),
  kind: z.enum(PATROL_POINT_KINDS),
  code: z.string(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  address: z.string().nullable().describe('houses: number, หมู่, village, ซอย, road, ตำบล; no owner, no phone'),
  lat: z.number(),
  lng: z.number(),
}

export const patrolTodaySchema = z.object({
  date: z.iso.date(),
  shift: shiftSchema,
  shifts: shiftsSchema,
  start: latLng.nullable().describe("the station's location, where the route starts; null when not set"),
  stops: z.array(
    z.object({
      ...pointBase,
      order: z.number().int(),
      notes: z.string().nullable().describe("the owner's notes for patrols (pets, lights, key holder)"),
      watchEndsOn: z.iso.date().nullable(),
      legMeters: z.number(),
      fromStationMeters: z.number(),
      visits: z.array(visitSchema).describe('visits in the current shift'),
      lastVisit: visitSchema.nullable(),
    }),
  ),
  totalMeters: z.number(),
})

export const coverageSchema = z.object({
  shift: shiftSchema,
  shifts: shiftsSchema,
  start: latLng.nullable(),
  points: z.array(
    z.object({ ...pointBase, status: z.enum(COVERAGE_STATUSES), flagged: z.boolean(), visits: z.array(visitSchema) }),
  ),
  totals: z.object({
    points: z.number().int(),
    visited: z.number().int(),
    missed: z.number().int(),
    due: z.number().int(),
    flagged: z.number().int(),
    visits: z.number().int(),
  }),
})

export const coverageQuerySchema = z.object({
  date: z.iso.date().optional().describe('the Bangkok date the shift started on; default: the current shift'),
  shift: z
    .string()
    .regex(/^[a-z0-9_-]{1,32}$/)
    .optional()
    .describe("a key of the station's shifts"),
})

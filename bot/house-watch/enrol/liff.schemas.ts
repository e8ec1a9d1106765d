import { z } from 'zod'
import { HOUSE_WATCH_NOTIFY } from '../../contracts/house-watch.js'

/**
 * The body of POST /api/liff/house-watch. Wrong types do not fail here: each field falls back to "empty", so the one
 * check (bot/contracts/house-watch-enrol.ts, shared with the form) names every problem by field, in one answer.
 */
const text = z.string().max(5_000).catch('')
const addressKeys = ['houseNo', 'moo', 'village', 'soi', 'road', 'subdistrict', 'district', 'province', 'postcode']

export const enrolBodySchema = z.object({
  /** Or the `Idempotency-Key` header: the same key twice files one request. */
  idempotencyKey: z.string().min(8).max(100).optional().catch(undefined),
  ownerName: text,
  phone: text,
  address: z
    .record(z.string(), z.unknown())
    .catch({})
    .transform((a) => Object.fromEntries(addressKeys.map((k) => [k, typeof a[k] === 'string' ? a[k] : '']))),
  location: z
    .object({ lat: z.number(), lng: z.number(), source: z.string().catch('') })
    .nullish()
    .catch({ lat: Number.NaN, lng: Number.NaN, source: '' })
    .transform((l) => l ?? null),
  startsOn: text.describe('Bangkok date YYYY-MM-DD'),
  endsOn: text.describe('Bangkok date YYYY-MM-DD, on or after startsOn'),
  emergencyName: text,
  emergencyPhone: text,
  notes: text,
  notify: z.string().catch('').describe(HOUSE_WATCH_NOTIFY.join(' | ')),
  consent: z.boolean().catch(false),
  consentVersion: text,
  /** The optional house photo, base64 (the form shrinks it to at most 3 MB). */
  photo: z
    .object({ contentType: z.string().max(100), data: z.string().max(5_000_000) })
    .nullish()
    .transform((p) => p ?? null),
})
export type EnrolBody = z.infer<typeof enrolBodySchema>

const stationRef = z.object({ nameTh: z.string(), nameEn: z.string(), phone: z.string() })

export const enrolResponseSchema = z.object({
  outcome: z.enum(['created', 'extended', 'repeat']),
  caseId: z.uuid(),
  referenceNumber: z.string(),
  status: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  approved: z.boolean(),
  ownerPageUrl: z.string(),
})

export const formResponseSchema = z.object({
  station: stationRef,
  maxDays: z.number().int(),
  approval: z.enum(['auto', 'duty_officer']),
  today: z.string().describe('Bangkok date YYYY-MM-DD'),
  consentVersion: z.string(),
  consentTh: z.string(),
  consentEn: z.string(),
  /** Where the map opens: the station, or the middle of its area. */
  center: z.object({ lat: z.number(), lng: z.number() }),
  /** The station's area (GeoJSON Polygon or MultiPolygon), outlined on the map; null when none is on file. */
  jurisdiction: z
    .object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.array(z.unknown())) })
    .nullable(),
  prefill: z.object({ ownerName: z.string(), phone: z.string() }),
})

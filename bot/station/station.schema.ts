import { z } from 'zod'
import type { Station } from '../../db/schema/index.js'

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{1,18}[0-9]$/, 'a phone number such as 038-611-111 or 191')
const text = (max: number) => z.string().trim().min(1).max(max)

const phoneEntry = z.object({ labelTh: text(100), labelEn: text(100), number: phone })
const landmark = z.object({
  nameTh: text(200),
  nameEn: text(200),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
})

export const stationInfoSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  addressTh: z.string(),
  addressEn: z.string(),
  phone: z.string(),
  phones: z.array(z.object({ labelTh: z.string(), labelEn: z.string(), number: z.string() })),
  hoursTh: z.string(),
  hoursEn: z.string(),
  /** One service per line. */
  servicesTh: z.string(),
  servicesEn: z.string(),
  landmarks: z.array(z.object({ nameTh: z.string(), nameEn: z.string(), latitude: z.number(), longitude: z.number() })),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  /** The LINE group bound for alerts (PUT /api/admin/groups/:groupId/binding changes it). */
  lineGroupId: z.string().nullable(),
  /** Days an ended case keeps its personal data before the retention job removes it (PDPA s.37(3)). */
  personalDataRetentionDays: z.number().int(),
  /** Minutes officers have to take an SOS case: its due time; unclaimed, it stays pinned at the top of the inbox. */
  sosDueMinutes: z.number().int(),
})
export type StationInfo = z.infer<typeof stationInfoSchema>

/** What an admin may change; every field optional (send what changed). Code and group binding are not here. */
export const stationPatchSchema = z
  .object({
    nameTh: text(200),
    nameEn: text(200),
    addressTh: text(500),
    addressEn: text(500),
    phone,
    phones: z.array(phoneEntry).max(20),
    hoursTh: text(500),
    hoursEn: text(500),
    servicesTh: z.string().trim().max(2000),
    servicesEn: z.string().trim().max(2000),
    landmarks: z.array(landmark).max(50),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
    personalDataRetentionDays: z.number().int().min(30).max(3650),
    sosDueMinutes: z.number().int().min(1).max(120),
  })
  .partial()
  .strict()
  .refine((p) => (p.latitude === undefined) === (p.longitude === undefined), {
    message: 'send latitude and longitude together',
    path: ['longitude'],
  })
  .refine((p) => (p.latitude === null) === (p.longitude === null), {
    message: 'latitude and longitude are both set or both null',
    path: ['longitude'],
  })
export type StationPatch = z.infer<typeof stationPatchSchema>

function toNumber(v: string | null): number | null {
  const n = v === null ? Number.NaN : Number(v)
  return Number.isFinite(n) ? n : null
}

export function toStationInfo(s: Station): StationInfo {
  return {
    id: s.id,
    code: s.code,
    nameTh: s.nameTh,
    nameEn: s.nameEn,
    addressTh: s.addressTh,
    addressEn: s.addressEn,
    phone: s.phone,
    phones: s.phones,
    hoursTh: s.hoursTh,
    hoursEn: s.hoursEn,
    servicesTh: s.servicesTh,
    servicesEn: s.servicesEn,
    landmarks: s.landmarks,
    latitude: toNumber(s.latitude),
    longitude: toNumber(s.longitude),
    lineGroupId: s.lineGroupId,
    personalDataRetentionDays: s.personalDataRetentionDays,
    sosDueMinutes: s.sosDueMinutes,
  }
}

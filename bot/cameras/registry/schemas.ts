import { z } from 'zod'
import {
  CAMERA_CONTACT_PREFERENCES,
  CAMERA_OWNER_TYPES,
  CAMERA_STATUSES,
  CAMERA_VERIFICATION,
} from '../../contracts/cameras.js'

export const cameraViewSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  ownerType: z.enum(CAMERA_OWNER_TYPES),
  ownerName: z.string().nullable(),
  fromLine: z.boolean(),
  hasPhone: z.boolean(),
  contactPreference: z.enum(CAMERA_CONTACT_PREFERENCES).nullable(),
  latitude: z.number(),
  longitude: z.number(),
  directionDeg: z.number().int().nullable(),
  fieldOfViewDeg: z.number().int().nullable(),
  rangeMeters: z.number().int().nullable(),
  covers: z.string().nullable(),
  retentionDays: z.number().int().nullable(),
  liveView: z.boolean(),
  status: z.enum(CAMERA_STATUSES),
  verification: z.enum(CAMERA_VERIFICATION),
  verifiedAt: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})

const text = (max: number) => z.string().trim().max(max)
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null))

/** What an officer sets on a camera: create sends all the required ones, edit any subset. */
export const cameraFieldsSchema = z.object({
  code: text(40).regex(/^[\p{L}\p{N}._/-]+$/u, 'letters, digits, . _ / - only'),
  name: text(200).min(1),
  ownerType: z.enum(CAMERA_OWNER_TYPES),
  ownerName: optText(200).default(null),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  directionDeg: z.number().int().min(0).max(359).nullable().default(null),
  fieldOfViewDeg: z.number().int().min(1).max(360).nullable().default(null),
  rangeMeters: z.number().int().min(1).max(2000).nullable().default(null),
  covers: optText(500).default(null),
  retentionDays: z.number().int().min(0).max(3650).nullable().default(null),
  liveView: z.boolean().default(false),
  status: z.enum(CAMERA_STATUSES).default('active'),
  contactPreference: z.enum(CAMERA_CONTACT_PREFERENCES).nullable().default(null),
  note: optText(1000).default(null),
})

export const cameraPatchSchema = z
  .object({
    code: cameraFieldsSchema.shape.code,
    name: cameraFieldsSchema.shape.name,
    ownerType: cameraFieldsSchema.shape.ownerType,
    ownerName: optText(200),
    latitude: cameraFieldsSchema.shape.latitude,
    longitude: cameraFieldsSchema.shape.longitude,
    directionDeg: z.number().int().min(0).max(359).nullable(),
    fieldOfViewDeg: z.number().int().min(1).max(360).nullable(),
    rangeMeters: z.number().int().min(1).max(2000).nullable(),
    covers: optText(500),
    retentionDays: z.number().int().min(0).max(3650).nullable(),
    liveView: z.boolean(),
    status: z.enum(CAMERA_STATUSES),
    contactPreference: z.enum(CAMERA_CONTACT_PREFERENCES).nullable(),
    note: optText(1000),
  })
  .partial()

export const cameraListQuerySchema = z.object({
  ownerType: z.enum(CAMERA_OWNER_TYPES).optional(),
  status: z.enum(CAMERA_STATUSES).optional(),
  verification: z.enum(CAMERA_VERIFICATION).optional(),
  q: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
})

const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [K in T[number]]: z.ZodNumber })

export const cameraStatsSchema = z.object({
  total: z.number().int(),
  byOwnerType: counts(CAMERA_OWNER_TYPES),
  byStatus: counts(CAMERA_STATUSES),
  pending: z.number().int(),
})

export const importBodySchema = z.object({
  /** The file's text (UTF-8; a BOM is fine). */
  csv: z.string().min(1).max(900_000),
  mode: z.enum(['all', 'good_rows']).default('all'),
})

export const importResultSchema = z.object({
  mode: z.enum(['all', 'good_rows']),
  saved: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  problems: z.array(
    z.object({ line: z.number().int(), code: z.string().nullable(), reason: z.string(), reasonTh: z.string() }),
  ),
})

export const verifyBodySchema = z.object({
  decision: z.enum(['verify', 'reject']),
  note: optText(500).default(null),
})

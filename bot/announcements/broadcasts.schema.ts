import { z } from 'zod'
import {
  ANNOUNCEMENT_TOPICS,
  type AUDIENCE_TYPES,
  BROADCAST_STATUSES,
  PARTIAL_SEND_ORDERS,
} from '../contracts/announcements.js'
import { errorSchema } from '../http/api-docs.js'

const language = z.enum(['th', 'en'])
const names = z.array(z.string().trim().min(1).max(200)).max(200)
/** A ring of [lng, lat] positions (GeoJSON): closed, at least 4. */
const ring = z
  .array(z.array(z.number().min(-180).max(180)).min(2).max(3))
  .min(4)
  .max(2_000)

export const audienceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('followers'), language: language.optional() }),
  z.object({ type: z.literal('all_friends') }),
  z.object({
    type: z.literal('households'),
    language: language.optional(),
    municipalities: names.optional(),
    subdistricts: names.optional(),
    sois: names.optional(),
    area: z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1).max(20) }).optional(),
  }),
  z.object({ type: z.literal('house_watch_owners'), language: language.optional() }),
  z.object({ type: z.literal('list'), listId: z.uuid(), language: language.optional() }),
])
// Every audience type of the contract has its schema.
const _types: readonly (typeof AUDIENCE_TYPES)[number][] = audienceSchema.options.map((o) => o.shape.type.value)

/** LINE message objects (checked against LINE's limits by bot/announcements/messages.ts), or one list per language. */
export const messagesInputSchema = z.union([
  z.array(z.unknown()),
  z.object({ th: z.array(z.unknown()), en: z.array(z.unknown()).optional() }),
])

export const partialSchema = z.object({
  limit: z.number().int().min(1),
  order: z.enum(PARTIAL_SEND_ORDERS),
})

export const broadcastInputSchema = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  topic: z.enum(ANNOUNCEMENT_TOPICS).optional(),
  audience: audienceSchema,
  messages: messagesInputSchema,
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
})
export const broadcastPatchSchema = broadcastInputSchema.partial()

const who = z.object({ id: z.string(), name: z.string() }).nullable()

export const broadcastViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.enum(ANNOUNCEMENT_TOPICS),
  status: z.enum(BROADCAST_STATUSES),
  audience: audienceSchema,
  messages: z.object({ th: z.array(z.unknown()), en: z.array(z.unknown()).optional() }),
  scheduledAt: z.string().nullable(),
  recipients: z.number(),
  sent: z.number(),
  failed: z.number(),
  remaining: z.number(),
  partial: partialSchema.nullable(),
  aggregationUnit: z.string(),
  lineStats: z.unknown().nullable(),
  createdBy: who,
  approvedBy: who,
  approvedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
})

export const broadcastRequestViewSchema = z.object({
  id: z.string(),
  language: language,
  method: z.enum(['multicast', 'broadcast']),
  recipients: z.number(),
  status: z.enum(['pending', 'delivered', 'failed', 'cancelled']),
  attempts: z.number(),
  lineRequestId: z.string().nullable(),
  error: z.string().nullable(),
  deliveredAt: z.string().nullable(),
})

export const audienceEstimateSchema = z.object({
  recipients: z.number(),
  byLanguage: z.object({ th: z.number(), en: z.number() }),
  excluded: z.object({ optedOut: z.number(), blocked: z.number() }),
  quota: z.object({ limit: z.number().nullable(), used: z.number(), remaining: z.number().nullable() }),
  budget: z.object({ limit: z.number(), used: z.number(), remaining: z.number() }).nullable(),
  fits: z.boolean(),
  estimated: z.boolean(),
})

/** 409 quota_exceeded: the estimate beside the error (also in error.details.estimate). */
export const quotaExceededSchema = errorSchema.extend({ estimate: audienceEstimateSchema.optional() })

export const settingsSchema = z.object({
  requireApproval: z.boolean(),
  monthlyBudget: z.number().int().min(0).nullable(),
})

export const audienceListInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  citizenIds: z.array(z.uuid()).max(100_000),
})
export const audienceListSchema = z.object({
  id: z.string(),
  name: z.string(),
  citizenIds: z.array(z.string()),
  size: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
void _types

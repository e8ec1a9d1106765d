import { z } from 'zod'
import { OFFICER_ROLES, type Officer } from '../../db/schema/index.js'

export const roleSchema = z.enum(OFFICER_ROLES)

export const officerSchema = z.object({
  id: z.uuid(),
  stationId: z.uuid(),
  lineUserId: z.string(),
  displayName: z.string(),
  fullName: z.string().nullable(),
  role: roleSchema,
  active: z.boolean(),
  createdAt: z.iso.datetime(),
})
export type OfficerDto = z.infer<typeof officerSchema>

export function toOfficerDto(o: Officer): OfficerDto {
  return {
    id: o.id,
    stationId: o.stationId,
    lineUserId: o.lineUserId,
    displayName: o.displayName,
    fullName: o.fullName,
    role: o.role,
    active: o.active,
    createdAt: o.createdAt.toISOString(),
  }
}

export const accessRequestSchema = z.object({
  id: z.uuid(),
  stationId: z.uuid(),
  lineUserId: z.string(),
  displayName: z.string(),
  note: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'declined']),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
})
export type AccessRequestDto = z.infer<typeof accessRequestSchema>

export const idParamsSchema = z.object({ id: z.uuid() })

export const accessRequestBodySchema = z.object({
  note: z.string().trim().max(500).optional(),
  /** The station to join; the first station (RYG) when left out. */
  stationCode: z
    .string()
    .regex(/^[A-Z0-9]{2,10}$/)
    .optional(),
})

export const accessRequestListQuerySchema = z.object({
  status: z.enum(['pending', 'approved', 'declined']).optional(),
})

export const decisionBodySchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal('approve'),
    role: roleSchema,
    fullName: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({ decision: z.literal('decline') }),
])

export const officerPatchSchema = z
  .object({
    role: roleSchema.optional(),
    active: z.boolean().optional(),
    fullName: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give at least one of role, active, fullName')

export function toAccessRequestDto(r: {
  id: string
  stationId: string
  lineUserId: string
  displayName: string
  note: string | null
  status: 'pending' | 'approved' | 'declined'
  decidedBy: string | null
  decidedAt: Date | null
  createdAt: Date
}): AccessRequestDto {
  return { ...r, decidedAt: r.decidedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() }
}

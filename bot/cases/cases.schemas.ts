import { z } from 'zod'
import { CASE_EVENT_TYPES, CASE_KINDS, CASE_PRIORITIES, LANGUAGES } from '../../db/schema/index.js'
import { ALL_STATUSES } from './statuses.js'

const statusSchema = z.enum(ALL_STATUSES as [string, ...string[]])
const isoTime = z.iso.datetime()

/** A Bangkok calendar day (YYYY-MM-DD) or an instant with its offset. */
export const rangeBoundSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })])

/**
 * The start of a range: a day starts at Bangkok midnight. The end: a day is included whole (up to the next Bangkok
 * midnight), an instant is exclusive.
 */
export function rangeStart(v: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00+07:00`) : new Date(v)
}
export function rangeEnd(v: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    return new Date(new Date(`${v}T00:00:00+07:00`).getTime() + 86_400_000)
  }
  return new Date(v)
}

export const caseListQuerySchema = z.object({
  kind: z.enum(CASE_KINDS).optional(),
  status: statusSchema.optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  overdue: z.enum(['true', 'false', '1', '0']).optional(),
  from: rangeBoundSchema.optional(),
  to: rangeBoundSchema.optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

const officerRefSchema = z.object({ id: z.uuid(), displayName: z.string() })

export const caseListItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(CASE_KINDS),
  referenceNumber: z.string(),
  status: z.string(),
  priority: z.enum(CASE_PRIORITIES),
  summary: z.string(),
  citizenName: z.string().nullable().describe('masked, e.g. ส***ย'),
  assignee: officerRefSchema.nullable(),
  dueAt: isoTime.nullable(),
  overdue: z.boolean(),
  pinned: z.boolean().describe('an SOS case nobody has taken yet: listed first until claimed'),
  createdAt: isoTime,
  updatedAt: isoTime,
})

/** The station's unclaimed SOS cases (the admin page's alarm and title badge). */
export const waitingSosSchema = z.object({ items: z.array(caseListItemSchema) })

export const caseListSchema = z.object({
  items: z.array(caseListItemSchema),
  nextCursor: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  /** A count equal to this means "this many or more". */
  countCap: z.number().int(),
})

const bilingual = z.object({ th: z.string(), en: z.string() })

export const caseDetailSchema = caseListItemSchema.extend({
  firstResponseAt: isoTime.nullable(),
  resolvedAt: isoTime.nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  citizen: z
    .object({
      id: z.uuid(),
      displayName: z.string().nullable().describe('masked'),
      language: z.enum(LANGUAGES),
      followState: z.enum(['following', 'blocked']),
    })
    .nullable(),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      contentType: z.string(),
      fileName: z.string().nullable(),
      size: z.number().int(),
      createdAt: isoTime,
    }),
  ),
  revealable: z.array(z.string()).describe('fields POST /reveal can return for this case'),
  sections: z
    .array(
      z.object({
        id: z.string(),
        title: bilingual,
        facts: z.array(
          z.object({
            label: bilingual,
            value: bilingual.nullable().describe('the value, or its mask when `field` is set'),
            field: z.string().optional().describe('masked: POST /reveal with this field'),
          }),
        ),
      }),
    )
    .describe('what the citizen gave, per kind (a lost-document report), personal values masked'),
  links: z
    .array(z.object({ id: z.string(), label: bilingual, href: z.string() }))
    .describe("the case's documents, e.g. the issued record's PDF (relative links)"),
})

export const caseEventSchema = z.object({
  id: z.number().int(),
  type: z.enum(CASE_EVENT_TYPES),
  actorType: z.enum(['citizen', 'officer', 'system']),
  officer: officerRefSchema.nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  body: z
    .union([
      z.string(),
      z.object({ masked: z.literal(true), field: z.string() }).describe('encrypted: POST /reveal with this field'),
    ])
    .nullable()
    .describe('as written; render as text'),
  internal: z.boolean(),
  data: z.record(z.string(), z.unknown()).nullable(),
  createdAt: isoTime,
})

export const caseIdParamsSchema = z.object({ id: z.string().max(64) })

export const caseViewSchema = z.object({
  case: caseDetailSchema,
  events: z.array(caseEventSchema),
  allowedStatuses: z.array(z.string()),
})

export const caseChangeSchema = z.object({ case: caseDetailSchema, event: caseEventSchema })

export const revealBodySchema = z.strictObject({
  field: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  reason: z.string().trim().min(3).max(500),
})

export const assignBodySchema = z.strictObject({
  officerId: z.union([z.literal('me'), z.uuid(), z.null()]),
  /** A transfer's note for the new assignee: on the assignment's timeline entry, internal. */
  note: z.string().trim().min(1).max(500).optional(),
})

export const statusBodySchema = z.strictObject({
  status: statusSchema,
  message: z.string().trim().min(1).max(2000).optional(),
})

/** LINE takes 5,000 characters per text message. */
export const textBodySchema = z.strictObject({ body: z.string().trim().min(1).max(5000) })

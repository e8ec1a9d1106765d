import { z } from 'zod'
import { CONSULTATION_TOPICS, type OfficeHours } from '../../contracts/consultations.js'

/** "HH:MM", 00:00–23:59; an opening may end at 24:00 (open until midnight). */
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/
const clock = z.string().regex(HHMM, 'a time as HH:MM (00:00–23:59)')
const endClock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'a time as HH:MM (00:00–24:00)')

const period = z
  .strictObject({ from: clock, to: endClock })
  .refine((p) => p.from < p.to, { message: 'from must be before to', path: ['to'] })

/** One weekday's openings: at most four, in any order, none overlapping another (touching is fine). */
const day = z
  .array(period)
  .max(4)
  .refine(
    (ps) => {
      const sorted = [...ps].sort((a, b) => a.from.localeCompare(b.from))
      return sorted.every((p, i) => i === 0 || (sorted[i - 1]?.to ?? '') <= p.from)
    },
    { message: 'opening periods of a day overlap' },
  )

export const officeHoursSchema = z
  .strictObject({ '0': day, '1': day, '2': day, '3': day, '4': day, '5': day, '6': day })
  .partial()
  .transform((hours): OfficeHours => {
    // Stored sorted: the calendar and the officers' form read the periods in order.
    const out: OfficeHours = {}
    for (const [d, ps] of Object.entries(hours) as [keyof OfficeHours, { from: string; to: string }[]][]) {
      out[d] = [...ps].sort((a, b) => a.from.localeCompare(b.from))
    }
    return out
  })

const name = z.string().trim().min(1).max(200)
export const holidaySchema = z.strictObject({
  // z.iso.date() refuses impossible days (2026-02-30, 2027-02-29).
  date: z.iso.date(),
  nameTh: name,
  nameEn: name,
})

/** Up to a week of office time (5 days × 8 h) and at least five minutes: a typo (0, 99999) is refused. */
export const SLA_MINUTES = { min: 5, max: 2400 } as const
const sla = z.number().int().min(SLA_MINUTES.min).max(SLA_MINUTES.max)

export const topicSettingSchema = z.strictObject({
  topic: z.enum(CONSULTATION_TOPICS),
  active: z.boolean(),
  position: z.number().int().min(0).max(1000),
  firstResponseMinutes: sla,
  nextResponseMinutes: sla,
})

const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const

export const settingsSchema = z.object({
  officeHours: z.partialRecord(z.enum(WEEKDAYS), z.array(z.object({ from: z.string(), to: z.string() }))),
  holidays: z.array(z.object({ date: z.string(), nameTh: z.string(), nameEn: z.string() })),
  topics: z.array(
    z.object({
      topic: z.enum(CONSULTATION_TOPICS),
      active: z.boolean(),
      position: z.number().int(),
      firstResponseMinutes: z.number().int(),
      nextResponseMinutes: z.number().int(),
    }),
  ),
})

/**
 * PUT /api/admin/consultations/settings: any of the three parts. `holidays` replaces the station's whole list (the
 * admin edits it yearly; GET gives it all back); `topics` sets the topics it names, the others keep theirs.
 */
export const settingsPutSchema = z
  .strictObject({
    officeHours: officeHoursSchema,
    holidays: z
      .array(holidaySchema)
      .max(400)
      .refine((hs) => new Set(hs.map((h) => h.date)).size === hs.length, { message: 'a date appears twice' }),
    topics: z
      .array(topicSettingSchema)
      .max(CONSULTATION_TOPICS.length)
      .refine((ts) => new Set(ts.map((t) => t.topic)).size === ts.length, { message: 'a topic appears twice' }),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' })
export type SettingsPut = z.infer<typeof settingsPutSchema>

const title = z.string().trim().min(1).max(100)
/** Short: the bot sends it in the chat before handing over (LINE allows 5,000 characters per text). */
const body = z.string().trim().min(1).max(1500)

export const answerSchema = z.object({
  id: z.uuid(),
  topic: z.enum(CONSULTATION_TOPICS),
  titleTh: z.string(),
  titleEn: z.string(),
  bodyTh: z.string(),
  bodyEn: z.string(),
  position: z.number().int(),
  active: z.boolean(),
})

export const answerCreateSchema = z.strictObject({
  topic: z.enum(CONSULTATION_TOPICS),
  titleTh: title,
  titleEn: title,
  bodyTh: body,
  bodyEn: body,
  /** Default: after the topic's last answer. */
  position: z.number().int().min(0).max(1000).optional(),
  active: z.boolean().optional(),
})
export type AnswerCreate = z.infer<typeof answerCreateSchema>

export const answerPatchSchema = answerCreateSchema
  .extend({ position: z.number().int().min(0).max(1000) })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' })
export type AnswerPatch = z.infer<typeof answerPatchSchema>

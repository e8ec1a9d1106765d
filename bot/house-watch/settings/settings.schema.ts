import { z } from 'zod'
import { HOUSE_WATCH_APPROVAL } from '../../contracts/house-watch.js'

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/

const shiftSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,31}$/, 'a shift key is lower-case letters, digits and _ (e.g. "morning")'),
  nameTh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(40),
  start: z.string().regex(HHMM, 'a start time is HH:MM, 00:00–23:59'),
})

/** What an admin sets (PUT replaces all of it); the same shape is read back. */
export const houseWatchSettingsSchema = z
  .object({
    approval: z.enum(HOUSE_WATCH_APPROVAL),
    maxDays: z.number().int().min(1).max(90),
    gpsToleranceMeters: z.number().int().min(10).max(2_000),
    purgeAfterDays: z.number().int().min(1).max(365),
    digestHour: z.number().int().min(0).max(23),
    shifts: z.array(shiftSchema).min(1).max(6),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>()
    const starts = new Set<string>()
    s.shifts.forEach((shift, i) => {
      if (seen.has(shift.key)) {
        ctx.addIssue({ code: 'custom', path: ['shifts', i, 'key'], message: `shift key "${shift.key}" is used twice` })
      }
      if (starts.has(shift.start)) {
        ctx.addIssue({ code: 'custom', path: ['shifts', i, 'start'], message: `two shifts start at ${shift.start}` })
      }
      seen.add(shift.key)
      starts.add(shift.start)
    })
  })
export type HouseWatchSettingsBody = z.infer<typeof houseWatchSettingsSchema>

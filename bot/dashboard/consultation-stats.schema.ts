import { z } from 'zod'
import { CONSULTATION_TOPICS } from '../contracts/consultations.js'

/** A median in office minutes (the station's hours and holidays, as the SLA counts); null when nothing to measure. */
const officeMinutes = z.number().nullable().describe('median, office minutes')

/** The consultation block of GET /api/admin/dashboard (`ConsultationStats` in bot/contracts/consultations.ts). */
export const consultationStatsSchema = z.object({
  perTopic: z.array(
    z.object({
      topic: z.enum(CONSULTATION_TOPICS),
      opened: z.number().int(),
      medianFirstResponseOfficeMinutes: officeMinutes,
      medianNextResponseOfficeMinutes: officeMinutes,
      ratings: z.number().int(),
      averageRating: z.number().nullable(),
    }),
  ),
  perOfficer: z
    .array(
      z.object({
        officerId: z.string(),
        displayName: z.string(),
        answered: z.number().int(),
        medianFirstResponseOfficeMinutes: officeMinutes,
        medianNextResponseOfficeMinutes: officeMinutes,
        averageRating: z.number().nullable(),
      }),
    )
    .describe("officers see their own line; admins and supervisors (dashboard.all_officers) every officer's"),
  commonAnswers: z.array(
    z.object({
      answerId: z.string(),
      topic: z.enum(CONSULTATION_TOPICS),
      titleTh: z.string(),
      shown: z.number().int(),
      sufficed: z.number().int(),
    }),
  ),
  pushesPerMonth: z
    .array(z.object({ month: z.string(), kind: z.string(), pushes: z.number().int(), replies: z.number().int() }))
    .describe(
      'messages per Bangkok month (YYYY-MM) and kind, from line_message_counts: pushes (push and multicast, one per recipient per request: they count against the LINE quota) and replies (free)',
    ),
})

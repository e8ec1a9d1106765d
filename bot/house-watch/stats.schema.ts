import { z } from 'zod'
import { VISIT_RESULTS } from '../contracts/house-watch.js'

/** The house-watch block of GET /api/admin/dashboard (`HouseWatchStats` in bot/contracts/patrol.ts). */
export const houseWatchStatsSchema = z.object({
  activeWatches: z.number().int().describe('approved watches whose period covers today (Bangkok)'),
  activeRedBoxes: z.number().int(),
  perShift: z
    .array(
      z.object({
        date: z.iso.date(),
        shiftKey: z.string(),
        due: z.number().int(),
        visited: z.number().int(),
        missed: z.number().int(),
        visits: z.number().int(),
      }),
    )
    .describe('each shift of the last 7 days that has started (a running shift has missed nothing yet)'),
  flaggedVisits: z.number().int().describe('visits in the range farther from the point than the station allows'),
  findings: z.array(z.object({ result: z.enum(VISIT_RESULTS), count: z.number().int() })),
})

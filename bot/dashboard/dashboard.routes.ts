import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { rangeBoundSchema, rangeEnd, rangeStart } from '../cases/cases.schemas.js'
import { BadRequestError } from '../errors.js'
import { houseWatchStatsSchema } from '../house-watch/stats.schema.js'
import { adminErrors } from '../http/api-docs.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { can, officerOf, requirePermission } from '../officers/permissions.js'
import { consultationStatsSchema } from './consultation-stats.schema.js'
import { type DashboardService, lastBangkokDays } from './dashboard.service.js'

export const dashboardSchema = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  perDay: z.array(z.object({ date: z.iso.date(), kind: z.string(), count: z.number().int() })),
  openByStatus: z.record(z.string(), z.number().int()),
  medianFirstResponseMinutes: z.number().nullable(),
  medianResolutionMinutes: z.number().nullable(),
  slaBreaches: z.number().int(),
  quota: z
    .object({ limit: z.number().int().nullable(), used: z.number().int(), remaining: z.number().int().nullable() })
    .nullable()
    .describe("this month's LINE message quota (limit null = unlimited); null when LINE could not be asked"),
  consultations: consultationStatsSchema,
  houseWatch: houseWatchStatsSchema,
})

const MAX_RANGE_DAYS = 366

/** GET /api/admin/dashboard?from&to (Bangkok days or instants; default: the last 30 days). */
export const dashboardRoutes: FastifyPluginAsyncZod<{ dashboard: DashboardService; now?: () => Date }> = async (
  app,
  opts,
) => {
  const now = opts.now ?? (() => new Date())
  app.get(
    '/api/admin/dashboard',
    {
      onRequest: requirePermission('dashboard.read'),
      schema: {
        tags: ['admin-dashboard'],
        security: SESSION_SECURITY,
        summary:
          'Cases per day and kind, open by status, median response and resolution times, SLA breaches, quota, consultations',
        querystring: z.object({ from: rangeBoundSchema.optional(), to: rangeBoundSchema.optional() }),
        response: { 200: dashboardSchema, ...adminErrors },
      },
    },
    async (req) => {
      const fallback = lastBangkokDays(30, now())
      const to = req.query.to ? rangeEnd(req.query.to) : fallback.to
      const from = req.query.from ? rangeStart(req.query.from) : new Date(to.getTime() - 30 * 86_400_000)
      if (from >= to || to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
        throw new BadRequestError(`from must be before to, at most ${MAX_RANGE_DAYS} days apart`, 'ช่วงวันที่ไม่ถูกต้อง')
      }
      const me = officerOf(req)
      // Officers see their own consultation figures; admins and supervisors every officer's.
      const officerId = can(me.role, 'dashboard.all_officers') ? null : me.officerId
      return opts.dashboard.figures(me.stationId, { from, to }, { officerId })
    },
  )
}

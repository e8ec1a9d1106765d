import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminErrors } from '../../http/api-docs.js'
import { actingOfficer } from '../../officers/acting.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { requirePermission } from '../../officers/permissions.js'
import { coverageCsv } from '../coverage/coverage.csv.js'
import type { CoverageService } from '../coverage/coverage.js'
import { coverageQuerySchema, coverageSchema, patrolTodaySchema } from './patrol.schema.js'
import type { PatrolTodayService } from './today.js'

const tags = ['admin-patrol']

/**
 * The patrols' side of house watch (issue #13), station-scoped by the session: today's round (patrol.read) and a
 * shift's coverage with its CSV (patrol.coverage).
 */
export const patrolRoutes: FastifyPluginAsyncZod<{ today: PatrolTodayService; coverage: CoverageService }> = async (
  app,
  { today, coverage },
) => {
  app.get(
    '/api/admin/patrol/today',
    {
      onRequest: requirePermission('patrol.read'),
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary: "Today's active houses and red boxes in route order from the station, with this shift's visits",
        response: { 200: patrolTodaySchema, ...adminErrors },
      },
    },
    async (req) => today.today(actingOfficer(req)),
  )

  app.get(
    '/api/admin/patrol/coverage',
    {
      onRequest: requirePermission('patrol.coverage'),
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary: 'One shift: every point due, visited or missed, with its visits (time, officer, GPS check, result)',
        querystring: coverageQuerySchema,
        response: { 200: coverageSchema, ...adminErrors },
      },
    },
    async (req) => coverage.report(actingOfficer(req), req.query),
  )

  app.get(
    '/api/admin/patrol/coverage.csv',
    {
      onRequest: requirePermission('patrol.coverage'),
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary: "The shift's coverage as CSV (UTF-8 with BOM, Thai headers, BE dates, Bangkok times); audited",
        querystring: coverageQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string(), ...adminErrors },
      },
    },
    async (req, reply) => {
      const report = await coverage.report(actingOfficer(req), req.query, 'patrol.coverage.export')
      const name = `patrol-coverage-${report.shift.date}-${report.shift.key}.csv`
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(coverageCsv(report))
    },
  )
}

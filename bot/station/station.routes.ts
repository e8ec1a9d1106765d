import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { adminErrors } from '../http/api-docs.js'
import { type Audit, auditFrom } from '../officers/audit-port.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { officerOf, requirePermission } from '../officers/permissions.js'
import { stationInfoSchema, stationPatchSchema } from './station.schema.js'
import type { StationInfoService } from './station.service.js'

export type StationRoutesOptions = { db: Db; stationInfo: StationInfoService; audit: Audit }

/** The officer's own station: every officer reads it (cases.read), admins edit it (station.edit). */
export const stationRoutes: FastifyPluginAsyncZod<StationRoutesOptions> = async (app, { db, stationInfo, audit }) => {
  const tags = ['admin-station']
  const response = { 200: z.object({ station: stationInfoSchema }), ...adminErrors }

  app.get(
    '/api/admin/station',
    {
      onRequest: requirePermission('cases.read'),
      schema: { tags, summary: "The officer's station (cases.read)", security: SESSION_SECURITY, response },
    },
    async (req) => {
      const me = officerOf(req)
      return { station: await db.transaction((tx) => stationInfo.get(tx, me.stationId)) }
    },
  )

  app.put(
    '/api/admin/station',
    {
      onRequest: requirePermission('station.edit'),
      schema: {
        tags,
        summary: 'Change address, phones, hours, services, landmarks, location (station.edit)',
        security: SESSION_SECURITY,
        body: stationPatchSchema,
        response,
      },
    },
    async (req) => {
      const me = officerOf(req)
      const { after } = await db.transaction(async (tx) => {
        const result = await stationInfo.update(tx, me.stationId, req.body)
        if (result.changed.length > 0) {
          const details: Record<string, { from: unknown; to: unknown }> = {}
          for (const k of result.changed) {
            details[k] = { from: result.before[k], to: result.after[k] }
          }
          await audit.record(tx, {
            ...auditFrom(req),
            action: 'station.update',
            entityType: 'station',
            entityId: me.stationId,
            details,
          })
        }
        return result
      })
      return { station: after }
    },
  )
}

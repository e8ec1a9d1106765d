import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../../db/client.js'
import { houseWatchSettings } from '../../../db/schema/index.js'
import { adminErrors } from '../../http/api-docs.js'
import { type Audit, auditFrom } from '../../officers/audit-port.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { officerOf, requirePermission } from '../../officers/permissions.js'
import { readHouseWatchSettings } from './read.js'
import { houseWatchSettingsSchema } from './settings.schema.js'

export type HouseWatchSettingsRoutesOptions = { db: Db; audit: Audit }

/**
 * The station's house-watch settings: approval (at once or by the duty officer), the longest watch, the GPS
 * distance a check-in may be from its point, how long personal data stays after a watch, the digest hour and the
 * patrol shifts. Every officer reads them (patrol.read: the patrol list uses the shifts); admins and supervisors
 * change them (house_watch.settings), audited with what changed.
 */
export const houseWatchSettingsRoutes: FastifyPluginAsyncZod<HouseWatchSettingsRoutesOptions> = async (
  app,
  { db, audit },
) => {
  const tags = ['admin-house-watch']
  const response = { 200: houseWatchSettingsSchema, ...adminErrors }

  app.get(
    '/api/admin/house-watch/settings',
    {
      onRequest: requirePermission('patrol.read'),
      schema: {
        tags,
        summary: "The station's house-watch settings (patrol.read)",
        security: SESSION_SECURITY,
        response,
      },
    },
    async (req) => readHouseWatchSettings(db, officerOf(req).stationId),
  )

  app.put(
    '/api/admin/house-watch/settings',
    {
      onRequest: requirePermission('house_watch.settings'),
      schema: {
        tags,
        summary: 'Set approval, longest watch, GPS distance, purge days, digest hour and shifts (house_watch.settings)',
        security: SESSION_SECURITY,
        body: houseWatchSettingsSchema,
        response,
      },
    },
    async (req) => {
      const me = officerOf(req)
      const next = req.body
      return db.transaction(async (tx) => {
        const before = await readHouseWatchSettings(tx, me.stationId)
        await tx
          .insert(houseWatchSettings)
          .values({ stationId: me.stationId, ...next, updatedBy: me.officerId, updatedAt: new Date() })
          .onConflictDoUpdate({
            target: houseWatchSettings.stationId,
            set: { ...next, updatedBy: me.officerId, updatedAt: new Date() },
          })
        const change = Object.fromEntries(
          (Object.keys(next) as (keyof typeof next)[])
            .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]))
            .map((k) => [k, { from: before[k], to: next[k] }]),
        )
        if (Object.keys(change).length > 0) {
          await audit.record(tx, {
            ...auditFrom(req),
            action: 'house_watch_settings.update',
            entityType: 'station',
            entityId: me.stationId,
            details: change,
          })
        }
        return readHouseWatchSettings(tx, me.stationId)
      })
    },
  )
}

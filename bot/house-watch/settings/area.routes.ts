import { asc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db, Tx } from '../../../db/client.js'
import { neighbourStations, stations } from '../../../db/schema/index.js'
import { adminErrors } from '../../http/api-docs.js'
import { type Audit, auditFrom } from '../../officers/audit-port.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { officerOf, requirePermission } from '../../officers/permissions.js'
import { type HouseWatchArea, houseWatchAreaSchema } from './area.schema.js'

async function readArea(db: Db | Tx, stationId: string): Promise<HouseWatchArea> {
  const [station] = await db
    .select({ jurisdiction: stations.jurisdiction })
    .from(stations)
    .where(eq(stations.id, stationId))
  const rows = await db
    .select()
    .from(neighbourStations)
    .where(eq(neighbourStations.stationId, stationId))
    .orderBy(asc(neighbourStations.nameEn))
  return houseWatchAreaSchema.parse({
    jurisdiction: station?.jurisdiction ?? null,
    neighbours: rows.map((n) => ({
      nameTh: n.nameTh,
      nameEn: n.nameEn,
      phone: n.phone,
      latitude: n.latitude,
      longitude: n.longitude,
      area: n.area ?? null,
    })),
  })
}

/**
 * The station's area (GeoJSON, seeded approximately: bot/house-watch/settings/seed-area.ts) and its neighbouring
 * stations with their phones, which the enrolment names for a house outside the area. Admins and supervisors read and
 * replace them (house_watch.settings); each change is audited with the counts, not the whole boundary.
 */
export const houseWatchAreaRoutes: FastifyPluginAsyncZod<{ db: Db; audit: Audit }> = async (app, { db, audit }) => {
  const tags = ['admin-house-watch']
  const response = { 200: houseWatchAreaSchema, ...adminErrors }

  app.get(
    '/api/admin/house-watch/area',
    {
      onRequest: requirePermission('house_watch.settings'),
      schema: {
        tags,
        summary: "The station's area and its neighbouring stations (house_watch.settings)",
        security: SESSION_SECURITY,
        response,
      },
    },
    async (req) => readArea(db, officerOf(req).stationId),
  )

  app.put(
    '/api/admin/house-watch/area',
    {
      onRequest: requirePermission('house_watch.settings'),
      schema: {
        tags,
        summary: "Replace the station's area and its neighbouring stations (house_watch.settings)",
        security: SESSION_SECURITY,
        body: houseWatchAreaSchema,
        response,
      },
    },
    async (req) => {
      const me = officerOf(req)
      const next = req.body
      return db.transaction(async (tx) => {
        const before = await readArea(tx, me.stationId)
        await tx.update(stations).set({ jurisdiction: next.jurisdiction }).where(eq(stations.id, me.stationId))
        await tx.delete(neighbourStations).where(eq(neighbourStations.stationId, me.stationId))
        if (next.neighbours.length > 0) {
          await tx.insert(neighbourStations).values(next.neighbours.map((n) => ({ ...n, stationId: me.stationId })))
        }
        await audit.record(tx, {
          ...auditFrom(req),
          action: 'house_watch_area.update',
          entityType: 'station',
          entityId: me.stationId,
          details: {
            areaChanged: JSON.stringify(before.jurisdiction) !== JSON.stringify(next.jurisdiction),
            neighbours: { from: before.neighbours.map((n) => n.nameEn), to: next.neighbours.map((n) => n.nameEn) },
          },
        })
        return readArea(tx, me.stationId)
      })
    },
  )
}

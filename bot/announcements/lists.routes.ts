import { and, desc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { type AudienceList, audienceLists } from '../../db/schema/index.js'
import { NotFoundError } from '../errors.js'
import { adminErrors } from '../http/api-docs.js'
import { type Audit, auditFrom } from '../officers/audit-port.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { officerOf, requirePermission } from '../officers/permissions.js'
import { audienceListInputSchema, audienceListSchema } from './broadcasts.schema.js'

const tags = ['admin-announcements']
const params = z.object({ id: z.uuid() })
const view = (l: AudienceList) => ({
  id: l.id,
  name: l.name,
  citizenIds: l.citizenIds,
  size: l.citizenIds.length,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
})

/** Saved custom audiences (a named list of citizens), the station's own; every change audited with the size only. */
export const audienceListRoutes: FastifyPluginAsyncZod<{ db: Db; audit: Audit }> = async (app, { db, audit }) => {
  const perm = requirePermission('broadcasts.send')
  const one = { 200: z.object({ list: audienceListSchema }), ...adminErrors }

  app.get(
    '/api/admin/audience-lists',
    {
      onRequest: perm,
      schema: {
        tags,
        summary: "The station's saved audience lists (broadcasts.send)",
        security: SESSION_SECURITY,
        response: { 200: z.object({ lists: z.array(audienceListSchema) }), ...adminErrors },
      },
    },
    async (req) => {
      const rows = await db
        .select()
        .from(audienceLists)
        .where(eq(audienceLists.stationId, officerOf(req).stationId))
        .orderBy(desc(audienceLists.updatedAt))
      return { lists: rows.map(view) }
    },
  )

  app.post(
    '/api/admin/audience-lists',
    {
      onRequest: perm,
      schema: {
        tags,
        summary: 'Save a custom audience list (broadcasts.send)',
        security: SESSION_SECURITY,
        body: audienceListInputSchema,
        response: one,
      },
    },
    async (req) => {
      const me = officerOf(req)
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(audienceLists)
          .values({
            stationId: me.stationId,
            name: req.body.name,
            citizenIds: [...new Set(req.body.citizenIds)],
            createdBy: me.officerId,
          })
          .returning()
        if (!row) {
          throw new Error('insert returned no row')
        }
        await audit.record(tx, {
          ...auditFrom(req),
          action: 'audience_list.create',
          entityType: 'audience_list',
          entityId: row.id,
          details: { size: row.citizenIds.length },
        })
        return { list: view(row) }
      })
    },
  )

  app.put(
    '/api/admin/audience-lists/:id',
    {
      onRequest: perm,
      schema: {
        tags,
        summary: 'Replace a saved audience list (broadcasts.send)',
        security: SESSION_SECURITY,
        params,
        body: audienceListInputSchema,
        response: one,
      },
    },
    async (req) => {
      const me = officerOf(req)
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(audienceLists)
          .set({ name: req.body.name, citizenIds: [...new Set(req.body.citizenIds)], updatedAt: new Date() })
          .where(and(eq(audienceLists.id, req.params.id), eq(audienceLists.stationId, me.stationId)))
          .returning()
        if (!row) {
          throw new NotFoundError('audience list not found', 'ไม่พบรายชื่อ')
        }
        await audit.record(tx, {
          ...auditFrom(req),
          action: 'audience_list.update',
          entityType: 'audience_list',
          entityId: row.id,
          details: { size: row.citizenIds.length },
        })
        return { list: view(row) }
      })
    },
  )

  app.delete(
    '/api/admin/audience-lists/:id',
    {
      onRequest: perm,
      schema: {
        tags,
        summary: 'Delete a saved audience list (broadcasts.send)',
        security: SESSION_SECURITY,
        params,
        response: { 200: z.object({ deleted: z.boolean() }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      return db.transaction(async (tx) => {
        const gone = await tx
          .delete(audienceLists)
          .where(and(eq(audienceLists.id, req.params.id), eq(audienceLists.stationId, me.stationId)))
          .returning({ id: audienceLists.id })
        if (gone.length === 0) {
          throw new NotFoundError('audience list not found', 'ไม่พบรายชื่อ')
        }
        await audit.record(tx, {
          ...auditFrom(req),
          action: 'audience_list.delete',
          entityType: 'audience_list',
          entityId: req.params.id,
        })
        return { deleted: true }
      })
    },
  )
}

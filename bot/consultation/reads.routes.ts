import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { BadRequestError } from '../errors.js'
import { adminErrors } from '../http/api-docs.js'
import { actingOfficer, casesTags as tags } from '../officers/acting.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { requirePermission } from '../officers/permissions.js'
import { markRead } from './reads.js'

/** POST /api/admin/cases/:id/read { lastEventId } → 204: the unread counts of the inbox and the case view. */
export const readRoutes: FastifyPluginAsyncZod<{ db: Db; now?: () => Date }> = async (app, { db, now }) => {
  const clock = now ?? (() => new Date())
  app.post(
    '/api/admin/cases/:id/read',
    {
      onRequest: requirePermission('cases.read'),
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary: "The officer has seen the case's timeline up to this entry (never moves back)",
        params: z.object({ id: z.string().max(64) }),
        body: z.strictObject({ lastEventId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
        response: { 204: z.null(), ...adminErrors },
      },
    },
    async (req, reply) => {
      const done = await db.transaction((tx) =>
        markRead(tx, actingOfficer(req), req.params.id, req.body.lastEventId, clock()),
      )
      if (!done) {
        throw new BadRequestError('no such entry on this case', 'ไม่พบรายการนี้ในเรื่อง', { field: 'lastEventId' })
      }
      return reply.code(204).send(null)
    },
  )
}

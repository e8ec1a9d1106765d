import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { adminErrors } from '../http/api-docs.js'
import { type Audit, auditFrom } from '../officers/audit-port.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { officerOf, requirePermission } from '../officers/permissions.js'
import {
  audienceEstimateSchema,
  audienceSchema,
  broadcastInputSchema,
  broadcastPatchSchema,
  broadcastRequestViewSchema,
  broadcastViewSchema,
  partialSchema,
  quotaExceededSchema,
  settingsSchema,
} from './broadcasts.schema.js'
import { type Actor, type Broadcasts, QuotaExceededError } from './broadcasts.service.js'
import { readSettings, writeSettings } from './settings.js'
import { listBroadcasts, requestLog, toView } from './views.js'

const tags = ['admin-announcements']
const params = z.object({ id: z.uuid() })
const one = { 200: z.object({ broadcast: broadcastViewSchema }), ...adminErrors }

function actor(req: FastifyRequest): Actor {
  const me = officerOf(req)
  const { ip, userAgent } = auditFrom(req)
  return { officerId: me.officerId, stationId: me.stationId, lineUserId: me.lineUserId, ip, userAgent }
}

/**
 * Announcements to the zone's households (issue #14): the officers' API as bot/contracts/announcements.ts lists it.
 * broadcasts.send composes, estimates, tests, sends and cancels; broadcasts.approve approves; every change audited.
 */
export const broadcastRoutes: FastifyPluginAsyncZod<{ db: Db; audit: Audit; broadcasts: Broadcasts }> = async (
  app,
  { db, audit, broadcasts },
) => {
  const send = requirePermission('broadcasts.send')

  app.post(
    '/api/admin/broadcasts',
    {
      onRequest: send,
      schema: {
        tags,
        summary:
          'Create a draft announcement: audience, LINE messages (or {th, en}), optional schedule (broadcasts.send)',
        security: SESSION_SECURITY,
        body: broadcastInputSchema,
        response: one,
      },
    },
    async (req) => ({ broadcast: await broadcasts.create(actor(req), req.body) }),
  )

  app.post(
    '/api/admin/broadcasts/estimate',
    {
      onRequest: send,
      schema: {
        tags,
        summary: "The audience's size, exclusions and whether LINE's quota and the budget cover it (broadcasts.send)",
        security: SESSION_SECURITY,
        body: z.object({ audience: audienceSchema, topic: broadcastInputSchema.shape.topic }),
        response: { 200: audienceEstimateSchema, ...adminErrors },
      },
    },
    async (req) => broadcasts.estimate(officerOf(req).stationId, req.body.audience, req.body.topic),
  )

  app.get(
    '/api/admin/broadcasts/settings',
    {
      onRequest: send,
      schema: {
        tags,
        summary: "The station's announcement settings: approval, monthly budget (broadcasts.send)",
        security: SESSION_SECURITY,
        response: { 200: settingsSchema, ...adminErrors },
      },
    },
    async (req) => readSettings(db, officerOf(req).stationId),
  )

  app.put(
    '/api/admin/broadcasts/settings',
    {
      onRequest: requirePermission('broadcasts.approve'),
      schema: {
        tags,
        summary: "Replace the station's announcement settings (broadcasts.approve)",
        security: SESSION_SECURITY,
        body: settingsSchema,
        response: { 200: settingsSchema, ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      return db.transaction(async (tx) => {
        const before = await readSettings(tx, me.stationId)
        const after = await writeSettings(tx, me.stationId, req.body, me.officerId)
        await audit.record(tx, {
          ...auditFrom(req),
          action: 'broadcast_settings.update',
          entityType: 'station',
          entityId: me.stationId,
          details: { before, after },
        })
        return after
      })
    },
  )

  app.get(
    '/api/admin/broadcasts',
    {
      onRequest: send,
      schema: {
        tags,
        summary: "The station's announcements, newest first (broadcasts.send)",
        security: SESSION_SECURITY,
        response: { 200: z.object({ broadcasts: z.array(broadcastViewSchema) }), ...adminErrors },
      },
    },
    async (req) => ({ broadcasts: await listBroadcasts(db, officerOf(req).stationId) }),
  )

  app.get(
    '/api/admin/broadcasts/:id',
    {
      onRequest: send,
      schema: {
        tags,
        summary: 'One announcement with its progress and the per-request log; poll it while sending (broadcasts.send)',
        security: SESSION_SECURITY,
        params,
        response: {
          200: z.object({ broadcast: broadcastViewSchema, requests: z.array(broadcastRequestViewSchema) }),
          ...adminErrors,
        },
      },
    },
    async (req) => {
      const b = await broadcasts.get(officerOf(req).stationId, req.params.id)
      return { broadcast: await toView(db, b), requests: await requestLog(db, b.id) }
    },
  )

  app.patch(
    '/api/admin/broadcasts/:id',
    {
      onRequest: send,
      schema: {
        tags,
        summary: 'Edit a draft (or one awaiting approval: the approval is asked again) (broadcasts.send)',
        security: SESSION_SECURITY,
        params,
        body: broadcastPatchSchema,
        response: one,
      },
    },
    async (req) => ({ broadcast: await broadcasts.update(actor(req), req.params.id, req.body) }),
  )

  app.post(
    '/api/admin/broadcasts/:id/test',
    {
      onRequest: send,
      schema: {
        tags,
        summary: "Send the announcement to the signed-in officer's own LINE (a push) (broadcasts.send)",
        security: SESSION_SECURITY,
        params,
        body: z.object({ language: z.enum(['th', 'en']).optional() }).optional(),
        response: { 200: z.object({ sent: z.number() }), ...adminErrors },
      },
    },
    async (req) => broadcasts.testSend(actor(req), req.params.id, req.body?.language),
  )

  const partialBody = z.object({ partial: partialSchema.optional() }).optional()
  const quotaResponse = { ...one, 409: quotaExceededSchema }
  /** 409 quota_exceeded carries the estimate (top level and error.details.estimate) for the admin page. */
  const withQuota = async <T>(
    reply: { code(n: number): { send(b: unknown): unknown } },
    reqId: string,
    run: () => Promise<T>,
  ) => {
    try {
      return await run()
    } catch (err) {
      if (err instanceof QuotaExceededError) {
        return reply.code(409).send({
          error: {
            code: err.code,
            message: err.message,
            messageTh: err.messageTh,
            details: { estimate: err.estimate },
          },
          estimate: err.estimate,
          reqId,
        }) as T
      }
      throw err
    }
  }

  app.post(
    '/api/admin/broadcasts/:id/approve',
    {
      onRequest: requirePermission('broadcasts.approve'),
      schema: {
        tags,
        summary:
          "Approve an announcement (not one's own); if its sending was asked for, it goes now or at its time (broadcasts.approve)",
        security: SESSION_SECURITY,
        params,
        body: partialBody,
        response: quotaResponse,
      },
    },
    async (req, reply) =>
      withQuota(reply, req.id, async () => ({
        broadcast: await broadcasts.approve(actor(req), req.params.id, req.body?.partial ?? null),
      })),
  )

  app.post(
    '/api/admin/broadcasts/:id/send',
    {
      onRequest: send,
      schema: {
        tags,
        summary:
          'Send now (or at scheduledAt); awaits approval when the station requires it; 409 quota_exceeded unless partial (broadcasts.send)',
        security: SESSION_SECURITY,
        params,
        body: partialBody,
        response: quotaResponse,
      },
    },
    async (req, reply) =>
      withQuota(reply, req.id, async () => ({
        broadcast: await broadcasts.send(actor(req), req.params.id, req.body?.partial ?? null),
      })),
  )

  app.post(
    '/api/admin/broadcasts/:id/cancel',
    {
      onRequest: send,
      schema: {
        tags,
        summary: 'Cancel: what has not been sent is not sent (a request already on its way finishes) (broadcasts.send)',
        security: SESSION_SECURITY,
        params,
        response: one,
      },
    },
    async (req) => ({ broadcast: await broadcasts.cancel(actor(req), req.params.id) }),
  )
}

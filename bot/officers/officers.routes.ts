import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { UnauthorizedError } from '../errors.js'
import { adminErrors } from '../http/api-docs.js'
import type { IdTokenVerifier } from '../line/id-token.js'
import type { AccessRequests } from './access-requests.service.js'
import { type Audit, auditFrom } from './audit-port.js'
import { bearerTokenOf, SESSION_SECURITY } from './bearer.js'
import {
  accessRequestBodySchema,
  accessRequestListQuerySchema,
  accessRequestSchema,
  decisionBodySchema,
  idParamsSchema,
  officerPatchSchema,
  officerSchema,
  toAccessRequestDto,
  toOfficerDto,
} from './officers.schema.js'
import { DEFAULT_STATION_CODE, type Officers } from './officers.service.js'
import { officerOf, requirePermission } from './permissions.js'

export type OfficersRoutesOptions = {
  db: Db
  verifier: IdTokenVerifier
  officers: Officers
  accessRequests: AccessRequests
  audit: Audit
}

const tags = ['admin-officers']

/** Access requests (asked with a LINE ID token, decided by admins) and the station's officers. */
export const officersRoutes: FastifyPluginAsyncZod<OfficersRoutesOptions> = async (app, opts) => {
  const { db, officers, accessRequests, audit } = opts
  const manage = requirePermission('officers.manage')

  app.post(
    '/api/admin/access-requests',
    {
      config: { rateLimit: {} },
      schema: {
        tags: ['admin-auth'],
        summary: 'A LINE user who is not an officer asks for access (Authorization: Bearer <LINE ID token>)',
        security: [{ lineIdToken: [] }],
        body: accessRequestBodySchema,
        response: { 201: z.object({ id: z.uuid(), status: accessRequestSchema.shape.status }), ...adminErrors },
      },
    },
    async (req, reply) => {
      const idToken = bearerTokenOf(req)
      if (!idToken) {
        throw new UnauthorizedError('send Authorization: Bearer <LINE ID token>', 'กรุณาเข้าสู่ระบบด้วย LINE')
      }
      const identity = await opts.verifier.verify(idToken)
      const request = await db.transaction(async (tx) => {
        const station = await officers.stationByCode(tx, req.body.stationCode ?? DEFAULT_STATION_CODE)
        const { request, created } = await accessRequests.submit(tx, {
          stationId: station.id,
          lineUserId: identity.lineUserId,
          displayName: identity.name ?? 'LINE user',
          note: req.body.note,
        })
        if (created) {
          await audit.record(tx, {
            ...auditFrom(req),
            actor: 'line_user',
            action: 'access_request.create',
            stationId: station.id,
            entityType: 'access_request',
            entityId: request.id,
          })
        }
        return request
      })
      return reply.code(201).send({ id: request.id, status: request.status })
    },
  )

  app.get(
    '/api/admin/access-requests',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: "The station's access requests (officers.manage)",
        security: SESSION_SECURITY,
        querystring: accessRequestListQuerySchema,
        response: { 200: z.object({ items: z.array(accessRequestSchema) }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const rows = await db.transaction((tx) => accessRequests.list(tx, me.stationId, req.query.status))
      return { items: rows.map(toAccessRequestDto) }
    },
  )

  app.post(
    '/api/admin/access-requests/:id/decision',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Approve (with a role) or decline an access request (officers.manage)',
        security: SESSION_SECURITY,
        params: idParamsSchema,
        body: decisionBodySchema,
        response: {
          200: z.object({ request: accessRequestSchema, officer: officerSchema.optional() }),
          ...adminErrors,
        },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const result = await db.transaction(async (tx) => {
        const decided = await accessRequests.decide(tx, {
          stationId: me.stationId,
          id: req.params.id,
          decidedBy: me.officerId,
          decision: req.body,
        })
        await audit.record(tx, {
          ...auditFrom(req),
          action: req.body.decision === 'approve' ? 'access_request.approve' : 'access_request.decline',
          entityType: 'access_request',
          entityId: decided.request.id,
          details: {
            lineUserId: decided.request.lineUserId,
            ...(req.body.decision === 'approve' ? { role: req.body.role, officerId: decided.officer?.id } : {}),
          },
        })
        return decided
      })
      return {
        request: toAccessRequestDto(result.request),
        ...(result.officer ? { officer: toOfficerDto(result.officer) } : {}),
      }
    },
  )

  app.get(
    '/api/admin/officers',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: "The station's officers (officers.manage)",
        security: SESSION_SECURITY,
        response: { 200: z.object({ items: z.array(officerSchema) }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const rows = await db.transaction((tx) => officers.listByStation(tx, me.stationId))
      return { items: rows.map(toOfficerDto) }
    },
  )

  app.patch(
    '/api/admin/officers/:id',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Change role, name, or disable / enable an officer (officers.manage); a disable applies at once',
        security: SESSION_SECURITY,
        params: idParamsSchema,
        body: officerPatchSchema,
        response: { 200: z.object({ officer: officerSchema }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const { before, after } = await db.transaction(async (tx) => {
        const changed = await officers.update(tx, {
          stationId: me.stationId,
          id: req.params.id,
          patch: req.body,
          actingOfficerId: me.officerId,
        })
        const diff: Record<string, { from: unknown; to: unknown }> = {}
        for (const key of ['role', 'active', 'fullName'] as const) {
          if (changed.before[key] !== changed.after[key]) {
            diff[key] = { from: changed.before[key], to: changed.after[key] }
          }
        }
        const action =
          diff.active && !changed.after.active ? 'officer.disable' : diff.active ? 'officer.enable' : 'officer.update'
        await audit.record(tx, {
          ...auditFrom(req),
          action,
          entityType: 'officer',
          entityId: changed.after.id,
          details: diff,
        })
        return changed
      })
      req.log.info({ officerId: before.id, active: after.active, role: after.role }, 'officer changed')
      return { officer: toOfficerDto(after) }
    },
  )
}

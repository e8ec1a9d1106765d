import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { PATROL_POINT_KINDS } from '../../contracts/house-watch.js'
import { adminErrors } from '../../http/api-docs.js'
import { actingOfficer } from '../../officers/acting.js'
import { SESSION_SECURITY as security } from '../../officers/bearer.js'
import { requirePermission } from '../../officers/permissions.js'
import type { PointRegistry } from './points.js'
import { type Stickers, sendSticker } from './stickers.js'

export const pointSchema = z.object({
  id: z.uuid(),
  kind: z.enum(PATROL_POINT_KINDS),
  code: z.string(),
  nameTh: z.string().nullable(),
  nameEn: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  active: z.boolean(),
  qrVersion: z.number().int(),
  caseId: z.uuid().nullable(),
})
const fields = {
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,23}$/, 'letters, digits and dashes, 2–24 characters')
    .describe('short code on the sticker, unique in the station, e.g. RB-007'),
  nameTh: z.string().trim().min(1).max(120),
  nameEn: z.string().trim().min(1).max(120),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
}
const idParams = z.object({ id: z.uuid() })
const tags = ['admin-patrol']

/**
 * Red boxes 4.0 (patrol.points): GET/POST /api/admin/patrol/points, PATCH …/:id (edit, retire with active:false),
 * POST …/:id/reissue (a new QR; old stickers stop working), GET …/:id/sticker.pdf (any point's sticker; audited).
 */
export const patrolPointRoutes: FastifyPluginAsyncZod<{ registry: PointRegistry; stickers: Stickers }> = async (
  app,
  { registry, stickers },
) => {
  const onRequest = requirePermission('patrol.points')

  app.get(
    '/api/admin/patrol/points',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: "The station's patrol points: red boxes and houses under watch",
        querystring: z.object({ kind: z.enum(PATROL_POINT_KINDS).optional() }),
        response: { 200: z.object({ items: z.array(pointSchema) }), ...adminErrors },
      },
    },
    async (req) => ({ items: await registry.list(actingOfficer(req), req.query.kind) }),
  )

  app.post(
    '/api/admin/patrol/points',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Register a red box',
        body: z.strictObject(fields),
        response: { 201: pointSchema, ...adminErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await registry.create(actingOfficer(req), req.body)),
  )

  app.patch(
    '/api/admin/patrol/points/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Edit a red box; active:false retires it (its visits stay)',
        params: idParams,
        body: z
          .strictObject({
            code: fields.code.optional(),
            nameTh: fields.nameTh.optional(),
            nameEn: fields.nameEn.optional(),
            latitude: fields.latitude.optional(),
            longitude: fields.longitude.optional(),
            active: z.boolean().optional(),
          })
          .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' }),
        response: { 200: pointSchema, ...adminErrors },
      },
    },
    async (req) => registry.update(actingOfficer(req), req.params.id, req.body),
  )

  app.post(
    '/api/admin/patrol/points/:id/reissue',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'A new QR for the point: every sticker printed before stops working',
        params: idParams,
        response: { 200: pointSchema, ...adminErrors },
      },
    },
    async (req) => registry.reissue(actingOfficer(req), req.params.id),
  )

  app.get(
    '/api/admin/patrol/points/:id/sticker.pdf',
    {
      onRequest,
      schema: { tags, security, summary: "The point's QR sticker (A6 PDF; audited)", params: idParams },
    },
    async (req, reply) => {
      return sendSticker(reply, await stickers.forOfficer(actingOfficer(req), req.params.id))
    },
  )
}

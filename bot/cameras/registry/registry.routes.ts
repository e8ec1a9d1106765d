import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminErrors } from '../../http/api-docs.js'
import { auditFrom } from '../../officers/audit-port.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { can, officerOf, requirePermission } from '../../officers/permissions.js'
import type { Acting, CameraRegistry } from './registry.service.js'
import {
  cameraFieldsSchema,
  cameraListQuerySchema,
  cameraPatchSchema,
  cameraStatsSchema,
  cameraViewSchema,
  importBodySchema,
  importResultSchema,
  verifyBodySchema,
} from './schemas.js'

type Req = Parameters<typeof auditFrom>[0]
function acting(req: Req): Acting {
  const me = officerOf(req)
  return { ...auditFrom(req), officerId: me.officerId, stationId: me.stationId }
}
const mayEdit = (req: Req) => can(officerOf(req).role, 'cameras.edit')
const params = z.object({ id: z.uuid() })
const one = z.object({ camera: cameraViewSchema })

/**
 * The CCOC camera registry for officers (issue #15, point 1): list and filters, counts, one camera, create, edit,
 * retire, the CSV import and the verification of private owners' registrations. cameras.read sees verified cameras;
 * cameras.edit also the pending queue and rejected ones. Every change is audited; the owner's phone only through the
 * audited reveal.
 */
export const cameraRegistryRoutes: FastifyPluginAsyncZod<{ registry: CameraRegistry }> = async (app, { registry }) => {
  const tags = ['admin-cameras']
  const read = { onRequest: requirePermission('cameras.read') }
  const edit = { onRequest: requirePermission('cameras.edit') }

  app.get(
    '/api/admin/cameras',
    {
      ...read,
      schema: {
        tags,
        summary: 'The camera registry, filtered (cameras.read: verified only; cameras.edit: also pending and rejected)',
        security: SESSION_SECURITY,
        querystring: cameraListQuerySchema,
        response: { 200: z.object({ items: z.array(cameraViewSchema), total: z.number().int() }), ...adminErrors },
      },
    },
    async (req) => registry.list(officerOf(req).stationId, req.query, mayEdit(req)),
  )

  app.get(
    '/api/admin/cameras/stats',
    {
      ...read,
      schema: {
        tags,
        summary: 'Verified cameras by owner type and status, and pending registrations (cameras.read)',
        security: SESSION_SECURITY,
        response: { 200: cameraStatsSchema, ...adminErrors },
      },
    },
    async (req) => registry.stats(officerOf(req).stationId),
  )

  app.post(
    '/api/admin/cameras/import',
    {
      ...edit,
      // 416 rows are about 60 kB; a whole province's registry stays well under this.
      bodyLimit: 1024 * 1024,
      schema: {
        tags,
        summary:
          "Import cameras from CSV, upserting by code; mode 'all' (default) saves nothing if a row is bad (cameras.edit)",
        security: SESSION_SECURITY,
        body: importBodySchema,
        response: { 200: importResultSchema, ...adminErrors },
      },
    },
    async (req) => registry.importCsv(acting(req), req.body.csv, req.body.mode),
  )

  app.post(
    '/api/admin/cameras',
    {
      ...edit,
      schema: {
        tags,
        summary: 'Add a camera (verified) (cameras.edit)',
        security: SESSION_SECURITY,
        body: cameraFieldsSchema,
        response: { 201: one, ...adminErrors },
      },
    },
    async (req, reply) => reply.status(201).send({ camera: await registry.create(acting(req), req.body) }),
  )

  app.get(
    '/api/admin/cameras/:id',
    {
      ...read,
      schema: {
        tags,
        summary: 'One camera (cameras.read)',
        security: SESSION_SECURITY,
        params,
        response: { 200: one, ...adminErrors },
      },
    },
    async (req) => ({ camera: await registry.get(officerOf(req).stationId, req.params.id, mayEdit(req)) }),
  )

  app.patch(
    '/api/admin/cameras/:id',
    {
      ...edit,
      schema: {
        tags,
        summary: 'Edit a camera (cameras.edit)',
        security: SESSION_SECURITY,
        params,
        body: cameraPatchSchema,
        response: { 200: one, ...adminErrors },
      },
    },
    async (req) => ({ camera: await registry.update(acting(req), req.params.id, req.body) }),
  )

  app.post(
    '/api/admin/cameras/:id/retire',
    {
      ...edit,
      schema: {
        tags,
        summary: "Retire a camera: status 'removed', kept for old requests (cameras.edit)",
        security: SESSION_SECURITY,
        params,
        response: { 200: one, ...adminErrors },
      },
    },
    async (req) => ({ camera: await registry.retire(acting(req), req.params.id) }),
  )

  app.post(
    '/api/admin/cameras/:id/verify',
    {
      ...edit,
      schema: {
        tags,
        summary: "Verify or reject a private owner's registration; the owner is told in LINE (cameras.edit)",
        security: SESSION_SECURITY,
        params,
        body: verifyBodySchema,
        response: { 200: one.extend({ ownerTold: z.boolean() }), ...adminErrors },
      },
    },
    async (req) => registry.verify(acting(req), req.params.id, req.body.decision, req.body.note),
  )

  app.post(
    '/api/admin/cameras/:id/phone',
    {
      ...read,
      schema: {
        tags,
        summary: "The owner's phone, decrypted (cameras.read; audited)",
        security: SESSION_SECURITY,
        params,
        response: { 200: z.object({ phone: z.string().nullable() }), ...adminErrors },
      },
    },
    async (req) => registry.revealPhone(acting(req), req.params.id, mayEdit(req)),
  )
}

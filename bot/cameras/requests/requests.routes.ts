import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  CAMERA_CONTACT_PREFERENCES,
  CAMERA_OWNER_TYPES,
  CAMERA_STATUSES,
  FOOTAGE_REQUEST_CHANNELS,
  FOOTAGE_REQUEST_STATUSES,
} from '../../contracts/cameras.js'
import { adminErrors } from '../../http/api-docs.js'
import { actingOfficer } from '../../officers/acting.js'
import { SESSION_SECURITY as security } from '../../officers/bearer.js'
import { requirePermission } from '../../officers/permissions.js'
import type { FootageRequestsService } from './service.js'

const tags = ['admin-cameras']
const idParams = z.object({ id: z.uuid() })
const iso = z.iso.datetime({ offset: true })

const nearbyCamera = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  ownerType: z.enum(CAMERA_OWNER_TYPES),
  ownerName: z.string().nullable(),
  contactPreference: z.enum(CAMERA_CONTACT_PREFERENCES).nullable(),
  latitude: z.number(),
  longitude: z.number(),
  directionDeg: z.number().nullable(),
  fieldOfViewDeg: z.number().nullable(),
  rangeMeters: z.number().nullable(),
  covers: z.string().nullable(),
  retentionDays: z.number().nullable(),
  liveView: z.boolean(),
  status: z.enum(CAMERA_STATUSES),
  distanceMeters: z.number(),
  retention: z.enum(['inside', 'outside', 'unknown']),
  overwrittenAt: z.string().nullable(),
  reach: z.enum(['line', 'phone', 'visit', 'letter', 'ccoc_task']),
})
const summary = z.object({
  daysAgo: z.number(),
  inside: z.number(),
  unknown: z.number(),
  total: z.number(),
  th: z.string(),
  en: z.string(),
})
const queueItem = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  cameraId: z.uuid(),
  channel: z.enum(FOOTAGE_REQUEST_CHANNELS),
  status: z.enum(FOOTAGE_REQUEST_STATUSES),
  windowFrom: z.string(),
  windowTo: z.string(),
  ask: z.string(),
  deadlineAt: z.string(),
  overdue: z.boolean(),
  letterNumber: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
  reminderSentAt: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  createdAt: z.string(),
  caseReference: z.string(),
  cameraCode: z.string(),
  cameraName: z.string(),
  ownerType: z.enum(CAMERA_OWNER_TYPES),
  ownerName: z.string().nullable(),
  contactPreference: z.enum(CAMERA_CONTACT_PREFERENCES).nullable(),
  requesterName: z.string(),
  assigneeName: z.string().nullable(),
})
const created = z.object({
  id: z.uuid(),
  cameraId: z.uuid(),
  channel: z.enum(FOOTAGE_REQUEST_CHANNELS),
  status: z.enum(FOOTAGE_REQUEST_STATUSES),
  deadlineAt: z.string(),
  letterNumber: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
})

/**
 * Cameras near a case and footage requests (issue #15): PUT /api/admin/cases/:id/location (cases.act),
 * GET /api/admin/cases/:id/cameras (cameras.read), POST /api/admin/cases/:id/footage-requests, the CCOC queue
 * GET /api/admin/footage-requests, PATCH …/:id and the letter GET …/:id/letter.pdf (footage.request).
 */
export const footageRequestRoutes: FastifyPluginAsyncZod<{ requests: FootageRequestsService }> = async (
  app,
  { requests },
) => {
  const footage = requirePermission('footage.request')

  app.put(
    '/api/admin/cases/:id/location',
    {
      onRequest: requirePermission('cases.act'),
      schema: {
        tags,
        security,
        summary: "Set a case's location (a pin) when the report had none; a case with one keeps it (409)",
        params: idParams,
        body: z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }),
        response: { 200: z.object({ latitude: z.number(), longitude: z.number() }), ...adminErrors },
      },
    },
    async (req) => requests.setLocation(actingOfficer(req), req.params.id, req.body),
  )

  app.get(
    '/api/admin/cases/:id/cameras',
    {
      onRequest: requirePermission('cameras.read'),
      schema: {
        tags,
        security,
        summary: "Cameras within a radius of the case's location, nearest first, with retention for footage of `at`",
        params: idParams,
        querystring: z.object({
          radius: z.coerce.number().int().min(10).max(5000).optional(),
          at: iso.optional().describe('the moment the footage is wanted for (default: now)'),
        }),
        response: {
          200: z.object({
            location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
            radiusMeters: z.number(),
            at: z.string(),
            summary: summary.nullable(),
            items: z.array(nearbyCamera),
          }),
          ...adminErrors,
        },
      },
    },
    async (req) =>
      requests.camerasNearCase(actingOfficer(req), req.params.id, {
        radius: req.query.radius,
        at: req.query.at ? new Date(req.query.at) : undefined,
      }),
  )

  app.post(
    '/api/admin/cases/:id/footage-requests',
    {
      onRequest: footage,
      schema: {
        tags,
        security,
        summary: 'Ask cameras for footage of a window: LINE to joined owners, a letter to agencies, CCOC tasks',
        params: idParams,
        body: z.strictObject({
          cameraIds: z.array(z.uuid()).min(1).max(50),
          windowFrom: iso,
          windowTo: iso,
          ask: z.string().trim().min(3).max(500),
          deadlineAt: iso.optional(),
        }),
        response: { 201: z.object({ items: z.array(created) }), ...adminErrors },
      },
    },
    async (req, reply) => {
      const b = req.body
      const out = await requests.send(actingOfficer(req), req.params.id, {
        cameraIds: b.cameraIds,
        windowFrom: new Date(b.windowFrom),
        windowTo: new Date(b.windowTo),
        ask: b.ask,
        deadlineAt: b.deadlineAt ? new Date(b.deadlineAt) : undefined,
      })
      return reply.code(201).send({
        items: out.map((r) => ({
          id: r.id,
          cameraId: r.cameraId,
          channel: r.channel,
          status: r.status,
          deadlineAt: r.deadlineAt.toISOString(),
          letterNumber: r.letterNumber,
          assigneeId: r.assigneeId,
        })),
      })
    },
  )

  app.get(
    '/api/admin/footage-requests',
    {
      onRequest: footage,
      schema: {
        tags,
        security,
        summary: 'The CCOC queue: overdue first, then by deadline; filter by status, overdue, case, mine',
        querystring: z.object({
          status: z.enum(FOOTAGE_REQUEST_STATUSES).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          caseId: z.uuid().optional(),
          mine: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: z.object({ items: z.array(queueItem) }), ...adminErrors },
      },
    },
    async (req) => {
      const q = req.query
      const items = await requests.list(actingOfficer(req), {
        status: q.status,
        overdue: q.overdue === undefined ? undefined : q.overdue === 'true',
        caseId: q.caseId,
        mine: q.mine === 'true',
      })
      return { items }
    },
  )

  app.patch(
    '/api/admin/footage-requests/:id',
    {
      onRequest: footage,
      schema: {
        tags,
        security,
        summary: 'Work a request: record an answer, received, close, cancel, assign, move the deadline',
        params: idParams,
        body: z
          .strictObject({
            status: z.enum(FOOTAGE_REQUEST_STATUSES).exclude(['open']).optional(),
            assigneeId: z.union([z.uuid(), z.literal('me'), z.null()]).optional(),
            note: z.string().max(1000).optional(),
            deadlineAt: iso.optional(),
          })
          .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' }),
        response: { 200: z.object({ id: z.uuid(), status: z.enum(FOOTAGE_REQUEST_STATUSES) }), ...adminErrors },
      },
    },
    async (req) => {
      const b = req.body
      const r = await requests.update(actingOfficer(req), req.params.id, {
        status: b.status,
        assigneeId: b.assigneeId,
        note: b.note,
        deadlineAt: b.deadlineAt ? new Date(b.deadlineAt) : undefined,
      })
      return { id: r.id, status: r.status }
    },
  )

  app.get(
    '/api/admin/footage-requests/:id/letter.pdf',
    {
      onRequest: footage,
      schema: {
        tags,
        security,
        summary: 'The printable request letter (A4 PDF, Thai official layout; audited)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const { pdf, fileName } = await requests.letter(actingOfficer(req), req.params.id)
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(pdf)
    },
  )
}

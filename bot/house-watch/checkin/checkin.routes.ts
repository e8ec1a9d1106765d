import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { GPS_CHECKS, MAX_VISIT_PHOTO_BYTES, PATROL_POINT_KINDS, VISIT_RESULTS } from '../../contracts/house-watch.js'
import { adminErrors, errorSchema } from '../../http/api-docs.js'
import { actingOfficer } from '../../officers/acting.js'
import { SESSION_SECURITY as security } from '../../officers/bearer.js'
import { requirePermission } from '../../officers/permissions.js'
import type { CheckIns } from './checkin.service.js'

// base64 of the largest photo, plus room for the rest of the body.
const PHOTO_BASE64_MAX = Math.ceil(MAX_VISIT_PHOTO_BYTES / 3) * 4
const BODY_LIMIT = PHOTO_BASE64_MAX + 64 * 1024

const checkInBody = z
  .strictObject({
    qr: z.string().min(1).max(500).optional().describe("what the scanner read: the sticker's address or its token"),
    code: z.string().trim().min(1).max(40).optional().describe('the point code typed by hand, e.g. RB-007'),
    position: z
      .strictObject({
        lat: z.number().min(-90).max(90),
        lng: z.number().min(-180).max(180),
        accuracy: z.number().min(0).max(100_000),
      })
      .nullable()
      .describe('the phone position (navigator.geolocation), null without a fix'),
    result: z.enum(VISIT_RESULTS),
    note: z.string().max(1000).optional(),
    photo: z
      .string()
      .max(PHOTO_BASE64_MAX + 4, 'the photo is too large (1 MB at most)')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'base64')
      .optional()
      .describe('JPEG or PNG, base64, at most 1 MB'),
  })
  .refine((b) => (b.qr === undefined) !== (b.code === undefined), { message: 'send either qr or code' })

const outcomeSchema = z.object({
  visitId: z.uuid(),
  sameVisit: z.boolean(),
  point: z.object({
    id: z.uuid(),
    kind: z.enum(PATROL_POINT_KINDS),
    code: z.string(),
    nameTh: z.string().nullable(),
    nameEn: z.string().nullable(),
  }),
  gpsCheck: z.enum(GPS_CHECKS),
  distanceMeters: z.number().nullable(),
  toleranceMeters: z.number(),
  result: z.enum(VISIT_RESULTS),
  shift: z.object({ key: z.string(), nameTh: z.string(), nameEn: z.string(), date: z.string() }),
  scannedAt: z.iso.datetime(),
})

/** POST /api/admin/patrol/check-ins (patrol.check_in): a scan or a typed code, with position, result, note, photo. */
export const checkInRoutes: FastifyPluginAsyncZod<{ checkIns: CheckIns }> = async (app, { checkIns }) => {
  app.post(
    '/api/admin/patrol/check-ins',
    {
      onRequest: requirePermission('patrol.check_in'),
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['admin-patrol'],
        security,
        summary:
          'Check in at a patrol point (a far position is flagged, not refused; a scan within 10 min is the same visit)',
        body: checkInBody,
        response: {
          200: outcomeSchema,
          201: outcomeSchema,
          410: errorSchema,
          413: errorSchema,
          415: errorSchema,
          ...adminErrors,
        },
      },
    },
    async (req, reply) => {
      const outcome = await checkIns.checkIn(actingOfficer(req), req.body)
      return reply.code(outcome.sameVisit ? 200 : 201).send(outcome)
    },
  )
}

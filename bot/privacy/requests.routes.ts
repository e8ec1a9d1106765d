import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DATA_REQUEST_STATUSES, LANGUAGES } from '../../db/schema/index.js'
import { adminErrors } from '../http/api-docs.js'
import { actingOfficer } from '../officers/acting.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { requirePermission } from '../officers/permissions.js'
import { REFUSAL_GROUND_CODES, REFUSAL_GROUNDS } from './requests.js'
import type { PrivacyRequests } from './requests.service.js'

export type PrivacyRequestsRoutesOptions = { requests: PrivacyRequests }

const isoTime = z.iso.datetime()
const requestSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['export', 'delete']),
  status: z.enum(DATA_REQUEST_STATUSES),
  createdAt: isoTime,
  dueAt: isoTime.describe('createdAt + 30 days'),
  overdue: z.boolean(),
  completedAt: isoTime.nullable(),
  citizen: z.object({
    displayName: z.string().nullable().describe('masked'),
    language: z.enum(LANGUAGES),
    erased: z.boolean(),
    cases: z.number().int(),
  }),
  handledBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  refusalGround: z.string().nullable(),
  note: z.string().nullable(),
  result: z.record(z.string(), z.number()).nullable().describe('rows erased per table (counts only)'),
})
const params = z.object({ id: z.string().max(64) })
const tags = ['admin-privacy']
const common = { onRequest: requirePermission('privacy.requests') }

/** Citizens' PDPA requests for officers with privacy.requests (bot/http/admin-api.md). */
export const privacyRequestsRoutes: FastifyPluginAsyncZod<PrivacyRequestsRoutesOptions> = async (app, { requests }) => {
  app.get(
    '/api/admin/privacy/requests',
    {
      ...common,
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary: "The station's PDPA requests (oldest open first with status=pending), with due dates",
        querystring: z.object({
          status: z.enum(DATA_REQUEST_STATUSES).optional(),
          kind: z.enum(['export', 'delete']).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(requestSchema),
            grounds: z.array(z.object({ code: z.string(), th: z.string(), en: z.string() })),
          }),
          ...adminErrors,
        },
      },
    },
    async (req) => ({
      items: await requests.list(actingOfficer(req), req.query),
      grounds: REFUSAL_GROUND_CODES.map((code) => ({ code, ...REFUSAL_GROUNDS[code] })),
    }),
  )

  app.post(
    '/api/admin/privacy/requests/:id/complete',
    {
      ...common,
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary: "Erase the citizen's personal data everywhere; they are told in LINE first (audited)",
        params,
        body: z.strictObject({ confirm: z.literal(true) }),
        response: {
          200: z.object({
            removed: z.record(z.string(), z.number()),
            notified: z.boolean(),
            request: z.object({ id: z.uuid(), status: z.string() }),
          }),
          ...adminErrors,
        },
      },
    },
    async (req) => {
      const out = await requests.complete(actingOfficer(req), req.params.id)
      return {
        removed: out.removed,
        notified: out.notified,
        request: { id: out.request.id, status: out.request.status },
      }
    },
  )

  app.post(
    '/api/admin/privacy/requests/:id/refuse',
    {
      ...common,
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary: 'Refuse on a legal ground with an explanation; the citizen is told both (audited)',
        params,
        body: z.strictObject({
          ground: z.enum(REFUSAL_GROUND_CODES),
          explanation: z.string().trim().min(10).max(1000),
        }),
        response: {
          200: z.object({ notified: z.boolean(), request: z.object({ id: z.uuid(), status: z.string() }) }),
          ...adminErrors,
        },
      },
    },
    async (req) => {
      const out = await requests.refuse(actingOfficer(req), req.params.id, req.body.ground, req.body.explanation)
      return { notified: out.notified, request: { id: out.request.id, status: out.request.status } }
    },
  )
}

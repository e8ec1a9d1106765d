import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminErrors } from '../../http/api-docs.js'
import { actingOfficer, casesTags as tags } from '../../officers/acting.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { requirePermission } from '../../officers/permissions.js'
import { CONVERSION_KINDS } from './convert.js'
import type { ConsultationWorkflow } from './workflow.service.js'

export type ConsultationWorkflowRoutesOptions = { workflow: ConsultationWorkflow }

const params = z.object({ id: z.string().max(64) })
/** Sent to the citizen as written when `sendSummary`; LINE takes 5,000 characters per text (the heading needs some). */
const closeBody = z.strictObject({
  summary: z.string().trim().min(1).max(4000).optional(),
  sendSummary: z.boolean().default(false),
})
const closeResult = z.object({
  caseId: z.uuid(),
  referenceNumber: z.string(),
  status: z.string(),
  closedAt: z.iso.datetime(),
  eventId: z.number().int(),
  summarySent: z.boolean().describe('false when not asked, or the citizen blocked the OA'),
  ratingAsked: z.boolean().describe('the 1–5 question went out (once per consultation)'),
})
const convertBody = z.strictObject({ kind: z.enum(CONVERSION_KINDS) })
const convertResult = z.object({ caseId: z.uuid(), referenceNumber: z.string() })

/**
 * The consultation workflow's officer routes. Register inside the /api/admin scope (bot/app.ts `routes`): the
 * session hook there sets `req.officer`.
 */
export const consultationWorkflowRoutes: FastifyPluginAsyncZod<ConsultationWorkflowRoutesOptions> = async (
  app,
  { workflow },
) => {
  const act = requirePermission('cases.act')
  const security = SESSION_SECURITY

  app.post(
    '/api/admin/consultations/:id/close',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: 'Close a consultation, with an optional summary (sent to the citizen if asked); then the 1–5 rating',
        params,
        body: closeBody,
        response: { 200: closeResult, ...adminErrors },
      },
    },
    async (req) => workflow.close(actingOfficer(req), req.params.id, req.body),
  )

  app.post(
    '/api/admin/consultations/:id/convert',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: 'Turn a consultation into a lost-document report or an SOS case; the thread stays as its history',
        params,
        body: convertBody,
        response: { 200: convertResult, ...adminErrors },
      },
    },
    async (req) => workflow.convert(actingOfficer(req), req.params.id, req.body.kind),
  )
}

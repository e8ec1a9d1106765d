import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminErrors } from '../../http/api-docs.js'
import { actingOfficer } from '../../officers/acting.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { requirePermission } from '../../officers/permissions.js'
import type { LostDocumentReview, ReviewResult } from './review.service.js'

export type ReviewRoutesOptions = { review: LostDocumentReview }

const params = z.object({ caseId: z.uuid() })
/** Sent to the citizen as written: trimmed, not empty, at most 1,000 characters (LINE takes 5,000 per text). */
const text = z.string().trim().min(1).max(1000)
const reasonBody = z.object({ reason: text })
const questionBody = z.object({ question: text })

const resultSchema = z.object({
  case: z.object({ id: z.uuid(), referenceNumber: z.string(), status: z.string(), updatedAt: z.iso.datetime() }),
  eventId: z.number().int(),
  /** False when the citizen blocked the OA (or the case has none): LINE would not deliver. */
  notified: z.boolean(),
  record: z.object({ issuedAt: z.iso.datetime(), pdfUrl: z.object({ th: z.url(), en: z.url() }) }).optional(),
})

/** Dates as ISO 8601 (UTC), like every officer route. */
function toDto(r: ReviewResult): z.infer<typeof resultSchema> {
  return {
    case: { ...r.case, updatedAt: r.case.updatedAt.toISOString() },
    eventId: r.eventId,
    notified: r.notified,
    ...(r.record ? { record: { issuedAt: r.record.issuedAt.toISOString(), pdfUrl: r.record.pdfUrl } } : {}),
  }
}

const tags = ['admin-cases']

/**
 * The officers' decisions on a lost-document report. Register inside the /api/admin
 * scope (bot/officers/admin-scope.plugin.ts `routes`, listed in bot/app.ts): the session hook there sets `req.officer`.
 */
export const lostDocumentReviewRoutes: FastifyPluginAsyncZod<ReviewRoutesOptions> = async (app, { review }) => {
  const common = { onRequest: requirePermission('cases.act') }
  const schema = (summary: string) => ({
    tags,
    security: SESSION_SECURITY,
    summary,
    params,
    response: { 200: resultSchema, ...adminErrors },
  })

  app.post(
    '/api/admin/lost-documents/:caseId/approve',
    { ...common, schema: schema('Issue the record (PDF + QR verification); the citizen gets the download link') },
    async (req) => toDto(await review.approve(actingOfficer(req), req.params.caseId)),
  )
  app.post(
    '/api/admin/lost-documents/:caseId/reject',
    { ...common, schema: { ...schema('Reject with a reason, sent to the citizen'), body: reasonBody } },
    async (req) => toDto(await review.reject(actingOfficer(req), req.params.caseId, req.body.reason)),
  )
  app.post(
    '/api/admin/lost-documents/:caseId/request-info',
    { ...common, schema: { ...schema('Ask the citizen for more information (awaiting_info)'), body: questionBody } },
    async (req) => toDto(await review.requestInfo(actingOfficer(req), req.params.caseId, req.body.question)),
  )
  app.post(
    '/api/admin/lost-documents/:caseId/revoke',
    {
      ...common,
      schema: { ...schema('Revoke an issued record; the verification page then says so'), body: reasonBody },
    },
    async (req) => toDto(await review.revoke(actingOfficer(req), req.params.caseId, req.body.reason)),
  )
}

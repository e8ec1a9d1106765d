import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminErrors } from '../http/api-docs.js'
import { actingOfficer, casesTags as tags } from '../officers/acting.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { requirePermission } from '../officers/permissions.js'
import type { CasesAdminService } from './admin.service.js'
import {
  caseIdParamsSchema,
  caseListQuerySchema,
  caseListSchema,
  caseViewSchema,
  rangeEnd,
  rangeStart,
  revealBodySchema,
  waitingSosSchema,
} from './cases.schemas.js'

export type CasesReadRoutesOptions = { cases: CasesAdminService }

/** The inbox, a case's detail (audited view), the audited reveal of personal data, and attachments. */
export const casesReadRoutes: FastifyPluginAsyncZod<CasesReadRoutesOptions> = async (app, { cases }) => {
  const security = SESSION_SECURITY

  app.get(
    '/api/admin/cases',
    {
      onRequest: requirePermission('cases.read'),
      schema: {
        tags,
        security,
        summary: 'The inbox: filters, keyset pages of (created_at desc, id desc), counts per status',
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema, ...adminErrors },
      },
    },
    async (req) => {
      const { from, to, overdue, ...rest } = req.query
      return cases.list(actingOfficer(req), {
        ...rest,
        overdue: overdue === 'true' || overdue === '1',
        from: from ? rangeStart(from) : undefined,
        to: to ? rangeEnd(to) : undefined,
      })
    },
  )

  app.get(
    '/api/admin/cases/sos-waiting',
    {
      onRequest: requirePermission('cases.read'),
      schema: {
        tags,
        security,
        summary: "The station's SOS cases nobody has taken yet, newest first (at most 20): the admin page's alarm",
        response: { 200: waitingSosSchema, ...adminErrors },
      },
    },
    async (req) => cases.waitingSos(actingOfficer(req)),
  )

  app.get(
    '/api/admin/cases/:id',
    {
      onRequest: requirePermission('cases.read'),
      schema: {
        tags,
        security,
        summary: 'A case with its timeline; personal data masked; audited as a view',
        params: caseIdParamsSchema,
        response: { 200: caseViewSchema, ...adminErrors },
      },
    },
    async (req) => cases.detail(actingOfficer(req), req.params.id),
  )

  app.post(
    '/api/admin/cases/:id/reveal',
    {
      onRequest: requirePermission('cases.reveal_pii'),
      schema: {
        tags,
        security,
        summary: 'One personal-data field in plain text, with a reason; audited',
        params: caseIdParamsSchema,
        body: revealBodySchema,
        response: { 200: z.object({ value: z.string() }), ...adminErrors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return cases.reveal(actingOfficer(req), req.params.id, req.body.field, req.body.reason)
    },
  )

  app.get(
    '/api/admin/attachments/:id',
    {
      onRequest: requirePermission('cases.read'),
      schema: {
        tags,
        security,
        summary: "A case's attached file (audited)",
        params: caseIdParamsSchema,
        // A Buffer is sent as it is (Fastify does not serialise it); the schema documents it as binary.
        response: { 200: z.unknown().describe('the file, binary, with its content type'), ...adminErrors },
      },
    },
    async (req, reply) => {
      const file = await cases.attachment(actingOfficer(req), req.params.id)
      // Never rendered inline by the browser as a page of ours: a citizen's upload is not trusted content.
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${safeFileName(file.fileName)}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.content)
    },
  )
}

function safeFileName(name: string | null): string {
  return (name ?? 'attachment').replace(/[^\w.-]+/g, '_').slice(0, 100) || 'attachment'
}

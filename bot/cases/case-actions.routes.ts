import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminErrors } from '../http/api-docs.js'
import { actingOfficer, casesTags as tags } from '../officers/acting.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { requirePermission } from '../officers/permissions.js'
import type { CasesAdminService } from './admin.service.js'
import {
  assignBodySchema,
  caseChangeSchema,
  caseDetailSchema,
  caseEventSchema,
  caseIdParamsSchema,
  statusBodySchema,
  textBodySchema,
} from './cases.schemas.js'

export type CaseActionRoutesOptions = { cases: CasesAdminService }

/** What officers do to a case: assign / claim / unassign, move its status, write notes, message the citizen. */
export const caseActionRoutes: FastifyPluginAsyncZod<CaseActionRoutesOptions> = async (app, { cases }) => {
  const act = requirePermission('cases.act')
  const security = SESSION_SECURITY

  app.post(
    '/api/admin/cases/:id/assign',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: "Assign to an officer of the station, claim ('me') or unassign (null); a transfer may carry a note",
        params: caseIdParamsSchema,
        body: assignBodySchema,
        response: { 200: z.object({ case: caseDetailSchema }), ...adminErrors },
      },
    },
    async (req) => {
      const out = await cases.assign(actingOfficer(req), req.params.id, req.body.officerId, req.body.note)
      return { case: out.case }
    },
  )

  app.post(
    '/api/admin/cases/:id/status',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: "Move the status (the kind's allowed moves only); the citizen gets the template (+ message) in LINE",
        params: caseIdParamsSchema,
        body: statusBodySchema,
        response: { 200: caseChangeSchema, ...adminErrors },
      },
    },
    async (req) => cases.changeStatus(actingOfficer(req), req.params.id, req.body),
  )

  app.post(
    '/api/admin/cases/:id/notes',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: 'An internal note (never sent to the citizen)',
        params: caseIdParamsSchema,
        body: textBodySchema,
        response: { 200: z.object({ event: caseEventSchema }), ...adminErrors },
      },
    },
    async (req) => {
      const out = await cases.addNote(actingOfficer(req), req.params.id, req.body.body)
      return { event: out.event }
    },
  )

  app.post(
    '/api/admin/cases/:id/messages',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: 'A message to the citizen in LINE (reply while a token is fresh, else push)',
        params: caseIdParamsSchema,
        body: textBodySchema,
        response: { 200: z.object({ event: caseEventSchema }), ...adminErrors },
      },
    },
    async (req) => {
      const out = await cases.sendMessage(actingOfficer(req), req.params.id, req.body.body)
      return { event: out.event }
    },
  )
}

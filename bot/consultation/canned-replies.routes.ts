import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminErrors } from '../http/api-docs.js'
import { actingOfficer, casesTags as tags } from '../officers/acting.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { can, officerOf, requirePermission } from '../officers/permissions.js'
import type { CannedReplies } from './canned-replies.js'

const cannedReplySchema = z.object({
  id: z.uuid(),
  scope: z.enum(['station', 'personal']),
  title: z.string(),
  body: z.string().describe('placeholders {name} {ref} {officer} {station} are filled when sent'),
  position: z.number().int(),
})
const title = z.string().trim().min(1).max(100)
const body = z.string().trim().min(1).max(5000)
const position = z.number().int().min(0).max(10_000)
const idParams = z.object({ id: z.uuid() })

/** GET/POST /api/admin/canned-replies, PATCH/DELETE /api/admin/canned-replies/:id (the station's library needs consultations.settings). */
export const cannedReplyRoutes: FastifyPluginAsyncZod<{ cannedReplies: CannedReplies }> = async (
  app,
  { cannedReplies },
) => {
  const act = requirePermission('cases.act')
  const security = SESSION_SECURITY
  const actor = (req: Parameters<typeof actingOfficer>[0]) => ({
    ...actingOfficer(req),
    editsStation: can(officerOf(req).role, 'consultations.settings'),
  })

  app.get(
    '/api/admin/canned-replies',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: "Canned replies: the station's library, then the officer's own",
        response: { 200: z.object({ items: z.array(cannedReplySchema) }), ...adminErrors },
      },
    },
    async (req) => ({ items: await cannedReplies.list(actingOfficer(req)) }),
  )

  app.post(
    '/api/admin/canned-replies',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: "A canned reply: the officer's own, or the station's (permission consultations.settings)",
        body: z.strictObject({ scope: z.enum(['station', 'personal']), title, body, position: position.optional() }),
        response: { 201: cannedReplySchema, ...adminErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await cannedReplies.create(actor(req), req.body)),
  )

  app.patch(
    '/api/admin/canned-replies/:id',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: 'Change a canned reply (its own officer; the station library: consultations.settings)',
        params: idParams,
        body: z
          .strictObject({ title: title.optional(), body: body.optional(), position: position.optional() })
          .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' }),
        response: { 200: cannedReplySchema, ...adminErrors },
      },
    },
    async (req) => cannedReplies.update(actor(req), req.params.id, req.body),
  )

  app.delete(
    '/api/admin/canned-replies/:id',
    {
      onRequest: act,
      schema: {
        tags,
        security,
        summary: 'Delete a canned reply (its own officer; the station library: consultations.settings)',
        params: idParams,
        response: { 204: z.null(), ...adminErrors },
      },
    },
    async (req, reply) => {
      await cannedReplies.remove(actor(req), req.params.id)
      return reply.code(204).send(null)
    },
  )
}

import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import { citizenIdOf, requireLiffAuth } from '../http/liff-auth.js'
import type { IdTokenVerifier } from '../line/id-token.js'
import { listMyEmergencies } from './my-emergencies.js'

export type SosLiffRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
}

export const emergencySchema = z.object({
  id: z.uuid(),
  referenceNumber: z.string(),
  status: z.string(),
  statusTh: z.string(),
  statusEn: z.string(),
  ended: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})

/** The citizen's own SOS cases for "my reports" in the LIFF app (another citizen's are never listed). */
export const sosLiffRoutes: FastifyPluginAsyncZod<SosLiffRoutesOptions> = async (app, { db, citizens, verifier }) => {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, verifier)
  const r = app.withTypeProvider<ZodTypeProvider>()
  r.get(
    '/api/liff/my-emergencies',
    {
      schema: {
        tags: ['liff'],
        summary: "The citizen's SOS cases, newest first (number, status, when)",
        response: { 200: z.object({ items: z.array(emergencySchema) }) },
      },
    },
    async (req) => {
      const lineUserId = citizenIdOf(req)
      const name = req.liffIdentity?.name
      const items = await db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, lineUserId, name ? { displayName: name } : {})
        return listMyEmergencies(tx, citizen.id, 100)
      })
      return {
        items: items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), updatedAt: e.updatedAt.toISOString() })),
      }
    },
  )
}

import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { attachmentContent } from '../cases/attachment-content.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import { CONSULTATION_TOPICS } from '../contracts/consultations.js'
import { citizenIdOf } from '../http/liff-auth.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { listMyConsultations, myThread, ownFile } from './my-consultations.js'

const consultationSchema = z.object({
  id: z.uuid(),
  referenceNumber: z.string(),
  topic: z.enum(CONSULTATION_TOPICS),
  topicTh: z.string(),
  topicEn: z.string(),
  status: z.string(),
  statusTh: z.string(),
  statusEn: z.string(),
  ended: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
})
export const myConsultationsSchema = z.object({ items: z.array(consultationSchema) })
export const myThreadSchema = z.object({
  consultation: consultationSchema,
  messages: z.array(
    z.object({
      id: z.number(),
      from: z.enum(['citizen', 'officer']),
      officer: z.string().nullable(),
      text: z.string().nullable(),
      messageType: z.string(),
      at: z.iso.datetime(),
      files: z.array(
        z.object({ id: z.uuid(), contentType: z.string(), fileName: z.string().nullable(), size: z.number() }),
      ),
    }),
  ),
})

/** Images a browser shows inline; anything else is downloaded (never rendered from our origin). */
const INLINE = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp'])

/**
 * The citizen's own consultations in the LIFF app ("my reports", issue #12): the list, one thread read-only, and
 * its files. Everything is looked up by the verified ID token's citizen: someone else's consultation is a 404 like
 * one that does not exist. Registered inside consultationLiffRoutes (its ID-token check, rate limit, no-store).
 */
export const myConsultationsLiffRoutes: FastifyPluginAsyncZod<{
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  cipher: Pick<PiiCipher, 'decrypt' | 'decryptBytes'>
}> = async (app, { db, citizens, cipher }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['liff']
  const caseParams = z.object({ caseId: z.uuid() })

  r.get(
    '/api/liff/my-consultations',
    { schema: { tags, summary: 'My consultations, newest first', response: { 200: myConsultationsSchema } } },
    async (req) =>
      db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, citizenIdOf(req), {})
        return { items: await listMyConsultations(tx, citizen.id, 50) }
      }),
  )

  r.get(
    '/api/liff/my-consultations/:caseId',
    {
      schema: {
        tags,
        summary: "One of my consultations and its thread (read-only; officers' internal notes never)",
        params: caseParams,
        response: { 200: myThreadSchema },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, citizenIdOf(req), {})
        return myThread(tx, cipher, citizen.id, req.params.caseId)
      }),
  )

  r.get(
    '/api/liff/my-consultations/:caseId/files/:fileId',
    {
      schema: {
        tags,
        summary: 'A photo or file of my consultation (mine, or one an officer sent me)',
        params: caseParams.extend({ fileId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const file = await db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, citizenIdOf(req), {})
        return ownFile(tx, citizen.id, req.params.caseId, req.params.fileId)
      })
      const name = (file.fileName ?? 'file').replace(/[^\w.-]+/g, '_').slice(0, 100) || 'file'
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `${INLINE.has(file.contentType) ? 'inline' : 'attachment'}; filename="${name}"`)
        .header('x-content-type-options', 'nosniff')
        .send(attachmentContent(cipher, file))
    },
  )
}

import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import type { CitizensService } from '../../citizens/citizens.service.js'
import { VISIT_RESULTS } from '../../contracts/house-watch.js'
import { citizenIdOf, requireLiffAuth } from '../../http/liff-auth.js'
import { addRateLimit } from '../../http/rate-limit.js'
import type { IdTokenVerifier } from '../../line/id-token.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { endWatch, extendWatch, WatchNotRunningError } from '../lifecycle/end.js'
import { ownerWatch, ownerWatches, visitPhoto, watchVisits } from './watches.js'

export type HouseWatchOwnerRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
  cipher: Pick<PiiCipher, 'decryptBytes'>
  now?: () => Date
  rateLimit?: { max: number; timeWindowMs: number } | false
}

const watchSchema = z.object({
  caseId: z.uuid(),
  referenceNumber: z.string(),
  status: z.string(),
  statusTh: z.string(),
  statusEn: z.string(),
  running: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  notify: z.string(),
  visitCount: z.number().int(),
  lastVisitAt: z.string().nullable(),
})
const detailSchema = z.object({
  watch: watchSchema.extend({ extendUntil: z.string(), maxDays: z.number().int() }),
  visits: z.array(
    z.object({
      id: z.uuid(),
      at: z.string(),
      officer: z.string(),
      result: z.enum(VISIT_RESULTS),
      resultTh: z.string(),
      resultEn: z.string(),
      note: z.string().nullable(),
      hasPhoto: z.boolean(),
    }),
  ),
})
const params = z.object({ caseId: z.uuid() })

/**
 * The owner's side of a house watch in the citizen LIFF app (issue #13, points 6 and 7): their watches, one with its
 * visit log (times, officer, result, photos), "I'm home" and "extend". Only the citizen's own watches: any other ID
 * is a 404, the same as one that does not exist. Nothing personal is logged.
 */
export const houseWatchOwnerRoutes: FastifyPluginAsyncZod<HouseWatchOwnerRoutesOptions> = async (app, opts) => {
  const { db, citizens, cipher } = opts
  const clock = opts.now ?? (() => new Date())
  await addRateLimit(app, opts.rateLimit)
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, opts.verifier)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['liff']
  const citizenOf = (tx: Parameters<CitizensService['ensure']>[0], req: Parameters<typeof citizenIdOf>[0]) =>
    citizens.ensure(tx, citizenIdOf(req))

  r.get(
    '/api/liff/house-watch/mine',
    {
      schema: {
        tags,
        summary: "The citizen's house watches",
        response: { 200: z.object({ watches: z.array(watchSchema) }) },
      },
    },
    async (req) => db.transaction(async (tx) => ({ watches: await ownerWatches(tx, (await citizenOf(tx, req)).id) })),
  )

  const detail = (req: Parameters<typeof citizenIdOf>[0], caseId: string) =>
    db.transaction(async (tx) => {
      const citizen = await citizenOf(tx, req)
      const watch = await ownerWatch(tx, citizen.id, caseId, clock())
      return { watch, visits: await watchVisits(tx, caseId) }
    })

  r.get(
    '/api/liff/house-watch/:caseId',
    {
      schema: {
        tags,
        summary: "One of the citizen's watches with its visit log",
        params,
        response: { 200: detailSchema },
      },
    },
    async (req) => detail(req, req.params.caseId),
  )

  r.get(
    '/api/liff/house-watch/:caseId/visits/:visitId/photo',
    { schema: { tags, summary: "A visit's photo (the owner's only)", params: params.extend({ visitId: z.uuid() }) } },
    async (req, reply) => {
      const photo = await db.transaction(async (tx) => {
        const citizen = await citizenOf(tx, req)
        await ownerWatch(tx, citizen.id, req.params.caseId, clock())
        return visitPhoto(tx, cipher, req.params.caseId, req.params.visitId)
      })
      return reply
        .header('content-type', photo.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .send(photo.bytes)
    },
  )

  r.post(
    '/api/liff/house-watch/:caseId/end',
    { schema: { tags, summary: "I'm home: ends the watch", params, response: { 200: detailSchema } } },
    async (req) => {
      await db.transaction(async (tx) => {
        const citizen = await citizenOf(tx, req)
        const watch = await ownerWatch(tx, citizen.id, req.params.caseId, clock())
        const ended = watch.running
          ? await endWatch(tx, { caseId: watch.caseId, reason: 'returned', now: clock(), actorType: 'citizen' })
          : null
        if (!ended) {
          throw new WatchNotRunningError()
        }
      })
      return detail(req, req.params.caseId)
    },
  )

  r.post(
    '/api/liff/house-watch/:caseId/extend',
    {
      schema: {
        tags,
        summary: "Extends the watch by some days (at most the station's longest watch from today)",
        params,
        body: z.object({ days: z.number().int().min(1).max(366) }),
        response: { 200: detailSchema },
      },
    },
    async (req) => {
      await db.transaction(async (tx) => {
        const citizen = await citizenOf(tx, req)
        const watch = await ownerWatch(tx, citizen.id, req.params.caseId, clock())
        if (!watch.running) {
          throw new WatchNotRunningError()
        }
        const input = { caseId: watch.caseId, days: req.body.days, maxDays: watch.maxDays }
        await extendWatch(tx, { ...input, now: clock(), actorType: 'citizen' })
      })
      return detail(req, req.params.caseId)
    },
  )
}

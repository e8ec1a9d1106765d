import { validateSignature } from '@line/bot-sdk'
import type { FastifyPluginAsync } from 'fastify'
import { BadRequestError, UnauthorizedError, UnavailableError } from '../errors.js'
import { lineCallbackSchema } from '../line/events.schema.js'
import type { Metrics } from '../ops/metrics.js'
import type { Inbox } from './inbox.js'

export type WebhookRoutesOptions = {
  channelSecret: string
  inbox: Pick<Inbox, 'store' | 'dispatch'>
  metrics: Metrics
}

/** LINE's own limit is smaller; anything above 1 MB is not a LINE webhook. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024

/**
 * POST /webhook: signature over the raw bytes → parse → store every event in the inbox → 200. Enqueueing happens
 * after the answer, and nothing here calls LINE, so the 200 never waits on the LINE Platform.
 */
export const webhookRoutes: FastifyPluginAsync<WebhookRoutesOptions> = async (
  app,
  { channelSecret, inbox, metrics },
) => {
  // Scoped to this plugin: only here do we keep the raw bytes, because the signature covers them exactly.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  )

  app.addHook('onResponse', async (_req, reply) => {
    metrics.webhookRequests.inc({ status: String(reply.statusCode) })
    metrics.webhookDuration.observe(reply.elapsedTime / 1000)
  })

  app.post(
    '/webhook',
    { bodyLimit: WEBHOOK_BODY_LIMIT, schema: { hide: true }, logLevel: 'warn' },
    async (req, reply) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const signature = req.headers['x-line-signature']
      if (
        typeof signature !== 'string' ||
        signature.length === 0 ||
        !validateSignature(raw, channelSecret, signature)
      ) {
        throw new UnauthorizedError('invalid x-line-signature', 'ลายเซ็นไม่ถูกต้อง')
      }
      let json: unknown
      try {
        json = JSON.parse(raw.toString('utf8'))
      } catch {
        throw new BadRequestError('body is not JSON', 'ข้อมูลไม่ใช่ JSON')
      }
      const parsed = lineCallbackSchema.safeParse(json)
      if (!parsed.success) {
        throw new BadRequestError('not a LINE webhook body', 'รูปแบบข้อมูลไม่ถูกต้อง', parsed.error.issues.slice(0, 5))
      }
      if (parsed.data.events.length === 0) {
        return reply.status(200).send({ accepted: 0 }) // LINE's connection check
      }
      let stored: Awaited<ReturnType<typeof inbox.store>>
      try {
        stored = await inbox.store(parsed.data)
      } catch (err) {
        // Nothing is half-stored (one INSERT); LINE redelivers after a non-2xx when redelivery is on.
        req.log.error({ err: err instanceof Error ? err.message : err }, 'inbox unavailable')
        throw new UnavailableError('inbox unavailable, retry later')
      }
      for (const [i, s] of stored.entries()) {
        metrics.webhookEvents.inc({
          type: parsed.data.events[i]?.type ?? 'unknown',
          result: s.isNew ? 'new' : 'duplicate',
        })
      }
      reply.status(200).send({ accepted: stored.filter((s) => s.isNew).length })
      inbox.dispatch(stored)
      return reply
    },
  )
}

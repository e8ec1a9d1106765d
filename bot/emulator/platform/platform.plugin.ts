import { timingSafeEqual } from 'node:crypto'
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { newRequestId } from '../core/ids.js'
import { authFailed, defaultMessageFor, LineApiError } from '../spec/line-errors.js'
import type { Fault } from '../types.js'
import { channelRoutes } from './channel.routes.js'
import { sendFault, sleep, takeFault } from './faults.js'
import { insightRoutes } from './insight.routes.js'
import { messageRoutes } from './message.routes.js'
import { groupRoutes, profileRoutes } from './profile.routes.js'
import { checkRateLimit, simulateLatency } from './rate-limits.js'
import { checkRetryKey, releaseRetryKey, validateBody } from './request-checks.js'
import { richMenuRoutes } from './richmenu.routes.js'
import { richMenuLinkRoutes } from './richmenu-link.routes.js'

// LINE rejects bodies over 2 MB with 413.
const BODY_LIMIT = 2 * 1024 * 1024

const afterAcceptFaults = new WeakMap<FastifyRequest, Fault>()

/**
 * The fake Messaging API, registered with prefix /v2/bot (the same host also serves the api-data paths).
 * Routes carry no Fastify schema on purpose: the host app may install another validator compiler (zod), and LINE's
 * error shape differs from Fastify's, so bodies are checked against LINE's own OpenAPI spec in a preHandler.
 */
export function platformPlugin(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    installParsers(app)
    app.addHook('onRoute', (route) => {
      route.bodyLimit ??= BODY_LIMIT
    })
    app.addHook('onRequest', async (req, reply) => {
      reply.header('x-line-request-id', newRequestId())
      if (!hasValidToken(req.headers.authorization, ctx.opts.channelAccessToken)) {
        throw authFailed()
      }
      const fault = takeFault(ctx.state, req.method, pathOf(req))
      if (fault?.delayMs) {
        await sleep(fault.delayMs)
      }
      if (fault?.afterAccept) {
        afterAcceptFaults.set(req, fault)
      } else if (fault && fault.status >= 300) {
        return sendFault(reply, fault)
      }
      // A 2xx fault only delays: the request then goes on as normal (a slow LINE).
      await simulateLatency(ctx)
      checkRateLimit(ctx, req.method, pathOf(req))
    })
    app.addHook('preHandler', async (req, reply) => {
      checkRetryKey(ctx, req, reply)
      validateBody(req)
    })
    app.addHook('onSend', async (req, reply, payload) => {
      const fault = afterAcceptFaults.get(req)
      if (fault && reply.statusCode < 300) {
        reply.code(fault.status).headers(fault.headers ?? {})
        return JSON.stringify(fault.body ?? { message: defaultMessageFor(fault.status) })
      }
      return payload
    })
    app.addHook('onResponse', async (req, reply) => {
      releaseRetryKey(ctx, req, reply)
      const { apiCalls, settings } = ctx.state
      const retryKey = req.headers['x-line-retry-key']
      apiCalls.push({
        at: ctx.now(),
        method: req.method,
        path: pathOf(req),
        status: reply.statusCode,
        requestId: String(reply.getHeader('x-line-request-id') ?? ''),
        ...(typeof retryKey === 'string' ? { retryKey } : {}),
        ...(req.body !== undefined && !Buffer.isBuffer(req.body) ? { body: req.body } : {}),
      })
      if (apiCalls.length > settings.apiCallLogLimit) {
        apiCalls.splice(0, apiCalls.length - settings.apiCallLogLimit)
      }
    })
    app.setErrorHandler((err: FastifyError | LineApiError, req, reply) => sendError(ctx, req, reply, err))
    app.setNotFoundHandler((_req, reply) => {
      reply.code(404).send({ message: 'Not found' })
    })

    messageRoutes(app, ctx)
    profileRoutes(app, ctx)
    groupRoutes(app, ctx)
    richMenuRoutes(app, ctx)
    richMenuLinkRoutes(app, ctx)
    channelRoutes(app, ctx)
    insightRoutes(app, ctx)
  }
}

function installParsers(app: FastifyInstance): void {
  // Our own JSON parser: LINE answers unparsable JSON in its own shape, and an empty body is not an error here.
  app.removeContentTypeParser(['application/json'])
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => {
    const raw = body as Buffer
    if (raw.length === 0) {
      done(null, undefined)
      return
    }
    try {
      done(null, JSON.parse(raw.toString('utf8')))
    } catch {
      done(new LineApiError(400, 'The request body could not be parsed as JSON'), undefined)
    }
  })
  app.addContentTypeParser(['image/png', 'image/jpeg'], { parseAs: 'buffer' }, (_req, body, done) => {
    done(null, body)
  })
}

export function pathOf(req: FastifyRequest): string {
  return req.url.split('?')[0] ?? req.url
}

function hasValidToken(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`)
  const given = Buffer.from(header ?? '')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function sendError(ctx: EmulatorContext, req: FastifyRequest, reply: FastifyReply, err: FastifyError | LineApiError) {
  if (err instanceof LineApiError) {
    return reply.code(err.statusCode).headers(err.headers).send(err.body)
  }
  const status = typeof err.statusCode === 'number' && err.statusCode >= 400 ? err.statusCode : 500
  if (status >= 500) {
    ctx.log.warn({ err, path: pathOf(req) }, 'line emulator: internal error')
  }
  return reply.code(status).send({ message: defaultMessageFor(status) })
}

/**
 * The officers' API, /api/admin/*: one encapsulated scope holding every officer route behind the session check.
 * Routes join it through `routes` (bot/app.ts lists them, each with its finished services): each is registered
 * inside this scope, after the session hook, so `req.officer` is set for a valid session and
 * `requirePermission('cases.read')` (permissions.ts) guards the route. Routes keep their full paths
 * (`/api/admin/cases`, no prefix is added), like every route in bot/http/admin-api.md.
 */
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import type { FastifyPluginAsync } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/client.js'
import { AppError } from '../errors.js'
import { requireSameOriginWrites } from '../http/same-origin.js'
import { bearerTokenOf } from './bearer.js'
import { registerAdminSession, sessionTokenOf } from './session.hook.js'
import type { Sessions } from './session.service.js'

export type AdminScopeOptions = {
  db: Db
  sessions: Sessions
  /** Whether the session cookie is `Secure` (PUBLIC_BASE_URL is https). */
  secureCookie: boolean
  /** PUBLIC_BASE_URL's origin: state-changing requests must come from it (or the address they were sent to). */
  publicOrigin: string
  /** The officer routes, registered inside the session scope. */
  routes: FastifyPluginAsync[]
  /** Sign-in and access requests, per client IP; false turns it off. */
  rateLimit?: { max: number; timeWindowMs: number } | false
}

export const adminScope: FastifyPluginAsyncZod<AdminScopeOptions> = async (app, opts) => {
  const { db, sessions, secureCookie } = opts
  if (!app.hasReplyDecorator('setCookie')) {
    await app.register(cookie)
  }
  if (opts.rateLimit !== false && !app.hasDecorator('rateLimit')) {
    const { max, timeWindowMs } = opts.rateLimit ?? { max: 60, timeWindowMs: 60_000 }
    // Only routes with `config: { rateLimit: {} }`: the two that take a LINE ID token and write on failure.
    await app.register(rateLimit, {
      global: false,
      max,
      timeWindow: timeWindowMs,
      keyGenerator: (req) => req.ip,
      errorResponseBuilder: (_req, ctx) =>
        new AppError('rate_limited', 429, `Too many attempts. Try again in ${ctx.after}.`, 'พยายามบ่อยเกินไป กรุณารอสักครู่'),
    })
  }
  // Officers' data: never kept by the LINE in-app browser, a proxy or a shared computer's cache.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  // Before the session lookup: a forged cross-site write is refused without touching the database. Only the cookie
  // is sent by a browser on its own; a request without it has nothing to forge, and an `Authorization: Session` or
  // `Bearer` header can only be set by a page of ours (another site's script would need CORS, which we never grant).
  requireSameOriginWrites(app, {
    publicOrigin: opts.publicOrigin,
    exempt: (req) => sessionTokenOf(req)?.from !== 'cookie' || bearerTokenOf(req) !== undefined,
  })
  registerAdminSession(app, { db, sessions, secureCookie })
  for (const routes of opts.routes) {
    await app.register(routes)
  }
}

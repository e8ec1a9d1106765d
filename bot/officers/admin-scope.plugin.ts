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
import { registerAdminSession } from './session.hook.js'
import type { Sessions } from './session.service.js'

export type AdminScopeOptions = {
  db: Db
  sessions: Sessions
  /** Whether the session cookie is `Secure` (PUBLIC_BASE_URL is https). */
  secureCookie: boolean
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
  registerAdminSession(app, { db, sessions, secureCookie })
  for (const routes of opts.routes) {
    await app.register(routes)
  }
}

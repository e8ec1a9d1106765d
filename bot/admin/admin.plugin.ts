/**
 * The officers' API, /api/admin/*: one encapsulated plugin holding every officer route behind the session check.
 *
 * How other officer routes join it (the case inbox, dashboard...): pass them in `routes`. Each is registered
 * inside this plugin, after the session hook, so `req.officer` is set for a valid session and
 * `requirePermission('cases.read')` (bot/admin/permissions.ts) guards the route. Routes keep their full paths
 * (`/api/admin/cases`, no prefix is added), like every route in API.md:
 *
 *   await app.register(adminPlugin, { ...deps, routes: [async (scope) => scope.register(casesRoutes, casesOpts)] })
 *
 * Audit and templates for those routes: `createAuditLog(db)` (audit/audit.service.ts) and `createTemplates()`
 * (templates/templates.service.ts); both write through the caller's transaction.
 */
import cookie from '@fastify/cookie'
import rateLimit from '@fastify/rate-limit'
import type { FastifyPluginAsync } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/client.js'
import type { IdTokenVerifier } from '../auth/id-token.js'
import type { Config } from '../config.js'
import { AppError } from '../errors.js'
import { auditRoutes } from './audit/audit.routes.js'
import { createAuditLog } from './audit/audit.service.js'
import { authRoutes } from './auth/auth.routes.js'
import { registerAdminSession } from './auth/session.hook.js'
import { createSessions } from './auth/session.service.js'
import { createGroupNameLookup, type GroupNameLookup } from './groups/group-names.js'
import { groupsRoutes } from './groups/groups.routes.js'
import { createGroups } from './groups/groups.service.js'
import { createAccessRequests } from './officers/access-requests.service.js'
import { officersRoutes } from './officers/officers.routes.js'
import { createOfficers } from './officers/officers.service.js'
import { stationRoutes } from './station/station.routes.js'
import { createStationInfo } from './station/station.service.js'
import { templatesRoutes } from './templates/templates.routes.js'
import { createTemplates } from './templates/templates.service.js'

export type AdminPluginOptions = {
  db: Db
  verifier: IdTokenVerifier
  config: { publicBaseUrl: Config['publicBaseUrl']; line: Pick<Config['line'], 'channelAccessToken' | 'apiBaseUrl'> }
  /** More officer routes, registered inside the session scope (see the top of this file). */
  routes?: FastifyPluginAsync[]
  /** Sign-in and access requests, per client IP; false turns it off. */
  rateLimit?: { max: number; timeWindowMs: number } | false
  /** Group names from LINE (defaults to the Messaging API at LINE_API_BASE_URL). */
  groupName?: GroupNameLookup
}

export const adminPlugin: FastifyPluginAsyncZod<AdminPluginOptions> = async (app, opts) => {
  const { db } = opts
  const secureCookie = !opts.config.publicBaseUrl.startsWith('http://')
  const sessions = createSessions()
  const audit = createAuditLog(db)
  const officers = createOfficers({ sessions })
  const accessRequests = createAccessRequests({ officers })

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

  await app.register(authRoutes, {
    db,
    verifier: opts.verifier,
    sessions,
    officers,
    accessRequests,
    audit,
    secureCookie,
  })
  await app.register(officersRoutes, { db, verifier: opts.verifier, officers, accessRequests, audit })
  await app.register(auditRoutes, { db, audit })
  await app.register(templatesRoutes, { db, templates: createTemplates(), audit })
  await app.register(stationRoutes, { db, stationInfo: createStationInfo(), audit })
  const groupName =
    opts.groupName ??
    createGroupNameLookup({
      channelAccessToken: opts.config.line.channelAccessToken,
      apiBaseUrl: opts.config.line.apiBaseUrl,
    })
  await app.register(groupsRoutes, { db, groups: createGroups({ groupName }), audit })
  for (const routes of opts.routes ?? []) {
    await app.register(routes)
  }
}

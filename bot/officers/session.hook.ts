import { fastifyCookie } from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify'
import type { Db } from '../../db/client.js'
import { UnauthorizedError } from '../errors.js'
import type { Sessions } from './session.service.js'

export const SESSION_COOKIE = 'rsz_admin'
/** The cookie only travels to the officers' API. */
export const SESSION_COOKIE_PATH = '/api/admin'
const SESSION_HEADER = /^Session[ \t]+(\S+)[ \t]*$/i

export type AdminSessionOptions = {
  db: Db
  sessions: Pick<Sessions, 'resolve'>
  /** Secure cookies unless the public URL is plain http (local runs). */
  secureCookie: boolean
}

/** `Authorization: Session <token>` (API clients) wins over the `rsz_admin` cookie (the admin page). */
export function sessionTokenOf(req: FastifyRequest): { token: string; from: 'header' | 'cookie' } | undefined {
  const header = req.headers.authorization
  const match = typeof header === 'string' ? SESSION_HEADER.exec(header) : null
  if (match?.[1]) {
    return { token: match[1], from: 'header' }
  }
  // Outside the /api/admin scope (the API docs) @fastify/cookie has not parsed the header.
  const cookies = req.cookies ?? (req.headers.cookie ? fastifyCookie.parse(req.headers.cookie) : {})
  const cookie = cookies[SESSION_COOKIE]
  return cookie ? { token: cookie, from: 'cookie' } : undefined
}

/** Whether the request carries a live officer session, for a route outside the /api/admin scope (the API docs). */
export async function hasOfficerSession(req: FastifyRequest, opts: Pick<AdminSessionOptions, 'db' | 'sessions'>) {
  const presented = sessionTokenOf(req)
  return presented ? Boolean(await opts.sessions.resolve(opts.db, presented.token)) : false
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: SESSION_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    expires: expiresAt,
  })
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure })
}

/**
 * Adds the session check to a scope (the /api/admin plugin): on every request the session token, if any, is looked
 * up in the database with its officer; a valid one sets `req.officer`. It never rejects by itself: routes say what
 * they need with `requirePermission(...)` or `requireOfficer()`, so sign-in and access requests still work with a
 * stale cookie. Needs @fastify/cookie registered on the scope (or above) first.
 */
export function registerAdminSession(scope: FastifyInstance, opts: AdminSessionOptions): void {
  if (!scope.hasRequestDecorator('officer')) {
    scope.decorateRequest('officer', undefined)
  }
  scope.addHook('onRequest', async (req, reply) => {
    const presented = sessionTokenOf(req)
    if (!presented) {
      return
    }
    const found = await opts.sessions.resolve(opts.db, presented.token)
    if (!found) {
      if (presented.from === 'cookie') {
        clearSessionCookie(reply, opts.secureCookie) // a dead cookie is not sent again
      }
      return
    }
    req.officer = found.principal
    if (found.slid && presented.from === 'cookie') {
      setSessionCookie(reply, presented.token, found.expiresAt, opts.secureCookie)
    }
  })
}

/** preHandler for routes any signed-in officer may use (sign-out, /me): 401 without a valid session. */
export function requireOfficer(): onRequestAsyncHookHandler {
  return async (req) => {
    if (!req.officer) {
      throw new UnauthorizedError('officer session required', 'กรุณาเข้าสู่ระบบเจ้าหน้าที่')
    }
  }
}

import { eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { stations } from '../../db/schema/index.js'
import { AppError, UnauthorizedError } from '../errors.js'
import { adminErrors } from '../http/api-docs.js'
import type { IdTokenVerifier } from '../line/id-token.js'
import type { AccessRequests } from './access-requests.service.js'
import { type Audit, auditFrom } from './audit-port.js'
import { bearerTokenOf, SESSION_SECURITY } from './bearer.js'
import { officerSchema, toOfficerDto } from './officers.schema.js'
import type { Officers } from './officers.service.js'
import { can, officerOf, PERMISSIONS, type Permission } from './permissions.js'
import { clearSessionCookie, requireOfficer, setSessionCookie } from './session.hook.js'
import type { Sessions } from './session.service.js'

export type AuthRoutesOptions = {
  db: Db
  verifier: IdTokenVerifier
  sessions: Sessions
  officers: Officers
  accessRequests: Pick<AccessRequests, 'pendingOf'>
  audit: Audit
  secureCookie: boolean
}

/** 403 for a verified LINE user who is not (or no longer) an officer; the page offers an access request. */
export class NotAnOfficerError extends AppError {
  constructor(details: { canRequestAccess: boolean; pendingRequest: boolean }, disabled = false) {
    super(
      disabled ? 'officer_disabled' : 'not_an_officer',
      403,
      disabled ? 'your officer account is disabled' : 'this LINE account is not an officer of the station',
      disabled ? 'บัญชีเจ้าหน้าที่ของท่านถูกปิดการใช้งาน' : 'บัญชี LINE นี้ยังไม่ได้รับสิทธิ์เจ้าหน้าที่',
      details,
    )
  }
}

const sessionQuery = z.object({
  /** API clients that use `Authorization: Session <token>` ask for the token in the body; the page uses the cookie. */
  returnToken: z.enum(['true', 'false']).optional(),
})
const sessionResponse = z.object({
  officer: officerSchema,
  expiresAt: z.iso.datetime(),
  token: z.string().optional(),
})
const meResponse = z.object({
  officer: officerSchema,
  permissions: z.array(z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]])),
  station: z.object({ id: z.uuid(), code: z.string(), nameTh: z.string(), nameEn: z.string() }),
})

/** Sign-in (LINE ID token → our session), sign-out, and who am I. */
export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, opts) => {
  const { db, sessions, officers, audit } = opts

  app.post(
    '/api/admin/auth/session',
    {
      config: { rateLimit: {} },
      schema: {
        tags: ['admin-auth'],
        summary: 'Sign in with a LINE ID token (Authorization: Bearer); sets the rsz_admin cookie',
        security: [{ lineIdToken: [] }],
        querystring: sessionQuery,
        response: { 200: sessionResponse, ...adminErrors, 503: adminErrors[400] },
      },
    },
    async (req, reply) => {
      const who = auditFrom(req)
      const idToken = bearerTokenOf(req)
      let identity: Awaited<ReturnType<IdTokenVerifier['verify']>>
      try {
        if (!idToken) {
          throw new UnauthorizedError('send Authorization: Bearer <LINE ID token>', 'กรุณาเข้าสู่ระบบด้วย LINE')
        }
        identity = await opts.verifier.verify(idToken)
      } catch (err) {
        if (err instanceof UnauthorizedError) {
          const reason = idToken ? 'invalid_token' : 'no_token'
          await audit.record(db, { ...who, actor: 'anonymous', action: 'auth.sign_in_failed', details: { reason } })
        }
        throw err
      }
      const { lineUserId } = identity
      const outcome = await db.transaction(async (tx) => {
        const officer = await officers.findByLineUserId(tx, lineUserId)
        if (!officer?.active) {
          const pendingRequest = officer ? false : Boolean(await opts.accessRequests.pendingOf(tx, lineUserId))
          await audit.record(tx, {
            ...who,
            actor: 'line_user',
            action: 'auth.sign_in_failed',
            stationId: officer?.stationId ?? null,
            entityType: officer ? 'officer' : 'line_user',
            entityId: officer?.id ?? lineUserId,
            details: { reason: officer ? 'officer_disabled' : 'not_an_officer' },
          })
          return { ok: false as const, disabled: Boolean(officer), pendingRequest }
        }
        let current = officer
        if (identity.name && identity.name !== officer.displayName) {
          await officers.setDisplayName(tx, officer.id, identity.name) // keep the LINE name the officer uses now
          current = { ...officer, displayName: identity.name }
        }
        const session = await sessions.issue(tx, officer.id, { ip: who.ip, userAgent: who.userAgent })
        await audit.record(tx, {
          ...who,
          officer: { officerId: officer.id, stationId: officer.stationId },
          actor: 'officer',
          action: 'auth.sign_in',
          entityType: 'officer_session',
          entityId: session.sessionId,
        })
        return { ok: true as const, officer: current, session }
      })
      if (!outcome.ok) {
        throw new NotAnOfficerError(
          { canRequestAccess: !outcome.disabled, pendingRequest: outcome.pendingRequest },
          outcome.disabled,
        )
      }
      setSessionCookie(reply, outcome.session.token, outcome.session.expiresAt, opts.secureCookie)
      return {
        officer: toOfficerDto(outcome.officer),
        expiresAt: outcome.session.expiresAt.toISOString(),
        ...(req.query.returnToken === 'true' ? { token: outcome.session.token } : {}),
      }
    },
  )

  app.delete(
    '/api/admin/auth/session',
    {
      onRequest: requireOfficer(),
      schema: {
        tags: ['admin-auth'],
        summary: 'Sign out (revokes this session)',
        security: SESSION_SECURITY,
        response: { 204: z.null(), ...adminErrors },
      },
    },
    async (req, reply) => {
      const me = officerOf(req)
      await db.transaction(async (tx) => {
        await sessions.revoke(tx, me.sessionId)
        await audit.record(tx, {
          ...auditFrom(req),
          action: 'auth.sign_out',
          entityType: 'officer_session',
          entityId: me.sessionId,
        })
      })
      clearSessionCookie(reply, opts.secureCookie)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/admin/me',
    {
      onRequest: requireOfficer(),
      schema: {
        tags: ['admin-auth'],
        summary: 'The signed-in officer, their permissions and station',
        security: SESSION_SECURITY,
        response: { 200: meResponse, ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const { officer, station } = await db.transaction(async (tx) => {
        const officer = await officers.findInStation(tx, me.stationId, me.officerId)
        const [station] = await tx.select().from(stations).where(eq(stations.id, me.stationId)).limit(1)
        return { officer, station }
      })
      if (!station) {
        throw new Error('officer without a station')
      }
      const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(me.role, p))
      return {
        officer: toOfficerDto(officer),
        permissions,
        station: { id: station.id, code: station.code, nameTh: station.nameTh, nameEn: station.nameEn },
      }
    },
  )
}

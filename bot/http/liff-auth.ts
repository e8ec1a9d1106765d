import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { UnauthorizedError } from '../errors.js'
import type { IdTokenVerifier, VerifiedIdToken } from '../line/id-token.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The LINE user ID (`sub`) of a verified LIFF ID token; set by the LIFF auth hook, never read from the client. */
    citizenUserId?: string
    /** The verified token's profile claims (name, picture) and expiry. */
    liffIdentity?: VerifiedIdToken
  }
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i

function missingToken(): UnauthorizedError {
  return new UnauthorizedError(
    'Please sign in with LINE (send Authorization: Bearer <LINE ID token>).',
    'กรุณาเข้าสู่ระบบด้วย LINE (ไม่พบโทเคนยืนยันตัวตน)',
  )
}

/**
 * An onRequest hook for every route of a plugin scope: `Authorization: Bearer <LINE ID token>` → verified → the
 * request carries `citizenUserId`. It runs before the body is parsed, so nobody unauthenticated makes us parse one.
 */
export function createLiffAuthHook(verifier: IdTokenVerifier) {
  return async function liffAuth(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = req.headers.authorization
    const match = typeof header === 'string' ? BEARER.exec(header) : null
    const token = match?.[1]
    if (!token) {
      reply.header('www-authenticate', 'Bearer')
      throw missingToken()
    }
    try {
      const identity = await verifier.verify(token)
      req.citizenUserId = identity.lineUserId
      req.liffIdentity = identity
    } catch (err) {
      if (err instanceof UnauthorizedError) {
        reply.header('www-authenticate', 'Bearer error="invalid_token"')
      }
      throw err
    }
  }
}

/** Registers the hook on a scope (call it inside the encapsulated plugin that holds the citizen routes). */
export function requireLiffAuth(app: FastifyInstance, verifier: IdTokenVerifier): void {
  if (!app.hasRequestDecorator('citizenUserId')) {
    app.decorateRequest('citizenUserId', undefined)
    app.decorateRequest('liffIdentity', undefined)
  }
  app.addHook('onRequest', createLiffAuthHook(verifier))
}

/** The authenticated citizen of this request; a route outside the auth scope gets a 401, not an undefined ID. */
export function citizenIdOf(req: FastifyRequest): string {
  if (!req.citizenUserId) {
    throw missingToken()
  }
  return req.citizenUserId
}

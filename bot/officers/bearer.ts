import type { FastifyRequest } from 'fastify'

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i

/** The LINE ID token of `Authorization: Bearer <token>`, for the two routes that take one (sign-in, access request). */
export function bearerTokenOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization
  const match = typeof header === 'string' ? BEARER.exec(header) : null
  return match?.[1]
}

/** OpenAPI `security` of routes that need an officer session. */
export const SESSION_SECURITY: Record<string, string[]>[] = [{ sessionCookie: [] }, { sessionHeader: [] }]

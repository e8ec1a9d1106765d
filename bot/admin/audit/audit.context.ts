import type { FastifyRequest } from 'fastify'
import type { AuditEntryInput } from './audit.service.js'

/** Who and from where, for an audit entry written by an officer route: the officer, the client IP and browser. */
export function auditFrom(req: FastifyRequest): Pick<AuditEntryInput, 'officer' | 'actor' | 'ip' | 'userAgent'> {
  const ua = req.headers['user-agent']
  return {
    ...(req.officer ? { officer: req.officer, actor: 'officer' } : { actor: 'line_user' }),
    ip: req.ip,
    ...(typeof ua === 'string' ? { userAgent: ua } : {}),
  }
}

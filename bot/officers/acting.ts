import type { FastifyRequest } from 'fastify'
import type { ActingOfficer } from './audit-port.js'
import { officerOf } from './permissions.js'

/** The signed-in officer (from the session, never from the request body) and where the request came from. */
export function actingOfficer(req: FastifyRequest): ActingOfficer {
  const o = officerOf(req)
  const ua = req.headers['user-agent']
  return {
    officerId: o.officerId,
    stationId: o.stationId,
    displayName: o.displayName,
    ip: req.ip,
    userAgent: typeof ua === 'string' ? ua : undefined,
  }
}

export const casesTags = ['admin-cases']

import type { onRequestAsyncHookHandler } from 'fastify'
import { type OfficerRole, PERMISSIONS, type Permission } from '../contracts/officers.js'
import { AppError, UnauthorizedError } from '../errors.js'

/** The signed-in officer, set on the request by the session plugin after checking the session and `active`. */
export type OfficerPrincipal = {
  officerId: string
  stationId: string
  role: OfficerRole
  lineUserId: string
  displayName: string
  sessionId: string
}

declare module 'fastify' {
  interface FastifyRequest {
    officer?: OfficerPrincipal
  }
}

/** Who may do what (the matrix is shared with the officers' app: bot/contracts/officers.ts). */
export { PERMISSIONS, type Permission }

export function can(role: OfficerRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly OfficerRole[]).includes(role)
}

export class ForbiddenError extends AppError {
  constructor(permission: Permission) {
    super('forbidden', 403, `your role may not ${permission}`, 'สิทธิ์ของท่านไม่สามารถทำรายการนี้ได้')
  }
}

/** onRequest hook for an officer route (before the body is read or validated): 401 without a valid session, 403 without the permission. */
export function requirePermission(permission: Permission): onRequestAsyncHookHandler {
  return async (req) => {
    if (!req.officer) {
      throw new UnauthorizedError('officer session required', 'กรุณาเข้าสู่ระบบเจ้าหน้าที่')
    }
    if (!can(req.officer.role, permission)) {
      throw new ForbiddenError(permission)
    }
  }
}

/** The principal of a route guarded by requirePermission (never undefined there). */
export function officerOf(req: { officer?: OfficerPrincipal }): OfficerPrincipal {
  if (!req.officer) {
    throw new UnauthorizedError('officer session required', 'กรุณาเข้าสู่ระบบเจ้าหน้าที่')
  }
  return req.officer
}

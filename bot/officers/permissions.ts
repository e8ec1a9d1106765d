import type { onRequestAsyncHookHandler } from 'fastify'
import type { OfficerRole } from '../../db/schema/index.js'
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

const ALL: readonly OfficerRole[] = ['admin', 'supervisor', 'duty_officer', 'legal_advisor', 'patrol_officer', 'viewer']

/** Who may do what. Every officer route names one permission; the server checks it on every request. */
export const PERMISSIONS = {
  'cases.read': ALL,
  'cases.act': ['admin', 'supervisor', 'duty_officer', 'legal_advisor'],
  'cases.reveal_pii': ['admin', 'supervisor', 'duty_officer'],
  'dashboard.read': ['admin', 'supervisor', 'duty_officer', 'viewer'],
  'audit.read': ['admin', 'supervisor'],
  'officers.manage': ['admin'],
  'templates.edit': ['admin'],
  'document_types.edit': ['admin', 'supervisor'],
  'station.edit': ['admin'],
  'groups.bind': ['admin'],
  /** Citizens' PDPA requests: see the queue, erase a citizen's data or refuse on a legal ground. */
  'privacy.requests': ['admin', 'supervisor'],
} as const satisfies Record<string, readonly OfficerRole[]>
export type Permission = keyof typeof PERMISSIONS

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

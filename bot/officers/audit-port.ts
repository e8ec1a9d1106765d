import type { FastifyRequest } from 'fastify'
import type { Db, Tx } from '../../db/client.js'

/**
 * What every officer action writes to the audit log, and the port through which it writes. The log itself
 * (storage, the viewer, CSV) is bot/audit, which implements this port; domains depend on the port only, so the
 * audit log can depend on the officers' permissions without a cycle.
 *
 * `actor` says who when there is no officer: 'system', 'cli', 'line_user' (a sign-in attempt by someone who is not an
 * officer). Actions are dotted verbs: 'auth.sign_in', 'officer.update', 'case.view', 'case.reveal', ... `details`
 * never carries a full ID number, a message text, a token or a secret.
 */
export type AuditEntryInput = {
  officer?: { officerId: string; stationId: string } | undefined
  /** Defaults to 'officer' when `officer` is set, else 'system'. */
  actor?: string
  action: string
  /** Defaults to the officer's station. */
  stationId?: string | null | undefined
  entityType?: string | undefined
  entityId?: string | undefined
  ip?: string | undefined
  userAgent?: string | undefined
  details?: Record<string, unknown> | undefined
}

/** A write in the caller's transaction (or the db), so an action and its audit line commit or roll back together. */
export type Audit = { record(exec: Db | Tx, entry: AuditEntryInput): Promise<void> }

/** The officer acting through the admin API (from the session, never the client). */
export type ActingOfficer = {
  officerId: string
  stationId: string
  displayName: string
  ip?: string | undefined
  userAgent?: string | undefined
}

/** The audit fields every officer action on a case shares. */
export function byOfficer(who: ActingOfficer, action: string, caseId: string, details?: Record<string, unknown>) {
  return {
    officer: { officerId: who.officerId, stationId: who.stationId },
    actor: 'officer',
    action,
    entityType: 'case',
    entityId: caseId,
    ip: who.ip,
    userAgent: who.userAgent?.slice(0, 300),
    details,
  } satisfies AuditEntryInput
}

/** Who and from where, for an audit entry written by an officer route: the officer, the client IP and browser. */
export function auditFrom(req: FastifyRequest): Pick<AuditEntryInput, 'officer' | 'actor' | 'ip' | 'userAgent'> {
  const ua = req.headers['user-agent']
  return {
    ...(req.officer ? { officer: req.officer, actor: 'officer' } : { actor: 'line_user' }),
    ip: req.ip,
    ...(typeof ua === 'string' ? { userAgent: ua } : {}),
  }
}

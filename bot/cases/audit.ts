import type { Tx } from '../../db/client.js'

/**
 * One audit-log line: who, what, on what, from where. `details` never carries a full ID number, a message text or a
 * secret. Structurally the same as bot/admin/audit's AuditEntryInput, so its `createAuditLog(db)` is an `Audit`.
 */
export type AuditEntry = {
  officer?: { officerId: string; stationId: string } | undefined
  /** 'officer' when `officer` is set, else 'system'. */
  actor?: string
  /** e.g. 'case.view', 'case.reveal', 'case.assign', 'case.status', 'case.note', 'case.message'. */
  action: string
  /** Defaults to the officer's station. */
  stationId?: string | null | undefined
  entityType?: string | undefined
  entityId?: string | undefined
  ip?: string | undefined
  userAgent?: string | undefined
  details?: Record<string, unknown> | undefined
}

/**
 * What the cases service needs of the audit log: a write in the caller's transaction, so an action and its audit
 * line commit (or roll back) together. bot/admin/audit's `createAuditLog(db)` satisfies it.
 */
export type Audit = { record(tx: Tx, entry: AuditEntry): Promise<void> }

/** The officer acting through the admin API, as the cases service sees them (from the session, never the client). */
export type ActingOfficer = {
  officerId: string
  stationId: string
  displayName: string
  ip?: string | undefined
  userAgent?: string | undefined
}

/** The audit fields every officer action shares. */
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
  } satisfies AuditEntry
}

import type { ActingOfficer, AuditEntryInput } from '../../officers/audit-port.js'
import { byOfficer } from '../../officers/audit-port.js'

/** An officer's read of patrol data (byOfficer's fields, on a patrol entity rather than a case). */
export function patrolAudit(
  who: ActingOfficer,
  action: string,
  entityType: string,
  entityId: string,
  details: Record<string, unknown>,
): AuditEntryInput {
  return { ...byOfficer(who, action, entityId, details), entityType }
}

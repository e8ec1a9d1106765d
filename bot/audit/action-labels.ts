import { AUDIT_ACTION_LABELS } from '../contracts/audit.js'

export { AUDIT_ACTION_LABELS }

export function auditActionLabel(action: string): { th: string; en: string } | null {
  return AUDIT_ACTION_LABELS[action] ?? null
}

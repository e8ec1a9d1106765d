import type { Deps } from '../../deps.js'
import { createAuditLog } from '../audit/audit.service.js'
import { createStatusMessage } from '../templates/templates.service.js'
import type { CasesAdminRoutesOptions } from './index.js'

/**
 * casesAdminRoutes' options from the composition root: the audit log and the station's message templates of the
 * admin side, the job bus for deliveries, LINE for the quota. `extra` adds kind-specific PII providers and the like.
 */
export function casesAdminOptions(
  deps: Pick<Deps, 'dbHandle' | 'db' | 'bus' | 'line' | 'logger' | 'config'>,
  extra: Partial<CasesAdminRoutesOptions> = {},
): CasesAdminRoutesOptions {
  return {
    dbHandle: deps.dbHandle,
    enqueue: deps.bus.enqueue,
    line: deps.line,
    logger: deps.logger,
    piiEncryptionKey: deps.config.piiEncryptionKey,
    audit: createAuditLog(deps.db),
    statusMessage: createStatusMessage(),
    ...extra,
  }
}

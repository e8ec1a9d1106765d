import { createAuditLog } from '../audit/audit.service.js'
import { createAccessRequests } from '../officers/access-requests.service.js'
import { createAdminGrant } from '../officers/admin-grant.js'
import { bootstrapAdmins } from '../officers/bootstrap.js'
import { createOfficers } from '../officers/officers.service.js'
import { createSessions } from '../officers/session.service.js'
import type { Infra } from './infra.js'
import type { Wire } from './wire.js'

/** Officers (sessions, officer management, access requests) and the audit log every domain writes to. */
export async function composeOfficers({ config, db, logger }: Infra, wire: Wire) {
  const audit = wire(createAuditLog, { db })
  const sessions = wire(createSessions, {})
  const officers = wire(createOfficers, { sessions })
  const accessRequests = wire(createAccessRequests, { officers, adminLiffId: config.line.liffIdAdmin })
  const adminGrant = wire(createAdminGrant, { db, officers, audit })
  await wire(bootstrapAdmins, { db, officers, audit, lineUserIds: config.bootstrapAdminLineUserIds, logger })
  return { audit, sessions, officers, accessRequests, adminGrant }
}
export type OfficersDomain = Awaited<ReturnType<typeof composeOfficers>>

import { and, eq, gt, isNull } from 'drizzle-orm'
import type { FastifyPluginAsync } from 'fastify'
import type { Db, DbHandle } from '../../../db/client.js'
import { officerSessions, officers } from '../../../db/schema/index.js'
import type { Enqueue } from '../../../jobs/queues.js'
import { createCasesAdminService } from '../../cases/admin.service.js'
import type { Audit } from '../../cases/audit.js'
import type { StatusHandlers } from '../../cases/case-actions.js'
import { createCaseFeed, listenerFor } from '../../cases/case-feed.js'
import { citizenPiiProvider, createPiiRegistry, type PiiProvider } from '../../cases/pii.js'
import { createSearchHasher } from '../../cases/search-hash.js'
import type { StatusMessage } from '../../cases/status-messages.js'
import type { LineClient } from '../../line/line-client.js'
import { dashboardRoutes } from '../dashboard/dashboard.routes.js'
import { createDashboard } from '../dashboard/dashboard.service.js'
import { createQuotaCache } from '../dashboard/quota-cache.js'
import { caseActionRoutes } from './case-actions.routes.js'
import { casesReadRoutes } from './cases.routes.js'
import { casesStreamRoutes } from './cases-stream.routes.js'

export type CasesAdminRoutesOptions = {
  dbHandle: Pick<DbHandle, 'db' | 'kind'>
  enqueue: Enqueue
  line: Pick<LineClient, 'getQuota'>
  logger: { warn(obj: object, msg: string): void }
  /** PII_ENCRYPTION_KEY: the search-hash key is derived from it. */
  piiEncryptionKey: Buffer
  audit: Audit
  statusMessage: StatusMessage
  /** Kind-specific work behind some status moves (lost documents: issue and revoke the record). */
  statusHandlers?: StatusHandlers
  /** Kind-specific sources of revealable personal data, after the citizen's own (e.g. lost documents' ID numbers). */
  piiProviders?: PiiProvider[]
  heartbeatMs?: number
  now?: () => Date
}

async function sessionAlive(db: Db, sessionId: string, at: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: officerSessions.id })
    .from(officerSessions)
    .innerJoin(officers, eq(officers.id, officerSessions.officerId))
    .where(
      and(
        eq(officerSessions.id, sessionId),
        isNull(officerSessions.revokedAt),
        gt(officerSessions.expiresAt, at),
        eq(officers.active, true),
      ),
    )
    .limit(1)
  return Boolean(row)
}

/**
 * The cases half of the officers' API: inbox, detail, reveal, actions, attachments, the live stream and the
 * dashboard. Register it inside the /api/admin scope that runs the session hook (it needs `req.officer`). One case
 * feed (one LISTEN) per process, started here so outbox rows announced by the flows are enqueued promptly.
 */
export const casesAdminRoutes: FastifyPluginAsync<CasesAdminRoutesOptions> = async (app, opts) => {
  const db = opts.dbHandle.db
  const now = opts.now ?? (() => new Date())
  const cases = createCasesAdminService({
    db,
    enqueue: opts.enqueue,
    audit: opts.audit,
    statusMessage: opts.statusMessage,
    statusHandlers: opts.statusHandlers,
    pii: createPiiRegistry([citizenPiiProvider, ...(opts.piiProviders ?? [])]),
    hasher: createSearchHasher(opts.piiEncryptionKey),
    logger: opts.logger,
    now,
  })
  const feed = createCaseFeed({
    listen: listenerFor(opts.dbHandle),
    logger: opts.logger,
    onOutbound: cases.enqueueDeliveries,
  })
  await feed.start()
  app.addHook('onClose', async () => {
    await feed.close()
  })
  const dashboard = createDashboard({ db, quota: createQuotaCache({ line: opts.line }), now })

  await app.register(casesStreamRoutes, {
    feed,
    sessionAlive: (id) => sessionAlive(db, id, now()),
    heartbeatMs: opts.heartbeatMs,
  })
  await app.register(casesReadRoutes, { cases })
  await app.register(caseActionRoutes, { cases })
  await app.register(dashboardRoutes, { dashboard, now })
}

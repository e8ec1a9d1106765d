import type { FastifyPluginAsync } from 'fastify'
import type { CasesAdminService } from './admin.service.js'
import { caseActionRoutes } from './case-actions.routes.js'
import type { CaseFeed } from './case-feed.js'
import { casesReadRoutes } from './cases.routes.js'
import { casesStreamRoutes } from './cases-stream.routes.js'

export type CasesRoutesOptions = {
  cases: CasesAdminService
  feed: CaseFeed
  /** Whether the session behind a live stream still holds. */
  sessionAlive: (sessionId: string) => Promise<boolean>
  heartbeatMs?: number
}

/**
 * The cases half of the officers' API: inbox, detail, reveal, actions, attachments and the live stream. Register
 * it inside the /api/admin scope that runs the session hook (it needs `req.officer`). The feed's LISTEN starts here,
 * in web processes only, and stops with the server.
 */
export const casesRoutes: FastifyPluginAsync<CasesRoutesOptions> = async (
  app,
  { cases, feed, sessionAlive, heartbeatMs },
) => {
  await feed.start()
  app.addHook('onClose', async () => {
    await feed.close()
  })
  await app.register(casesStreamRoutes, { feed, sessionAlive, heartbeatMs })
  await app.register(casesReadRoutes, { cases })
  await app.register(caseActionRoutes, { cases })
}

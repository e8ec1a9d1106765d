import type { ServerResponse } from 'node:http'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adminErrors } from '../http/api-docs.js'
import { casesTags as tags } from '../officers/acting.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { officerOf, requirePermission } from '../officers/permissions.js'
import type { CaseFeed } from './case-feed.js'

export type CasesStreamOptions = {
  feed: CaseFeed
  /** Whether the session behind a stream still holds (not signed out, not expired, officer still active). */
  sessionAlive: (sessionId: string) => Promise<boolean>
  heartbeatMs?: number
}

/**
 * The live inbox: `text/event-stream` of `event: case` with `{ id, kind, status, priority, referenceNumber, change }`
 * for the officer's station. A comment line every heartbeat keeps proxies from closing an idle stream; at each
 * heartbeat the session is checked again, so a sign-out or a disabled officer ends the stream within one beat.
 */
export const casesStreamRoutes: FastifyPluginAsyncZod<CasesStreamOptions> = async (app, opts) => {
  const heartbeatMs = opts.heartbeatMs ?? 15_000
  const open = new Set<() => void>()
  // An SSE response never ends by itself: close them all before the server waits for its connections.
  app.addHook('preClose', async () => {
    for (const end of [...open]) {
      end()
    }
  })

  app.get(
    '/api/admin/cases/stream',
    {
      onRequest: requirePermission('cases.read'),
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary:
          'Live inbox (Server-Sent Events): event "case", data { id, kind, status, priority, referenceNumber, change }',
        response: { 200: z.string().describe('text/event-stream'), ...adminErrors },
      },
    },
    async (req, reply) => {
      const officer = officerOf(req)
      await opts.feed.start() // listening before the 200, so nothing committed after it is missed
      reply.hijack()
      const res: ServerResponse = reply.raw
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no', // nginx: do not buffer the stream
      })
      res.write('retry: 5000\n: connected\n\n')
      let ended = false
      const unsubscribe = opts.feed.subscribe(officer.stationId, (change) => {
        const { id, kind, status, priority, referenceNumber } = change
        const data = { id, kind, status, priority, referenceNumber, change: change.change }
        res.write(`event: case\ndata: ${JSON.stringify(data)}\n\n`)
      })
      const timer = setInterval(() => {
        opts
          .sessionAlive(officer.sessionId)
          .then((alive) => (alive ? res.write(': heartbeat\n\n') : end()))
          .catch(() => res.write(': heartbeat\n\n')) // a database hiccup is not a sign-out
      }, heartbeatMs)
      function end() {
        if (ended) {
          return
        }
        ended = true
        clearInterval(timer)
        unsubscribe()
        open.delete(end)
        res.end()
      }
      open.add(end)
      req.raw.on('close', end)
    },
  )
}

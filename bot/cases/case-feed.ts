import { sql } from 'drizzle-orm'
import type { DbHandle, Tx } from '../../db/client.js'
import type { Case } from '../../db/schema/index.js'

/** The Postgres channel every web process listens on for case changes. */
export const CASES_CHANNEL = 'cases'

export type CaseChange = {
  id: string
  stationId: string
  kind: Case['kind']
  status: string
  priority: Case['priority']
  referenceNumber: string
  change: 'created' | 'updated'
}

/**
 * Announces a change in the caller's transaction for the officers' live stream: Postgres delivers a NOTIFY at commit
 * and drops it on rollback, so listeners in every web process hear of exactly the changes that happened. (Work after
 * the commit, such as delivering the change's outbox rows, goes through the transaction's collector, not here.)
 */
export async function notifyCaseChange(
  tx: Tx,
  c: Pick<Case, 'id' | 'stationId' | 'kind' | 'status' | 'priority' | 'referenceNumber'>,
  change: CaseChange['change'],
) {
  const payload: CaseChange = {
    id: c.id,
    stationId: c.stationId,
    kind: c.kind,
    status: c.status,
    priority: c.priority,
    referenceNumber: c.referenceNumber,
    change,
  }
  await tx.execute(sql`select pg_notify(${CASES_CHANNEL}, ${JSON.stringify(payload)})`)
}

/** LISTEN on a channel; resolves once listening, with a function that stops it. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>

type PostgresJsClient = {
  listen(channel: string, fn: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>
}
type PgliteClient = {
  listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>>
}

/**
 * LISTEN through whichever driver the handle wraps. postgres.js keeps a dedicated connection for it (and listens
 * again after a reconnect); PGlite delivers on its one connection after each query.
 */
export function listenerFor(handle: Pick<DbHandle, 'db' | 'kind'>): Listen {
  const client = (handle.db as unknown as { $client: unknown }).$client
  if (handle.kind === 'postgres') {
    const pg = client as PostgresJsClient
    return async (channel, fn) => {
      const meta = await pg.listen(channel, fn)
      return () => meta.unlisten()
    }
  }
  const lite = client as PgliteClient
  return async (channel, fn) => {
    const unlisten = await lite.listen(channel, fn)
    return () => unlisten()
  }
}

export type CaseFeedDeps = {
  listen: Listen
  logger: { warn(obj: object, msg: string): void }
}

export type CaseFeedSubscriber = (change: CaseChange) => void

/**
 * One LISTEN per process, fanned out to every SSE client of the process, each filtered by its station.
 */
export function createCaseFeed({ listen, logger }: CaseFeedDeps) {
  const subscribers = new Set<{ stationId: string; fn: CaseFeedSubscriber }>()
  let stop: (() => Promise<void>) | undefined
  let starting: Promise<void> | undefined

  function dispatch(raw: string) {
    let change: CaseChange
    try {
      change = JSON.parse(raw) as CaseChange
    } catch {
      logger.warn({ channel: CASES_CHANNEL }, 'case feed: payload is not JSON')
      return
    }
    for (const s of subscribers) {
      if (s.stationId === change.stationId) {
        try {
          s.fn(change)
        } catch (err) {
          logger.warn({ err: (err as Error).message }, 'case feed: subscriber failed')
        }
      }
    }
  }

  return {
    /** Starts listening (idempotent); resolves once the LISTEN is in place. */
    start(): Promise<void> {
      starting ??= listen(CASES_CHANNEL, dispatch).then((unlisten) => {
        stop = unlisten
      })
      return starting
    },
    subscribe(stationId: string, fn: CaseFeedSubscriber): () => void {
      const entry = { stationId, fn }
      subscribers.add(entry)
      return () => {
        subscribers.delete(entry)
      }
    },
    get size() {
      return subscribers.size
    },
    async close() {
      subscribers.clear()
      await starting?.catch(() => {})
      await stop?.().catch(() => {})
      stop = undefined
      starting = undefined
    },
  }
}
export type CaseFeed = ReturnType<typeof createCaseFeed>

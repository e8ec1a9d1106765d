import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { type SQL, sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { lockDataDir } from './pglite-lock.js'
import * as schema from './schema/index.js'

export type Schema = typeof schema
/** Both drivers (postgres.js and PGlite) give this type, so services never know which one runs. */
export type DrizzleDb = PgDatabase<PgQueryResultHKT, Schema>
type DrizzleTx = Parameters<Parameters<DrizzleDb['transaction']>[0]>[0]

/** A job to enqueue once the transaction that asked for it has committed (named by jobs/queues.ts). */
export type PendingJob = { name: string; payload: unknown; jobId: string; delayMs?: number }
/** Receives a committed transaction's jobs (jobs/after-commit.ts enqueues them). */
export type JobSink = (jobs: readonly PendingJob[]) => Promise<void>

/**
 * A transaction that owns a collector of work to run after it commits: outbox deliveries, alerts, menu links. The
 * only way to get one is `db.transaction`, so whoever opens a transaction owns its collector; a rollback drops it.
 */
export type Tx = DrizzleTx & { readonly afterCommit: { add(job: PendingJob): void } }
export type Db = Omit<DrizzleDb, 'transaction'> & {
  transaction<T>(fn: (tx: Tx) => Promise<T>, config?: Parameters<DrizzleDb['transaction']>[1]): Promise<T>
}

export type DbHandle = {
  db: Db
  kind: 'postgres' | 'pglite'
  ping(): Promise<void>
  close(): Promise<void>
  /** The same connection, whose transactions hand their after-commit jobs to `sink` (bot/compose binds the queue). */
  withJobSink(sink: JobSink): DbHandle
}

/** Until the composition root binds the queue, a transaction that asks for a job is a wiring bug: say so loudly. */
const NO_SINK: JobSink = async (jobs) => {
  throw new Error(`${jobs.length} after-commit job(s) but no job sink is bound: use the db of the composition root`)
}

/**
 * Wraps Drizzle's `transaction` so each one collects its after-commit jobs and hands them to the sink once it has
 * committed. `Object.create` keeps every other method of the Drizzle instance (they read `this.session` through
 * the prototype), at no cost on the query path.
 */
function collecting(drizzleDb: DrizzleDb, sink: JobSink): Db {
  const db = Object.create(drizzleDb) as Db
  db.transaction = async (fn, config) => {
    const jobs: PendingJob[] = []
    const result = await drizzleDb.transaction(
      (raw) => fn(Object.assign(raw, { afterCommit: { add: (job: PendingJob) => void jobs.push(job) } })),
      config,
    )
    if (jobs.length > 0) {
      await sink(jobs)
    }
    return result
  }
  return db
}

/** A handle over a Drizzle instance (also one built elsewhere: a benchmark's statement-counting client). */
export function handleOf(
  drizzleDb: DrizzleDb,
  rest: Pick<DbHandle, 'kind' | 'close'>,
  sink: JobSink = NO_SINK,
): DbHandle {
  const db = collecting(drizzleDb, sink)
  return {
    ...rest,
    db,
    ping: async () => {
      await db.execute(sql`select 1`)
    },
    withJobSink: (next) => handleOf(drizzleDb, rest, next),
  }
}

export type DbOptions = { databaseUrl?: string; dataDir?: string; maxConnections?: number }

/**
 * `DATABASE_URL` set → postgres.js; unset → PGlite persisted under `DATA_DIR` (or in memory with dataDir ':memory:').
 * PGlite and its Drizzle driver are imported only when used: loaded, they hold about 45 MB of every process's memory
 * (a worker on Postgres never needs them).
 */
export async function createDb({
  databaseUrl,
  dataDir = './.data',
  maxConnections = 10,
}: DbOptions): Promise<DbHandle> {
  if (databaseUrl) {
    // JIT off: this is short OLTP queries, where Postgres spent more time compiling plans than running them.
    const client = postgres(databaseUrl, {
      max: maxConnections,
      onnotice: () => {},
      connect_timeout: 5,
      connection: { jit: 'off' },
    })
    const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as DrizzleDb
    return handleOf(db, { kind: 'postgres', close: () => client.end({ timeout: 5 }) })
  }
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
  ])
  let client: PGlite
  let release = () => {}
  if (dataDir === ':memory:') {
    client = new PGlite()
  } else {
    mkdirSync(dataDir, { recursive: true })
    // Before PGlite touches the folder: a second process (`npm run officer` beside `npm start`) must refuse, not
    // corrupt it. Throws DataDirBusyError.
    release = lockDataDir(dataDir)
    client = new PGlite(join(dataDir, 'pglite'))
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as DrizzleDb
  return handleOf(db, {
    kind: 'pglite',
    close: async () => {
      try {
        await client.close()
      } finally {
        release()
      }
    },
  })
}

/** Raw SQL rows from either driver: postgres.js returns an array, PGlite `{ rows }`. */
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown
  if (Array.isArray(result)) {
    return result as T[]
  }
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}

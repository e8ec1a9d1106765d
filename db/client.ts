import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { type SQL, sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema/index.js'

export type Schema = typeof schema
/** Both drivers (postgres.js and PGlite) give this type, so services never know which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export type DbHandle = {
  db: Db
  kind: 'postgres' | 'pglite'
  ping(): Promise<void>
  close(): Promise<void>
}

export type DbOptions = { databaseUrl?: string; dataDir?: string; maxConnections?: number }

/** `DATABASE_URL` set → postgres.js; unset → PGlite persisted under `DATA_DIR` (or in memory with dataDir ':memory:'). */
export function createDb({ databaseUrl, dataDir = './.data', maxConnections = 10 }: DbOptions): DbHandle {
  if (databaseUrl) {
    // JIT off: this is short OLTP queries, where Postgres spent more time compiling plans than running them.
    const client = postgres(databaseUrl, {
      max: maxConnections,
      onnotice: () => {},
      connect_timeout: 5,
      connection: { jit: 'off' },
    })
    const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Db
    return {
      db,
      kind: 'postgres',
      ping: async () => {
        await db.execute(sql`select 1`)
      },
      close: () => client.end({ timeout: 5 }),
    }
  }
  let client: PGlite
  if (dataDir === ':memory:') {
    client = new PGlite()
  } else {
    mkdirSync(dataDir, { recursive: true })
    client = new PGlite(join(dataDir, 'pglite'))
  }
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`)
    },
    close: () => client.close(),
  }
}

/** Raw SQL rows from either driver: postgres.js returns an array, PGlite `{ rows }`. */
export async function queryRows<T>(db: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown
  if (Array.isArray(result)) {
    return result as T[]
  }
  return ((result as { rows?: T[] }).rows ?? []) as T[]
}

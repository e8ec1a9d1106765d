import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { inject } from 'vitest'
import { createDb, type DbHandle } from '../../db/client.js'
import { runMigrations } from '../../db/migrate.js'
import { withDatabase } from './pg-url.js'

export type TestDb = DbHandle & { url: string | null; drop(): Promise<void> }

/**
 * One database per test file: cloned from the migrated template on real Postgres (DATABASE_URL set), or a fresh
 * in-memory PGlite with the same migrations when it is not.
 */
export async function createTestDb(): Promise<TestDb> {
  const adminUrl = inject('pgAdminUrl')
  const template = inject('pgTemplate')
  if (!adminUrl || !template) {
    const handle = await createDb({ dataDir: ':memory:' })
    await runMigrations(handle)
    return { ...handle, url: null, drop: () => handle.close() }
  }
  const name = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`)
  const url = withDatabase(adminUrl, name)
  const handle = await createDb({ databaseUrl: url, maxConnections: 20 })
  return {
    ...handle,
    url,
    async drop() {
      await handle.close()
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}

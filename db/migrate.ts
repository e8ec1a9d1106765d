import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import { type DbHandle, queryRows } from './client.js'

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))

/** The newest committed migration's timestamp (drizzle-kit's journal), which drizzle stores as `created_at`. */
function newestMigration(): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[]
  }
  return Math.max(0, ...journal.entries.map((e) => e.when))
}

/** Whether the database already has every committed migration (then there is nothing to apply, or to be allowed to). */
export async function isUpToDate(handle: Pick<DbHandle, 'db'>): Promise<boolean> {
  const [table] = await queryRows<{ name: string | null }>(
    handle.db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`,
  )
  if (!table?.name) {
    return false
  }
  const [row] = await queryRows<{ newest: string | number | null }>(
    handle.db,
    sql`select max(created_at) as newest from drizzle.__drizzle_migrations`,
  )
  return Number(row?.newest ?? 0) >= newestMigration()
}

export class MigrationPrivilegeError extends Error {
  override name = 'MigrationPrivilegeError'
}

/**
 * Applies the committed drizzle-kit migrations; the same files on Postgres and PGlite. An up-to-date database is left
 * alone, so a runtime role without DDL rights (migrations run by the owner, DATABASE_MIGRATION_URL) starts fine; if
 * migrations are pending and this role may not apply them, the error says what to run.
 */
export async function runMigrations(handle: DbHandle): Promise<void> {
  if (await isUpToDate(handle)) {
    return
  }
  try {
    if (handle.kind === 'postgres') {
      await migratePostgres(handle.db as unknown as PostgresJsDatabase, { migrationsFolder })
    } else {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder })
    }
  } catch (err) {
    const code =
      (err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code
    if (code === '42501') {
      throw new MigrationPrivilegeError(
        'database migrations are pending and the role of DATABASE_URL may not apply them: run `npm run db:migrate` with DATABASE_MIGRATION_URL (the schema owner) set',
        { cause: err },
      )
    }
    throw err
  }
}

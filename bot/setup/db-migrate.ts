import { createDb } from '../../db/client.js'
import { runMigrations } from '../../db/migrate.js'
import { grantRuntimeRole, roleOf } from '../../db/roles.js'
import type { Config } from '../config.js'

export type MigrateOptions = Pick<Config, 'databaseUrl' | 'databaseMigrationUrl' | 'dataDir'> & {
  say(line: string): void
}

/**
 * `npm run db:migrate`. With DATABASE_MIGRATION_URL, the schema owner applies the migrations and then grants the
 * runtime role (DATABASE_URL's user) what the app needs, audit_log only INSERT and SELECT. Without it, DATABASE_URL
 * (or the embedded PGlite) migrates itself, as the app does at startup.
 */
export async function migrateDatabase({ databaseUrl, databaseMigrationUrl, dataDir, say }: MigrateOptions) {
  if (!databaseMigrationUrl) {
    const handle = await createDb({ databaseUrl, dataDir })
    try {
      await runMigrations(handle)
    } finally {
      await handle.close()
    }
    say(`migrations applied (${handle.kind})`)
    return
  }
  if (!databaseUrl) {
    throw new Error('DATABASE_MIGRATION_URL needs DATABASE_URL too: its user is the runtime role to grant')
  }
  const runtimeRole = roleOf(databaseUrl)
  const owner = await createDb({ databaseUrl: databaseMigrationUrl, maxConnections: 1 })
  try {
    await runMigrations(owner)
    if (runtimeRole === roleOf(databaseMigrationUrl)) {
      say('migrations applied; DATABASE_URL logs in as the owner, so no separate runtime role was granted')
      return
    }
    await grantRuntimeRole(owner, runtimeRole)
    say(`migrations applied as the owner; "${runtimeRole}" granted the app's rights (audit_log: INSERT, SELECT)`)
  } finally {
    await owner.close()
  }
}

import { sql } from 'drizzle-orm'
import { type DbHandle, queryRows } from './client.js'

/**
 * What the runtime role (DATABASE_URL's user) may do, granted by the schema owner after each migration: read and
 * write the application's tables, but on `audit_log` only INSERT and SELECT. Owning nothing, it can neither disable
 * the audit log's triggers nor drop or truncate it. Run again after every migration (new tables get their grants).
 */
export async function grantRuntimeRole(owner: Pick<DbHandle, 'db'>, runtimeRole: string): Promise<void> {
  const role = sql.identifier(runtimeRole)
  const [owned] = await queryRows<{ count: string | number }>(
    owner.db,
    sql`select count(*) as count from pg_tables where schemaname = 'public' and tableowner = ${runtimeRole}`,
  )
  if (Number(owned?.count ?? 0) > 0) {
    throw new Error(
      `the runtime role "${runtimeRole}" owns tables: an owner can disable the audit log's triggers. Reassign them first (REASSIGN OWNED BY ${runtimeRole} TO <owner>, as a superuser)`,
    )
  }
  const statements = [
    sql`grant usage on schema public to ${role}`,
    sql`grant select, insert, update, delete on all tables in schema public to ${role}`,
    sql`grant usage, select on all sequences in schema public to ${role}`,
    sql`revoke all on table audit_log from ${role}`,
    sql`grant select, insert on table audit_log to ${role}`,
    // Startup reads the migration ledger to see that nothing is pending (db/migrate.ts).
    sql`grant usage on schema drizzle to ${role}`,
    sql`grant select on table drizzle.__drizzle_migrations to ${role}`,
  ]
  await owner.db.transaction(async (tx) => {
    for (const statement of statements) {
      await tx.execute(statement)
    }
  })
}

/** The user name in a postgres:// URL (the role a connection with it logs in as). */
export function roleOf(databaseUrl: string): string {
  const user = decodeURIComponent(new URL(databaseUrl).username)
  if (!user) {
    throw new Error('the database URL names no user: the runtime role cannot be told apart from the owner')
  }
  return user
}

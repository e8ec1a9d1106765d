import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { migrateDatabase } from '../../../bot/setup/db-migrate.js'
import { createDb, type DbHandle } from '../../../db/client.js'
import { MigrationPrivilegeError, runMigrations } from '../../../db/migrate.js'
import { withDatabase } from '../../helpers/pg-url.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { createTestDb, type TestDb } from '../../helpers/test-db.js'

const row = `insert into audit_log (actor, action) values ('system', 'test.row')`

/** Postgres's own message (Drizzle wraps it as the cause of "Failed query"). */
async function refusal(query: Promise<unknown>): Promise<string> {
  try {
    await query
  } catch (err) {
    const cause = (err as { cause?: unknown }).cause
    return cause instanceof Error ? cause.message : String(err)
  }
  return 'it succeeded'
}

/** Issue #9: the audit log cannot be erased, not even by TRUNCATE, nor by the role the app runs as. */
describe('audit_log refuses TRUNCATE (embedded and Postgres)', () => {
  let db: TestDb
  beforeAll(async () => {
    db = await createTestDb()
  })
  afterAll(async () => {
    await db?.drop()
  })

  it('even for the table’s owner', async () => {
    await db.db.execute(row)
    expect(await refusal(db.db.execute('truncate audit_log'))).toContain('audit_log is append-only')
    expect(await refusal(db.db.execute('truncate audit_log cascade'))).toContain('audit_log is append-only')
  })
})

const adminUrl = inject('pgAdminUrl')

describe.skipIf(!adminUrl)('a runtime role, migrated and granted by a separate owner (Postgres)', () => {
  const id = randomUUID().replaceAll('-', '').slice(0, 10)
  const owner = `rsz_owner_${id}`
  const runtime = `rsz_app_${id}`
  const database = `rsz_roles_${id}`
  const admin = postgres(adminUrl ?? '', { max: 1, onnotice: () => {} })
  const urlAs = (user: string) => {
    const u = new URL(withDatabase(adminUrl ?? '', database))
    u.username = user
    return u.toString()
  }
  let app: DbHandle
  const lines: string[] = []

  beforeAll(async () => {
    await admin.unsafe(`create role ${owner} login`)
    await admin.unsafe(`create role ${runtime} login`)
    await admin.unsafe(`create database ${database} owner ${owner}`)
    await migrateDatabase({
      databaseUrl: urlAs(runtime),
      databaseMigrationUrl: urlAs(owner),
      dataDir: './.data',
      say: (line) => lines.push(line),
    })
    app = await createDb({ databaseUrl: urlAs(runtime), maxConnections: 2 })
  })
  afterAll(async () => {
    await app?.close()
    await admin.unsafe(`drop database if exists ${database} with (force)`)
    await admin.unsafe(`drop role if exists ${runtime}`)
    await admin.unsafe(`drop role if exists ${owner}`)
    await admin.end()
  })

  it('npm run db:migrate says what it granted', () => {
    expect(lines.join('\n')).toContain(`"${runtime}" granted`)
  })

  it('the runtime role appends and reads the audit log, and nothing more', async () => {
    await app.db.execute(row)
    const rows = (await app.db.execute('select count(*)::int as n from audit_log')) as unknown as { n: number }[]
    expect(rows[0]?.n).toBeGreaterThan(0)
    for (const statement of [
      `update audit_log set action = 'edited'`,
      'delete from audit_log',
      'truncate audit_log',
      'alter table audit_log disable trigger audit_log_no_update',
      'alter table audit_log disable trigger all',
      'drop table audit_log',
    ]) {
      expect(await refusal(app.db.execute(statement)), statement).toMatch(/permission denied|must be owner/)
    }
  })

  it('its startup finds nothing to migrate; a pending migration names the command to run', async () => {
    await runMigrations(app)
    const ownerDb = await createDb({ databaseUrl: urlAs(owner), maxConnections: 1 })
    try {
      await ownerDb.db.execute(
        'delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)',
      )
      await expect(runMigrations(app)).rejects.toThrow(MigrationPrivilegeError)
      await expect(runMigrations(app)).rejects.toThrow(/DATABASE_MIGRATION_URL/)
    } finally {
      await ownerDb.close()
    }
  })
})

describe.skipIf(!adminUrl)('the whole app as the runtime role (Postgres)', () => {
  const id = randomUUID().replaceAll('-', '').slice(0, 10)
  const owner = `rsz_owner_${id}`
  const runtime = `rsz_app_${id}`
  const database = `rsz_roles_${id}`
  const admin = postgres(adminUrl ?? '', { max: 1, onnotice: () => {} })
  const urlAs = (user: string) => {
    const u = new URL(withDatabase(adminUrl ?? '', database))
    u.username = user
    return u.toString()
  }
  let s: Stack

  beforeAll(async () => {
    await admin.unsafe(`create role ${owner} login`)
    await admin.unsafe(`create role ${runtime} login`)
    await admin.unsafe(`create database ${database} owner ${owner}`)
    await migrateDatabase({
      databaseUrl: urlAs(runtime),
      databaseMigrationUrl: urlAs(owner),
      dataDir: './.data',
      say: () => {},
    })
    const handle = await createDb({ databaseUrl: urlAs(runtime), maxConnections: 10 })
    s = await startStack({ db: { ...handle, url: urlAs(runtime), drop: () => handle.close() } })
  })
  afterAll(async () => {
    await s?.close()
    await admin.unsafe(`drop database if exists ${database} with (force)`)
    await admin.unsafe(`drop role if exists ${runtime}`)
    await admin.unsafe(`drop role if exists ${owner}`)
    await admin.end()
  })

  it('answers a chat, files a report and audits, with only the runtime role’s rights', async () => {
    const user = s.emulator.createUser({ displayName: 'สิทธิ์น้อย', language: 'th' })
    await s.emulator.follow(user.userId)
    expect((await s.emulator.waitForMessages(user.userId, 1, 15_000)).length).toBeGreaterThan(0)
    const { validDraft } = await import('../../unit/lost-documents/fixtures.js')
    const res = await fetch(`${s.baseUrl}/api/liff/lost-documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${s.emulator.issueIdToken(user.userId)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(validDraft()),
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const pdfUrl = new URL(String(((await res.json()) as { report: { pdfUrl: string } }).report.pdfUrl))
    expect((await fetch(`${s.baseUrl}${pdfUrl.pathname}${pdfUrl.search}`)).status).toBe(200) // writes an audit row
  })
})

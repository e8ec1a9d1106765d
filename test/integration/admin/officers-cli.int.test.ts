import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb, type DbHandle } from '../../../db/client.js'
import { runMigrations } from '../../../db/migrate.js'
import { auditLog, officers } from '../../../db/schema/index.js'
import { createTestDb, type TestDb } from '../../helpers/test-db.js'

// `npm run officer -- ...` as an operator runs it: its own process, the server's configuration. On Postgres it
// works on this file's database; on the embedded default, on a PGlite directory of its own.
const run = promisify(execFile)
let testDb: TestDb | undefined
let dataDir: string | undefined
let env: Record<string, string>

beforeAll(async () => {
  testDb = await createTestDb()
  if (testDb.url) {
    env = { DATABASE_URL: testDb.url }
  } else {
    await testDb.drop()
    testDb = undefined
    dataDir = mkdtempSync(join(tmpdir(), 'rsz-cli-'))
    env = { DATA_DIR: dataDir }
  }
})
afterAll(async () => {
  await testDb?.drop()
  if (dataDir) {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

async function cli(...args: string[]) {
  return cliWith(env, ...args)
}

async function cliWith(env: Record<string, string>, ...args: string[]) {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...env, LOG_LEVEL: 'silent' }
  if (!env.DATABASE_URL) {
    delete childEnv.DATABASE_URL
  }
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'bot/officers/officer.cli.ts', ...args],
      {
        env: childEnv,
        timeout: 90_000,
      },
    )
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }
  }
}

/** Reads what the CLI wrote (PGlite: after the CLI has exited, it holds the directory while it runs). */
async function withDb<T>(fn: (db: DbHandle['db']) => Promise<T>): Promise<T> {
  const handle = testDb ?? (await createDb({ dataDir }))
  try {
    return await fn(handle.db)
  } finally {
    if (!testDb) {
      await handle.close()
    }
  }
}

const ADMIN = `U${'1a'.repeat(16)}`
const DUTY = `U${'2b'.repeat(16)}`

describe('npm run officer', () => {
  it('add, list, disable; every change in the audit log', async () => {
    const added = await cli('add', ADMIN, 'admin', 'พ.ต.ท.', 'สมชาย', 'ใจดี')
    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toContain('added:')
    expect(added.stdout).toMatch(new RegExp(`${ADMIN}\\s+admin\\s+yes\\s+RYG\\s+พ.ต.ท. สมชาย ใจดี`))
    expect((await cli('add', DUTY, 'duty_officer')).code).toBe(0)

    const list = await cli('list')
    expect(list.code, list.stderr).toBe(0)
    const lines = list.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^LINE user ID\s+role\s+active\s+station\s+name$/)
    expect(lines[1]).toMatch(/^-+ +-+/)
    expect(lines.slice(2)).toHaveLength(2)
    expect(list.stdout).toMatch(new RegExp(`${DUTY}\\s+duty_officer\\s+yes`))

    const disabled = await cli('disable', DUTY)
    expect(disabled.code, disabled.stderr).toBe(0)
    expect(disabled.stdout).toMatch(new RegExp(`${DUTY}\\s+duty_officer\\s+no`))

    const again = await cli('add', DUTY, 'viewer') // re-adding turns them on with the new role
    expect(again.stdout).toContain('updated:')
    expect(again.stdout).toMatch(new RegExp(`${DUTY}\\s+viewer\\s+yes`))

    await withDb(async (db) => {
      const [row] = await db.select().from(officers).where(eq(officers.lineUserId, ADMIN))
      expect(row).toMatchObject({ role: 'admin', active: true, displayName: 'พ.ต.ท. สมชาย ใจดี' })
      const actions = (await db.select().from(auditLog).where(eq(auditLog.actor, 'cli'))).map((a) => a.action)
      expect(actions).toEqual(['officer.create', 'officer.create', 'officer.disable', 'officer.update'])
    })
  }, 240_000) // five processes, each opening the database and checking migrations

  it('explains bad input and exits non-zero', async () => {
    const none = await cli()
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('usage:')
    const role = await cli('add', ADMIN, 'sheriff')
    expect(role.code).toBe(2)
    expect(role.stderr).toContain('role must be one of: admin, supervisor')
    const id = await cli('disable', 'not-a-line-id')
    expect(id.code).toBe(2)
    const unknown = await cli('disable', `U${'9f'.repeat(16)}`)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('no officer')
  }, 120_000)
})

// On the embedded default whatever the suite's mode: that is where two processes can meet on one folder.
describe('npm run officer beside a running server on PGlite', () => {
  it('refuses with what to do instead, and leaves the database whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsz-cli-busy-'))
    try {
      // This process plays the server: it holds DATA_DIR's database open.
      const server = await createDb({ dataDir: dir })
      await runMigrations(server)
      const busy = await cliWith({ DATA_DIR: dir }, 'add', ADMIN, 'admin', 'ร.ต.อ. สมชาย')
      expect(busy.code, busy.stdout).toBe(1)
      expect(busy.stderr).toContain('กำลังถูกใช้โดยโปรเซสอื่น')
      expect(busy.stderr).toContain('ตั้งเป็นแอดมิน')
      expect(busy.stderr).toContain('http://localhost:3000/emulator')
      expect(busy.stderr).toContain('stop the server')
      expect(busy.stderr).toContain('BOOTSTRAP_ADMIN_LINE_USER_IDS')
      expect(busy.stderr).not.toContain('RuntimeError')
      // The server's database still works, and the CLI wrote nothing.
      expect(await server.db.$count(officers)).toBe(0)
      await server.close()

      const after = await cliWith({ DATA_DIR: dir }, 'add', ADMIN, 'admin')
      expect(after.code, after.stderr).toBe(0)
      expect(after.stdout).toContain('added:')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

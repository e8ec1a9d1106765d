import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, officers } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'

// The simulator's "make admin" button ends here (main.ts wires it in emulator mode).
describe('adminGrant: make a LINE user an admin from inside the running server', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack({ worker: false })
  })
  afterAll(async () => {
    await s?.close()
  })

  it('creates the admin with its audit line, turns a disabled officer back on, and says who is an officer', async () => {
    const { adminGrant } = s.deps.officers
    const lineUserId = `U${'3c'.repeat(16)}`
    await expect(adminGrant.roleOf(lineUserId)).resolves.toBeNull()

    await expect(adminGrant.grant({ lineUserId, displayName: 'ร.ต.อ. มือใหม่', actor: 'emulator' })).resolves.toEqual({
      role: 'admin',
      created: true,
    })
    await expect(adminGrant.roleOf(lineUserId)).resolves.toBe('admin')
    const [row] = await s.db.db.select().from(officers).where(eq(officers.lineUserId, lineUserId))
    expect(row).toMatchObject({ role: 'admin', active: true, displayName: 'ร.ต.อ. มือใหม่' })

    await s.db.db.update(officers).set({ active: false, role: 'viewer' }).where(eq(officers.lineUserId, lineUserId))
    await expect(adminGrant.roleOf(lineUserId)).resolves.toBeNull()
    await expect(adminGrant.grant({ lineUserId, displayName: 'x', actor: 'emulator' })).resolves.toEqual({
      role: 'admin',
      created: false,
    })
    await expect(adminGrant.roleOf(lineUserId)).resolves.toBe('admin')

    const audit = await s.db.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, row?.id ?? ''))
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      ['emulator', 'officer.create'],
      ['emulator', 'officer.update'],
    ])
  })
})

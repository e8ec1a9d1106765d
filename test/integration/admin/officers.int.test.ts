import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bootstrapAdmins } from '../../../bot/officers/bootstrap.js'
import { auditLog, officers } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { client, createOfficer, signedInOfficer, signIn } from './auth.helpers.js'

let stack: Stack
let call: ReturnType<typeof client>
let admin: Awaited<ReturnType<typeof signedInOfficer>>
const BOOTSTRAP_ID = `U${'ab'.repeat(16)}`

beforeAll(async () => {
  stack = await startStack({ worker: false, env: { BOOTSTRAP_ADMIN_LINE_USER_IDS: BOOTSTRAP_ID } })
  call = client(stack)
  admin = await signedInOfficer(stack, 'admin', 'ผู้ดูแล')
})
afterAll(async () => {
  await stack?.close()
})

describe('access requests', () => {
  it('a LINE user asks, the admin approves with a role, and the new officer signs in', async () => {
    const person = stack.emulator.createUser({ displayName: 'ส.ต.อ. ใหม่ ใจดี', language: 'th' })
    const idToken = stack.emulator.issueIdToken(person.userId)

    const before = await call('/api/admin/auth/session', { method: 'POST', bearer: idToken })
    expect(before.json().error.details).toEqual({ canRequestAccess: true, pendingRequest: false })

    const asked = await call('/api/admin/access-requests', {
      method: 'POST',
      bearer: idToken,
      body: { note: 'งานสายตรวจ' },
    })
    expect(asked.status, asked.text).toBe(201)
    expect(asked.json()).toMatchObject({ id: expect.any(String), status: 'pending' })
    const again = await call('/api/admin/access-requests', { method: 'POST', bearer: idToken, body: {} })
    expect(again.json().id).toBe(asked.json().id) // one open request per person

    const pending = await call('/api/admin/auth/session', { method: 'POST', bearer: idToken })
    expect(pending.json().error.details).toEqual({ canRequestAccess: true, pendingRequest: true })

    const list = await call('/api/admin/access-requests?status=pending', { session: admin.session })
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: asked.json().id, displayName: 'ส.ต.อ. ใหม่ ใจดี', note: 'งานสายตรวจ' }),
    ])

    const decided = await call(`/api/admin/access-requests/${asked.json().id}/decision`, {
      method: 'POST',
      session: admin.session,
      body: { decision: 'approve', role: 'patrol_officer' },
    })
    expect(decided.status, decided.text).toBe(200)
    expect(decided.json()).toMatchObject({
      request: { status: 'approved', decidedBy: admin.officer.id },
      officer: { lineUserId: person.userId, role: 'patrol_officer', active: true },
    })
    const twice = await call(`/api/admin/access-requests/${asked.json().id}/decision`, {
      method: 'POST',
      session: admin.session,
      body: { decision: 'decline' },
    })
    expect(twice.status).toBe(409)
    expect(twice.json().error.code).toBe('already_decided')

    const session = await signIn(stack, person.userId)
    const me = await call('/api/admin/me', { session })
    expect(me.json().officer.role).toBe('patrol_officer')
    expect(me.json().permissions).toEqual(['cases.read', 'patrol.read', 'patrol.check_in', 'cameras.read'])

    const audited = await stack.db.db.select().from(auditLog).where(eq(auditLog.entityId, asked.json().id))
    expect(audited.map((a) => a.action).sort()).toEqual(['access_request.approve', 'access_request.create'])
  })

  it('a declined request creates no officer', async () => {
    const person = stack.emulator.createUser({ displayName: 'บุคคลภายนอก' })
    const asked = await call('/api/admin/access-requests', {
      method: 'POST',
      bearer: stack.emulator.issueIdToken(person.userId),
      body: {},
    })
    const res = await call(`/api/admin/access-requests/${asked.json().id}/decision`, {
      method: 'POST',
      session: admin.session,
      body: { decision: 'decline' },
    })
    expect(res.json()).toEqual({ request: expect.objectContaining({ status: 'declined' }) })
    expect(await stack.db.db.$count(officers, eq(officers.lineUserId, person.userId))).toBe(0)
  })

  it('approving needs a valid role', async () => {
    const res = await call('/api/admin/access-requests/00000000-0000-4000-8000-000000000000/decision', {
      method: 'POST',
      session: admin.session,
      body: { decision: 'approve', role: 'superuser' },
    })
    expect(res.status).toBe(400)
    expect(res.json().error.code).toBe('validation_failed')
  })
})

describe('officers', () => {
  it('a disabled officer loses access at once: the session that worked gets 401 on the next request', async () => {
    const duty = await signedInOfficer(stack, 'duty_officer')
    expect((await call('/api/admin/me', { session: duty.session })).status).toBe(200)

    const res = await call(`/api/admin/officers/${duty.officer.id}`, {
      method: 'PATCH',
      session: admin.session,
      body: { active: false },
    })
    expect(res.status, res.text).toBe(200)
    expect(res.json().officer.active).toBe(false)

    const after = await call('/api/admin/me', { session: duty.session })
    expect(after.status).toBe(401)
    const signInAgain = await call('/api/admin/auth/session', {
      method: 'POST',
      bearer: stack.emulator.issueIdToken(duty.user.userId),
    })
    expect(signInAgain.json().error.code).toBe('officer_disabled')
    const [entry] = await stack.db.db.select().from(auditLog).where(eq(auditLog.action, 'officer.disable'))
    expect(entry).toMatchObject({
      officerId: admin.officer.id,
      entityId: duty.officer.id,
      details: { active: { from: true, to: false } },
    })

    // Enabling again does not revive the old session: it was revoked.
    await call(`/api/admin/officers/${duty.officer.id}`, {
      method: 'PATCH',
      session: admin.session,
      body: { active: true },
    })
    expect((await call('/api/admin/me', { session: duty.session })).status).toBe(401)
  })

  it('a new role applies to the next request of a live session', async () => {
    const viewer = await signedInOfficer(stack, 'viewer')
    expect((await call('/api/admin/audit', { session: viewer.session })).status).toBe(403)
    await call(`/api/admin/officers/${viewer.officer.id}`, {
      method: 'PATCH',
      session: admin.session,
      body: { role: 'supervisor' },
    })
    expect((await call('/api/admin/audit', { session: viewer.session })).status).toBe(200)
  })

  it('lists the station officers; no lock-outs: not yourself, not the last admin', async () => {
    const list = await call('/api/admin/officers', { session: admin.session })
    expect(list.json().items.map((o: { id: string }) => o.id)).toContain(admin.officer.id)

    const self = await call(`/api/admin/officers/${admin.officer.id}`, {
      method: 'PATCH',
      session: admin.session,
      body: { active: false },
    })
    expect(self.status).toBe(409)
    expect(self.json().error.code).toBe('cannot_disable_self')

    // The bootstrap admin is the other active admin; disable it, then the last one cannot demote itself.
    const [boot] = await stack.db.db.select().from(officers).where(eq(officers.lineUserId, BOOTSTRAP_ID))
    await call(`/api/admin/officers/${boot?.id}`, { method: 'PATCH', session: admin.session, body: { active: false } })
    const others = await stack.db.db.select().from(officers).where(eq(officers.role, 'admin'))
    for (const o of others.filter((x) => x.id !== admin.officer.id && x.active)) {
      await stack.db.db.update(officers).set({ active: false }).where(eq(officers.id, o.id))
    }
    const demote = await call(`/api/admin/officers/${admin.officer.id}`, {
      method: 'PATCH',
      session: admin.session,
      body: { role: 'viewer' },
    })
    expect(demote.status).toBe(409)
    expect(demote.json().error.code).toBe('last_admin')
  })

  it('an officer of another station is not found', async () => {
    const res = await call('/api/admin/officers/00000000-0000-4000-8000-000000000000', {
      method: 'PATCH',
      session: admin.session,
      body: { fullName: 'x' },
    })
    expect(res.status).toBe(404)
  })
})

describe('bootstrap admins (BOOTSTRAP_ADMIN_LINE_USER_IDS)', () => {
  const bootstrapDeps = () => ({
    db: stack.deps.db,
    officers: stack.deps.officers.officers,
    audit: stack.deps.officers.audit,
  })
  it('made an admin of RYG at startup, once; a later change by an admin survives restarts', async () => {
    const [row] = await stack.db.db.select().from(officers).where(eq(officers.lineUserId, BOOTSTRAP_ID))
    expect(row).toMatchObject({ role: 'admin' })
    await stack.db.db.update(officers).set({ role: 'viewer' }).where(eq(officers.lineUserId, BOOTSTRAP_ID))
    expect(await bootstrapAdmins({ ...bootstrapDeps(), lineUserIds: [BOOTSTRAP_ID] })).toEqual({ created: 0 })
    const [after] = await stack.db.db.select().from(officers).where(eq(officers.lineUserId, BOOTSTRAP_ID))
    expect(after?.role).toBe('viewer')
    const entries = await stack.db.db.select().from(auditLog).where(eq(auditLog.action, 'officer.bootstrap'))
    expect(entries).toHaveLength(1)
  })

  it('creates the missing ones and leaves existing officers alone', async () => {
    const { user } = await createOfficer(stack, 'viewer')
    const fresh = `U${'cd'.repeat(16)}`
    expect(await bootstrapAdmins({ ...bootstrapDeps(), lineUserIds: [user.userId, fresh] })).toEqual({ created: 1 })
    const [kept] = await stack.db.db.select().from(officers).where(eq(officers.lineUserId, user.userId))
    expect(kept?.role).toBe('viewer')
  })
})

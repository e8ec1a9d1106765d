import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLineEmulator } from '../../../bot/emulator/server.js'
import { createSessions, hashSessionToken } from '../../../bot/officers/session.service.js'
import { auditLog, officerSessions, officers } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { client, createOfficer, signIn } from './auth.helpers.js'

// Sign-in as production runs it: the emulator's ID token is verified over HTTP at its /oauth2/v2.1/verify with
// client_id = LINE_LOGIN_CHANNEL_ID, then the server issues its own session.
const clock = { offsetMs: 0 }
let emulator: Awaited<ReturnType<typeof startLineEmulator>>
let stack: Stack
let otherChannel: Stack // same emulator and database, but LINE_LOGIN_CHANNEL_ID is another channel
let call: ReturnType<typeof client>

beforeAll(async () => {
  emulator = await startLineEmulator({
    channelSecret: 'emulator-channel-secret',
    channelAccessToken: 'emulator-channel-access-token',
    loginChannelId: '1000000000',
    webhookUrl: 'http://127.0.0.1:9/webhook',
    liffApps: {},
    now: () => Date.now() + clock.offsetMs,
  })
  stack = await startStack({ emulator, worker: false })
  otherChannel = await startStack({
    emulator,
    db: stack.db,
    worker: false,
    env: { LINE_LOGIN_CHANNEL_ID: '2000000000' },
  })
  call = client(stack)
})
afterAll(async () => {
  await otherChannel?.close()
  await stack?.close()
  await emulator?.close()
})

async function failures(entityId?: string) {
  const rows = await stack.db.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_failed'))
  return entityId ? rows.filter((r) => r.entityId === entityId) : rows
}

describe('sign-in: happy', () => {
  it('issues an httpOnly, SameSite=Strict session cookie for /api/admin and stores only its hash', async () => {
    const { user, officer } = await createOfficer(stack, 'duty_officer', 'ร.ต.ต. สมชาย')
    const res = await call('/api/admin/auth/session', { method: 'POST', bearer: emulator.issueIdToken(user.userId) })
    expect(res.status, res.text).toBe(200)
    expect(res.json().officer).toMatchObject({ id: officer.id, role: 'duty_officer', active: true })
    expect(res.json().token).toBeUndefined() // the page gets the cookie only
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^rsz_admin=[A-Za-z0-9_-]{43};/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Strict/i)
    expect(cookie).toMatch(/Path=\/api\/admin/)
    expect(cookie).not.toMatch(/Secure/i) // PUBLIC_BASE_URL is plain http here
    const expires = Date.parse(/Expires=([^;]+)/.exec(cookie)?.[1] ?? '')
    expect(Math.abs(expires - (Date.now() + 12 * 3600_000))).toBeLessThan(60_000)

    const token = /^rsz_admin=([^;]+)/.exec(cookie)?.[1] ?? ''
    const me = await call('/api/admin/me', { cookie: `rsz_admin=${token}` })
    expect(me.status, me.text).toBe(200)
    expect(me.json()).toMatchObject({
      officer: { id: officer.id, displayName: 'ร.ต.ต. สมชาย' },
      station: { code: 'RYG' },
      permissions: expect.arrayContaining(['cases.read', 'cases.act', 'cases.reveal_pii']),
    })
    expect(me.json().permissions).not.toContain('officers.manage')

    const rows = await stack.db.db.select().from(officerSessions).where(eq(officerSessions.officerId, officer.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]?.tokenHash).toBe(hashSessionToken(token))
    expect(JSON.stringify(rows)).not.toContain(token)
    const signIns = await stack.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_in'), eq(auditLog.officerId, officer.id)))
    expect(signIns).toHaveLength(1)
    expect(signIns[0]).toMatchObject({ ip: expect.any(String), entityType: 'officer_session' })
  })

  it('API clients get the token with ?returnToken=true and send it as Authorization: Session', async () => {
    const { user } = await createOfficer(stack, 'viewer')
    const token = await signIn(stack, user.userId)
    expect((await call('/api/admin/me', { session: token })).status).toBe(200)
  })

  it('sign-out revokes the session at once and clears the cookie', async () => {
    const { user } = await createOfficer(stack, 'supervisor')
    const token = await signIn(stack, user.userId)
    const out = await call('/api/admin/auth/session', { method: 'DELETE', session: token })
    expect(out.status, out.text).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/rsz_admin=;/)
    const after = await call('/api/admin/me', { session: token })
    expect(after.status).toBe(401)
    expect(after.json().error.code).toBe('unauthorized')
  })
})

describe('sign-in: refused', () => {
  it('an expired ID token: 401 invalid_token (the emulator says "IdToken expired."), audited', async () => {
    const { user } = await createOfficer(stack, 'admin')
    const idToken = emulator.issueIdToken(user.userId)
    clock.offsetMs = 2 * 3600_000
    try {
      const res = await call('/api/admin/auth/session', { method: 'POST', bearer: idToken })
      expect(res.status, res.text).toBe(401)
      expect(res.json().error.code).toBe('invalid_token')
      expect(res.headers.get('set-cookie')).toBeNull()
    } finally {
      clock.offsetMs = 0
    }
    expect((await failures()).some((r) => r.details?.reason === 'invalid_token')).toBe(true)
  })

  it('a token for another channel (aud ≠ LINE_LOGIN_CHANNEL_ID): 401 invalid_token', async () => {
    const { user } = await createOfficer(stack, 'admin')
    const res = await client(otherChannel)('/api/admin/auth/session', {
      method: 'POST',
      bearer: emulator.issueIdToken(user.userId),
    })
    expect(res.status, res.text).toBe(401)
    expect(res.json().error.code).toBe('invalid_token')
  })

  it('no token, or a token that is not a JWT: 401, LINE is not asked', async () => {
    expect((await call('/api/admin/auth/session', { method: 'POST' })).status).toBe(401)
    const junk = await call('/api/admin/auth/session', { method: 'POST', bearer: 'not-a-jwt' })
    expect(junk.status).toBe(401)
    expect(junk.json().error.code).toBe('invalid_token')
  })

  it("a citizen's LIFF token: 403 not_an_officer, may ask for access; audited with the LINE user", async () => {
    const citizen = emulator.createUser({ displayName: 'ประชาชน', language: 'th' })
    const res = await call('/api/admin/auth/session', { method: 'POST', bearer: emulator.issueIdToken(citizen.userId) })
    expect(res.status, res.text).toBe(403)
    expect(res.json().error).toMatchObject({
      code: 'not_an_officer',
      details: { canRequestAccess: true, pendingRequest: false },
    })
    expect(res.headers.get('set-cookie')).toBeNull()
    expect(await failures(citizen.userId)).toHaveLength(1)
  })

  it('a disabled officer: 403 officer_disabled, may not ask for access again', async () => {
    const { user, officer } = await createOfficer(stack, 'duty_officer')
    await stack.db.db.update(officers).set({ active: false }).where(eq(officers.id, officer.id))
    const res = await call('/api/admin/auth/session', { method: 'POST', bearer: emulator.issueIdToken(user.userId) })
    expect(res.status, res.text).toBe(403)
    expect(res.json().error).toMatchObject({ code: 'officer_disabled', details: { canRequestAccess: false } })
  })

  it('a forged or unknown session token gets nothing, and a dead cookie is cleared', async () => {
    expect((await call('/api/admin/me', { session: 'x'.repeat(43) })).status).toBe(401)
    const res = await call('/api/admin/me', { cookie: `rsz_admin=${'y'.repeat(43)}` })
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toMatch(/rsz_admin=;/)
  })
})

describe('session lifetime', () => {
  it('slides: each use (at most once a minute) moves the expiry 12 h ahead; past it the session is dead', async () => {
    const { officer } = await createOfficer(stack, 'viewer')
    let at = Date.parse('2026-01-01T00:00:00Z')
    const sessions = createSessions({ now: () => new Date(at) })
    const { token, expiresAt } = await stack.db.db.transaction((tx) => sessions.issue(tx, officer.id, {}))
    expect(expiresAt.toISOString()).toBe('2026-01-01T12:00:00.000Z')

    at += 30_000
    expect((await sessions.resolve(stack.db.db, token))?.slid).toBe(false)
    at += 11 * 3600_000
    const slid = await sessions.resolve(stack.db.db, token)
    expect(slid?.slid).toBe(true)
    expect(slid?.expiresAt.toISOString()).toBe('2026-01-01T23:00:30.000Z')
    expect(slid?.principal).toMatchObject({ officerId: officer.id, role: 'viewer' })

    at += 12 * 3600_000 + 31_000
    expect(await sessions.resolve(stack.db.db, token)).toBeUndefined()
  })
})

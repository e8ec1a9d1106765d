import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'

// The whole chain as production runs it: the app verifies the LIFF ID token with the LINE emulator's
// /oauth2/v2.1/verify over HTTP, then reads and writes the citizen in the real database.
let stack: Stack

beforeAll(async () => {
  stack = await startStack({ worker: false })
})
afterAll(async () => {
  await stack?.close()
})

async function call(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {}
  if (init.token) {
    headers.authorization = `Bearer ${init.token}`
  }
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  const res = await fetch(`${stack.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) }
}

async function citizenRow(lineUserId: string) {
  const [row] = await stack.db.db.select().from(citizens).where(eq(citizens.lineUserId, lineUserId))
  return row
}

describe('LIFF API with the LINE emulator: happy', () => {
  it('GET /api/liff/config tells the app its LIFF ID and that the emulator is on', async () => {
    const res = await call('/api/liff/config')
    expect(res.status, res.text).toBe(200)
    expect(res.json()).toEqual({
      liffId: 'emu-citizen',
      emulator: true,
      map: { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
    })
  })

  it('GET /api/liff/me with an emulator-issued token → 200, and the citizen exists', async () => {
    const user = stack.emulator.createUser({ displayName: 'สมหญิง รักสงบ', language: 'th' })
    const res = await call('/api/liff/me', { token: stack.emulator.issueIdToken(user.userId) })
    expect(res.status, res.text).toBe(200)
    expect(res.json()).toEqual({ displayName: 'สมหญิง รักสงบ', language: 'th', followState: 'following' })
    expect(await citizenRow(user.userId)).toMatchObject({ lineUserId: user.userId, language: 'th' })
  })

  it('PUT /api/liff/me/language persists', async () => {
    const user = stack.emulator.createUser({ displayName: 'John Smith', language: 'th' })
    const token = stack.emulator.issueIdToken(user.userId)
    const res = await call('/api/liff/me/language', { method: 'PUT', token, body: { language: 'en' } })
    expect(res.status, res.text).toBe(200)
    expect(res.json()).toMatchObject({ language: 'en' })
    expect((await citizenRow(user.userId))?.language).toBe('en')
    expect((await call('/api/liff/me', { token })).json()).toMatchObject({ language: 'en' })
  })

  it('GET /api/liff/station → the station from the database', async () => {
    const user = stack.emulator.createUser({ displayName: 'Station Reader', language: 'en' })
    const res = await call('/api/liff/station', { token: stack.emulator.issueIdToken(user.userId) })
    expect(res.status, res.text).toBe(200)
    expect(res.json()).toMatchObject({ code: 'RYG', phone: expect.any(String) })
  })
})

describe('LIFF API with the LINE emulator: errors', () => {
  it('bad body → 400 JSON with a code', async () => {
    const user = stack.emulator.createUser({ displayName: 'Bad Body', language: 'th' })
    const token = stack.emulator.issueIdToken(user.userId)
    for (const body of [{ language: 'jp' }, { lang: 'en' }, 'en']) {
      const res = await call('/api/liff/me/language', { method: 'PUT', token, body })
      expect(res.status, res.text).toBe(400)
      expect(res.json().error.code, res.text).toBe('validation_failed')
    }
  })

  it('LINE verify endpoint failing → 503 JSON, nothing stored', async () => {
    const user = stack.emulator.createUser({ displayName: 'During Outage', language: 'th' })
    stack.emulator.state.faults.push({ path: '/oauth2/v2.1/verify', method: 'POST', status: 500 })
    const res = await call('/api/liff/me', { token: stack.emulator.issueIdToken(user.userId) })
    expect(res.status, res.text).toBe(503)
    expect(res.json().error.code).toBe('unavailable')
    expect(await citizenRow(user.userId)).toBeUndefined()
  })
})

describe('LIFF API with the LINE emulator: security', () => {
  it('no token → 401 JSON with a code', async () => {
    const res = await call('/api/liff/me')
    expect(res.status, res.text).toBe(401)
    expect(res.json()).toMatchObject({ error: { code: 'unauthorized' }, reqId: expect.any(String) })
  })

  it('a tampered token → 401 invalid_token', async () => {
    const user = stack.emulator.createUser({ displayName: 'Tamper', language: 'th' })
    const [head, , sig] = stack.emulator.issueIdToken(user.userId).split('.')
    const other = stack.emulator.createUser({ displayName: 'Victim', language: 'th' })
    const [, body] = stack.emulator.issueIdToken(other.userId).split('.')
    const res = await call('/api/liff/me', { token: `${head}.${body}.${sig}` })
    expect(res.status, res.text).toBe(401)
    expect(res.json().error.code).toBe('invalid_token')
    expect(await citizenRow(other.userId)).toBeUndefined()
  })

  it('responses with personal data are not cacheable', async () => {
    const user = stack.emulator.createUser({ displayName: 'Cache', language: 'th' })
    const res = await call('/api/liff/me', { token: stack.emulator.issueIdToken(user.userId) })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})

describe('a token issued for another LINE Login channel', () => {
  let other: Stack
  beforeAll(async () => {
    // This deployment's LIFF apps belong to channel 2000000000; the emulator signs for 1000000000.
    other = await startStack({ worker: false, env: { LINE_LOGIN_CHANNEL_ID: '2000000000' } })
  })
  afterAll(async () => {
    await other?.close()
  })

  it('→ 401 invalid_token (wrong aud)', async () => {
    const user = other.emulator.createUser({ displayName: 'Wrong Channel', language: 'th' })
    const res = await fetch(`${other.baseUrl}/api/liff/me`, {
      headers: { authorization: `Bearer ${other.emulator.issueIdToken(user.userId)}` },
    })
    const text = await res.text()
    expect(res.status, text).toBe(401)
    expect(JSON.parse(text).error.code).toBe('invalid_token')
  })
})

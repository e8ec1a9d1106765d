import { eq } from 'drizzle-orm'
import Fastify, { type FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizenRoutes } from '../../../bot/citizens/citizen.routes.js'
import { createCitizensService } from '../../../bot/citizens/citizens.service.js'
import { registerErrorHandler } from '../../../bot/errors.js'
import { type IdTokenVerifier, InvalidTokenError } from '../../../bot/line/id-token.js'
import { createDb, type DbHandle } from '../../../db/client.js'
import { runMigrations } from '../../../db/migrate.js'
import { citizens } from '../../../db/schema/index.js'

// Route behaviour with a real (in-memory PGlite) database and a fake verifier; the verifier itself is tested
// against a fake LINE in id-token.test.ts, and the whole chain against the LINE emulator in the integration tests.
const ALICE = `U${'a'.repeat(32)}`
const BOB = `U${'b'.repeat(32)}`
const tokens: Record<string, { lineUserId: string; name?: string }> = {
  'token-alice': { lineUserId: ALICE, name: 'Alice' },
  'token-bob': { lineUserId: BOB },
}
const verifier: IdTokenVerifier = {
  async verify(idToken) {
    const who = tokens[idToken]
    if (!who) {
      throw new InvalidTokenError()
    }
    return { ...who, exp: Math.floor(Date.now() / 1000) + 3600 }
  },
}

let handle: DbHandle
let app: FastifyInstance

beforeAll(async () => {
  handle = await createDb({ dataDir: ':memory:' })
  await runMigrations(handle)
  app = Fastify({ logger: false })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)
  await app.register(citizenRoutes, {
    db: handle.db,
    citizens: createCitizensService(),
    verifier,
    client: { liffId: 'emu-citizen', emulator: true },
    rateLimit: { max: 1000, timeWindowMs: 60_000 },
  })
  await app.ready()
}, 60_000)
afterAll(async () => {
  await app?.close()
  await handle?.close()
})

const auth = (token: string) => ({ authorization: `Bearer ${token}` })

describe('LIFF API: happy', () => {
  it('GET /api/liff/config is public', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/liff/config' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      liffId: 'emu-citizen',
      emulator: true,
      map: { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
    })
  })

  it('GET /api/liff/me creates the citizen on first visit, with the name from the token', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/liff/me', headers: auth('token-alice') })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ displayName: 'Alice', language: 'th', followState: 'following' })
    expect(res.headers['cache-control']).toBe('no-store')
    const rows = await handle.db.select().from(citizens).where(eq(citizens.lineUserId, ALICE))
    expect(rows, JSON.stringify(rows)).toHaveLength(1)
  })

  it('GET /api/liff/me?lang= seeds the language of a new citizen only', async () => {
    tokens['token-carol'] = { lineUserId: `U${'c'.repeat(32)}`, name: 'Carol' }
    const first = await app.inject({ method: 'GET', url: '/api/liff/me?lang=en', headers: auth('token-carol') })
    expect(first.json(), first.body).toMatchObject({ language: 'en' })
    const alice = await app.inject({ method: 'GET', url: '/api/liff/me?lang=en', headers: auth('token-alice') })
    expect(alice.json(), 'an existing citizen keeps their language').toMatchObject({ language: 'th' })
    const bad = await app.inject({ method: 'GET', url: '/api/liff/me?lang=xx', headers: auth('token-carol') })
    expect(bad.statusCode, bad.body).toBe(400)
  })

  it('PUT /api/liff/me/language persists the choice', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/liff/me/language',
      headers: auth('token-bob'),
      payload: { language: 'en' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ language: 'en', displayName: null })
    const [row] = await handle.db.select().from(citizens).where(eq(citizens.lineUserId, BOB))
    expect(row?.language).toBe('en')
    const again = await app.inject({ method: 'GET', url: '/api/liff/me', headers: auth('token-bob') })
    expect(again.json()).toMatchObject({ language: 'en' })
  })

  it('GET /api/liff/station returns the seeded station', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/liff/station', headers: auth('token-alice') })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ code: 'RYG', nameTh: 'สถานีตำรวจภูธรเมืองระยอง', latitude: 12.6807 })
  })
})

describe('LIFF API: errors', () => {
  it('bad body → 400 validation_failed', async () => {
    for (const payload of [{ language: 'fr' }, {}, { language: 'en', lineUserId: BOB }]) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/liff/me/language',
        headers: auth('token-alice'),
        payload,
      })
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.code).toBe('validation_failed')
    }
  })
})

describe('LIFF API: security', () => {
  it('no token → 401 with a code, Thai and English text', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/liff/me' })
    expect(res.statusCode, res.body).toBe(401)
    expect(res.headers['www-authenticate']).toBe('Bearer')
    const body = res.json()
    expect(body.error).toMatchObject({ code: 'unauthorized' })
    expect(body.error.messageTh).toMatch(/[\u0E00-\u0E7F]/)
    expect(body.reqId).toBeTruthy()
  })

  it('an invalid token → 401 invalid_token', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/liff/me', headers: auth('forged') })
    expect(res.statusCode, res.body).toBe(401)
    expect(res.json().error.code).toBe('invalid_token')
    expect(res.headers['www-authenticate']).toContain('invalid_token')
  })

  it('a malformed Authorization header → 401', async () => {
    for (const authorization of ['token-alice', 'Basic token-alice', 'Bearer', 'Bearer a b']) {
      const res = await app.inject({ method: 'GET', url: '/api/liff/me', headers: { authorization } })
      expect(res.statusCode, `${authorization}: ${res.body}`).toBe(401)
    }
  })

  it('without a token the body is not even validated (401 before 400)', async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/liff/me/language', payload: { language: 'xx' } })
    expect(res.statusCode, res.body).toBe(401)
  })

  it('the user is the token, not anything the client sends', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/liff/me/language?lineUserId=${ALICE}`,
      headers: { ...auth('token-bob'), 'x-line-user-id': ALICE },
      payload: { language: 'en' },
    })
    expect(res.statusCode, res.body).toBe(200)
    const [alice] = await handle.db.select().from(citizens).where(eq(citizens.lineUserId, ALICE))
    const [bob] = await handle.db.select().from(citizens).where(eq(citizens.lineUserId, BOB))
    expect([alice?.language, bob?.language]).toEqual(['th', 'en'])
  })
})

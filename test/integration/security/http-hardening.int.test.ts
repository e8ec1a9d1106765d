import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const METRICS_TOKEN = 'metrics-token-0123456789abcdef'
const PUBLIC = 'https://oa.example.test'

/** Issue #9, HTTP hardening, on the whole app as production wires it (https PUBLIC_BASE_URL, small LIFF budgets). */
describe('HTTP hardening', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack({
      env: {
        PUBLIC_BASE_URL: PUBLIC,
        METRICS_TOKEN,
        RATE_LIMIT_LIFF_PER_IP: '6',
        RATE_LIMIT_LIFF_PER_USER: '3',
      },
    })
  })
  afterAll(async () => {
    await s?.close()
  })

  /** A fresh officer session as the admin page holds it: the cookie. */
  async function cookieSession() {
    const officer = await signInOfficer(s.db.db, { role: 'admin' })
    const token = officer.headers.authorization.replace('Session ', '')
    return { cookie: `rsz_admin=${token}`, session: officer.headers }
  }

  describe('headers on every response', () => {
    it('nosniff and HSTS on pages, API answers, errors, 404s and the hijacked SSE stream', async () => {
      const { session } = await cookieSession()
      const answers = await Promise.all([
        s.app.inject({ url: '/healthz' }),
        s.app.inject({ url: '/api/liff/config' }),
        s.app.inject({ url: '/api/liff/me', remoteAddress: '10.1.0.1' }), // 401
        s.app.inject({ url: '/no/such/route' }),
        s.app.inject({ url: '/verify/not-a-token' }),
        s.app.inject({ method: 'POST', url: '/webhook', payload: '{}' }), // bad signature
      ])
      for (const res of answers) {
        expect(res.headers['x-content-type-options'], `${res.statusCode} ${res.body.slice(0, 80)}`).toBe('nosniff')
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000')
      }
      const stream = new AbortController()
      const sse = await fetch(`${s.baseUrl}/api/admin/cases/stream`, { headers: session, signal: stream.signal })
      expect(sse.headers.get('content-type')).toContain('text/event-stream')
      expect(sse.headers.get('x-content-type-options')).toBe('nosniff')
      stream.abort()
    })
  })

  describe('one rate limit across /api/liff/*', () => {
    it('per client IP, over every LIFF route together, before any token is checked', async () => {
      const ip = '10.2.0.1'
      const paths = ['/api/liff/config', '/api/liff/me', '/api/liff/my-reports', '/api/liff/me/export']
      const statuses: number[] = []
      for (let i = 0; i < 8; i++) {
        const res = await s.app.inject({
          url: paths[i % paths.length] ?? '',
          remoteAddress: ip,
          headers: { authorization: `Bearer junk.${i}.token` },
        })
        statuses.push(res.statusCode)
      }
      expect(statuses.slice(0, 6)).not.toContain(429)
      expect(statuses.slice(6)).toEqual([429, 429])
      const other = await s.app.inject({ url: '/api/liff/config', remoteAddress: '10.2.0.2' })
      expect(other.statusCode).toBe(200)
    })

    it('per LINE user, whatever IP they come from; export and deletion requests count too', async () => {
      const user = s.emulator.createUser({ displayName: 'Budget', language: 'th' })
      const headers = { authorization: `Bearer ${s.emulator.issueIdToken(user.userId)}` }
      const calls = [
        { method: 'GET' as const, url: '/api/liff/me/export' },
        { method: 'POST' as const, url: '/api/liff/me/deletion-request' },
        { method: 'GET' as const, url: '/api/liff/me' },
        { method: 'GET' as const, url: '/api/liff/me/export' },
      ]
      const statuses: number[] = []
      for (const [i, call] of calls.entries()) {
        const res = await s.app.inject({ ...call, headers, remoteAddress: `10.3.0.${i + 1}` })
        statuses.push(res.statusCode)
        if (res.statusCode === 429) {
          expect(res.headers['retry-after']).toMatch(/^\d+$/)
          expect(res.json().error.code).toBe('rate_limited')
        }
      }
      expect(statuses).toEqual([200, 202, 200, 429])
      const someoneElse = s.emulator.createUser({ displayName: 'Other', language: 'th' })
      const res = await s.app.inject({
        url: '/api/liff/me',
        remoteAddress: '10.3.0.4',
        headers: { authorization: `Bearer ${s.emulator.issueIdToken(someoneElse.userId)}` },
      })
      expect(res.statusCode).toBe(200)
    })
  })

  describe('/api/admin writes come from our own pages', () => {
    const signOut = (headers: Record<string, string>) =>
      s.app.inject({ method: 'DELETE', url: '/api/admin/auth/session', headers })

    it('refuses a cookie-authenticated write with no Origin, a foreign Origin, or a cross-site fetch', async () => {
      const { cookie } = await cookieSession()
      const refused: Record<string, string>[] = [
        {},
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { 'sec-fetch-site': 'cross-site', origin: PUBLIC },
        { 'sec-fetch-site': 'same-site' },
      ]
      for (const extra of refused) {
        const res = await signOut({ cookie, ...extra })
        expect(res.statusCode, JSON.stringify(extra)).toBe(403)
        expect(res.json().error.code).toBe('cross_site_request')
        expect(res.json().error.messageTh).toMatch(/[\u0E00-\u0E7F]/)
      }
      const me = await s.app.inject({ url: '/api/admin/me', headers: { cookie } }) // reads are not writes
      expect(me.statusCode, me.body).toBe(200)
    })

    it('accepts PUBLIC_BASE_URL’s Origin, the address the request was sent to, or Sec-Fetch-Site: same-origin', async () => {
      const accepted: Record<string, string>[] = [
        { origin: PUBLIC },
        { origin: 'http://localhost:80' }, // inject's own host: the browser's address in an emulator run
        { 'sec-fetch-site': 'same-origin' },
      ]
      for (const extra of accepted) {
        const { cookie } = await cookieSession()
        const res = await signOut({ cookie, ...extra })
        expect(res.statusCode, `${JSON.stringify(extra)}: ${res.body}`).toBe(204)
      }
    })

    it('exempts API clients that send Authorization: Session (a browser never adds it by itself)', async () => {
      const { session } = await cookieSession()
      expect((await signOut(session)).statusCode).toBe(204)
    })

    it('a write with no session cookie has nothing to forge: it gets the usual 401', async () => {
      const res = await signOut({ origin: 'https://evil.example' })
      expect(res.statusCode).toBe(401)
    })
  })

  describe('ops and docs are not public', () => {
    it('/metrics answers only with METRICS_TOKEN', async () => {
      expect((await s.app.inject({ url: '/metrics' })).statusCode).toBe(401)
      const wrong = await s.app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } })
      expect(wrong.statusCode).toBe(401)
      const { session } = await cookieSession()
      expect((await s.app.inject({ url: '/metrics', headers: session })).statusCode).toBe(401)
      const ok = await s.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      expect(ok.statusCode).toBe(200)
      expect(ok.body).toContain('webhook_requests_total')
    })

    it('the API docs need an officer session, by header or by the admin page’s cookie; /api/docs moved', async () => {
      const moved = await s.app.inject({ url: '/api/docs' })
      expect(moved.statusCode).toBe(301)
      expect(moved.headers.location).toBe('/api/admin/docs')
      expect((await s.app.inject({ url: '/api/docs/json' })).headers.location).toBe('/api/admin/docs/json')
      const anonymous = await s.app.inject({ url: '/api/admin/docs/json' })
      expect(anonymous.statusCode).toBe(401)
      expect(anonymous.body).not.toContain('/api/admin/cases')
      expect((await s.app.inject({ url: '/api/admin/docs' })).statusCode).toBe(401)
      const { cookie, session } = await cookieSession()
      const byHeader = await s.app.inject({ url: '/api/admin/docs/json', headers: session })
      expect(byHeader.statusCode).toBe(200)
      expect(Object.keys(byHeader.json().paths)).toContain('/api/admin/cases')
      expect((await s.app.inject({ url: '/api/admin/docs/json', headers: { cookie } })).statusCode).toBe(200)
    })

    it('/readyz says ready and nothing else', async () => {
      const res = await s.app.inject({ url: '/readyz' })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual({ status: 'ready' })
    })
  })
})

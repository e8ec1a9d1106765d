import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { registerErrorHandler } from '../../../bot/errors.js'
import { requireLiffAuth } from '../../../bot/http/liff-auth.js'
import { createWindowCounter, registerLiffRateLimit } from '../../../bot/http/liff-rate-limit.js'
import { registerSecurityHeaders } from '../../../bot/http/security-headers.js'
import { InvalidTokenError } from '../../../bot/line/id-token.js'
import { createMetrics } from '../../../bot/ops/metrics.js'
import { opsRoutes } from '../../../bot/ops/ops.routes.js'

function bareApp() {
  const app = Fastify({ logger: false })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)
  return app
}

describe('the /api/liff budget', () => {
  it('counts per IP before the token is verified: junk stops costing LINE calls once the budget is spent', async () => {
    let verifyCalls = 0
    const app = bareApp()
    registerLiffRateLimit(app, { perIp: 3, perUser: 100 })
    await app.register(async (scope) => {
      requireLiffAuth(scope, {
        async verify() {
          verifyCalls++
          throw new InvalidTokenError()
        },
      })
      scope.get('/api/liff/a', async () => ({}))
      scope.get('/api/liff/b', async () => ({}))
    })
    const statuses: number[] = []
    for (const url of ['/api/liff/a', '/api/liff/b', '/api/liff/a', '/api/liff/b', '/api/liff/a']) {
      statuses.push((await app.inject({ url, headers: { authorization: 'Bearer x.y.z' } })).statusCode)
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429])
    expect(verifyCalls).toBe(3)
    await app.close()
  })

  it('counts per user after the token, and leaves other routes alone', async () => {
    const app = bareApp()
    registerLiffRateLimit(app, { perIp: 100, perUser: 2 })
    await app.register(async (scope) => {
      requireLiffAuth(scope, { verify: async (token) => ({ lineUserId: token, exp: 0 }) })
      scope.post('/api/liff/me/deletion-request', async () => ({}))
    })
    app.get('/api/admin/x', async () => ({}))
    const as = (user: string) =>
      app.inject({ method: 'POST', url: '/api/liff/me/deletion-request', headers: { authorization: `Bearer ${user}` } })
    expect([(await as('U1')).statusCode, (await as('U1')).statusCode, (await as('U1')).statusCode]).toEqual([
      200, 200, 429,
    ])
    expect((await as('U2')).statusCode).toBe(200)
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ url: '/api/admin/x' })).statusCode).toBe(200)
    }
    await app.close()
  })

  it('windows reset, and finished ones are forgotten', () => {
    let t = 0
    const counter = createWindowCounter({ max: 1, windowMs: 1_000, now: () => t })
    expect(counter.take('a').allowed).toBe(true)
    expect(counter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 1 })
    t = 1_000
    expect(counter.take('a').allowed).toBe(true)
  })
})

describe('security headers', () => {
  it('nosniff always; no HSTS for a plain-http deployment', async () => {
    const app = bareApp()
    registerSecurityHeaders(app, { hsts: false })
    app.get('/x', async () => ({}))
    const res = await app.inject({ url: '/x' })
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['strict-transport-security']).toBeUndefined()
    await app.close()
  })
})

describe('ops routes', () => {
  const failing = async () => {
    throw new Error('password authentication failed for user "rsz" at db.internal:5432')
  }

  it('/readyz says not_ready with no error text (the reason goes to the log)', async () => {
    const app = bareApp()
    await app.register(opsRoutes, { metrics: createMetrics(), checks: { database: failing, queue: async () => {} } })
    const res = await app.inject({ url: '/readyz' })
    expect(res.statusCode).toBe(503)
    expect(res.json()).toEqual({ status: 'not_ready' })
    await app.close()
  })

  it('/metrics does not exist without METRICS_TOKEN', async () => {
    const app = bareApp()
    await app.register(opsRoutes, { metrics: createMetrics(), checks: { database: failing, queue: failing } })
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(404)
    await app.close()
  })
})

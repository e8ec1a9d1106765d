import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { liffStatic } from '../../../bot/citizens/liff-static.js'
import { registerErrorHandler } from '../../../bot/errors.js'

const dir = mkdtempSync(join(tmpdir(), 'liff-static-'))
const built = join(dir, 'built')
const missing = join(dir, 'missing')

async function appFor(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  registerErrorHandler(app)
  await app.register(liffStatic, { root, frameAncestors: ['http://127.0.0.1:4010'] })
  return app
}

let app: FastifyInstance
let bare: FastifyInstance

beforeAll(async () => {
  mkdirSync(join(built, 'assets'), { recursive: true })
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>app</title>')
  writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'outside the root')
  app = await appFor(built)
  bare = await appFor(missing)
})
afterAll(async () => {
  await app.close()
  await bare.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('liffStatic: happy', () => {
  it('serves index.html for the app and for every app route (SPA fallback)', async () => {
    for (const url of ['/liff/', '/liff/settings', '/liff/settings/', '/liff/a/b?x=1']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['content-type']).toMatch(/^text\/html/)
      expect(res.body).toContain('<title>app</title>')
      expect(res.headers['cache-control']).toBe('no-cache')
    }
  })

  it('serves hashed assets with a long cache', async () => {
    const res = await app.inject({ method: 'GET', url: '/liff/assets/index-abc123.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('redirects /liff to /liff/ and keeps the query (LIFF and the emulator pass parameters)', async () => {
    const res = await app.inject({ method: 'GET', url: '/liff?emulator=1&lang=th' })
    expect(res.statusCode).toBe(301)
    expect(res.headers.location).toBe('/liff/?emulator=1&lang=th')
  })

  it('sends security headers: CSP with frame-ancestors self + the emulator, nosniff, no referrer', async () => {
    const res = await app.inject({ method: 'GET', url: '/liff/' })
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("frame-ancestors 'self' http://127.0.0.1:4010")
    expect(csp).toContain("object-src 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
  })
})

describe('liffStatic: errors', () => {
  it('a missing asset is a 404, never index.html', async () => {
    const res = await app.inject({ method: 'GET', url: '/liff/assets/index-old999.js' })
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toContain('<title>app</title>')
  })

  it('without a build: 503 page that says what to run', async () => {
    const res = await bare.inject({ method: 'GET', url: '/liff/settings' })
    expect(res.statusCode).toBe(503)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    expect(res.body).toContain('npm run build:liff')
  })
})

describe('liffStatic: security', () => {
  it('does not serve files outside the build (path traversal)', async () => {
    for (const url of [
      '/liff/../secret.txt',
      '/liff/%2e%2e/secret.txt',
      '/liff/..%2fsecret.txt',
      '/liff/assets/%00.js',
    ]) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.body, url).not.toContain('outside the root')
    }
  })
})

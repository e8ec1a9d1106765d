import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerErrorHandler } from '../../../bot/errors.js'
import { adminStatic } from '../../../bot/officers/admin-static.js'

const dir = mkdtempSync(join(tmpdir(), 'admin-static-'))
const built = join(dir, 'built')

async function appFor(root: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  registerErrorHandler(app)
  await app.register(adminStatic, {
    root,
    frameAncestors: ['http://127.0.0.1:4010'],
    client: { liffId: '2000000000-abcdefgh', emulator: false },
  })
  return app
}

let app: FastifyInstance
let bare: FastifyInstance

beforeAll(async () => {
  mkdirSync(join(built, 'assets'), { recursive: true })
  writeFileSync(join(built, 'index.html'), '<!doctype html><title>officers</title>')
  writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log(1)')
  writeFileSync(join(dir, 'secret.txt'), 'outside the root')
  app = await appFor(built)
  bare = await appFor(join(dir, 'missing'))
})
afterAll(async () => {
  await app.close()
  await bare.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('adminStatic: happy', () => {
  it('serves index.html for the app and every app route, incl. the LINE group card link /admin/cases/:id', async () => {
    for (const url of ['/admin/', '/admin/cases/5f0c1c1e-8d2b-4c55-9a3e-1f2a3b4c5d6e', '/admin/officers?x=1']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(200)
      expect(res.body).toContain('<title>officers</title>')
      expect(res.headers['cache-control']).toBe('no-cache')
    }
  })

  it('tells the page which LIFF app it is before sign-in, never cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/config.json' })
    expect(res.statusCode).toBe(200)
    // Issue #13: and where the map's tiles come from (MAP_TILE_URL; OpenStreetMap by default).
    expect(res.json()).toEqual({
      liffId: '2000000000-abcdefgh',
      emulator: false,
      map: { tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' },
    })
    expect(res.headers['cache-control']).toBe('no-store')
  })

  it('serves hashed assets for a year and redirects /admin to /admin/ with the query', async () => {
    const asset = await app.inject({ method: 'GET', url: '/admin/assets/index-abc123.js' })
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const redirect = await app.inject({ method: 'GET', url: '/admin?emulator=1&lang=th' })
    expect(redirect.statusCode).toBe(301)
    expect(redirect.headers.location).toBe('/admin/?emulator=1&lang=th')
  })
})

describe('adminStatic: security', () => {
  it('sends a CSP: own scripts and styles only, framed only by itself and the emulator', async () => {
    const res = await app.inject({ method: 'GET', url: '/admin/' })
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self' https://static.line-scdn.net")
    expect(csp).toContain("style-src 'self'")
    // The map's tiles are the one other image host (issue #13).
    expect(csp).toContain("img-src 'self' data: https://*.line-scdn.net https://tile.openstreetmap.org;")
    expect(csp).toContain("frame-ancestors 'self' http://127.0.0.1:4010")
    expect(csp).toContain("object-src 'none'")
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('never serves a file outside the build, and a missing asset is a 404, not the page', async () => {
    for (const url of ['/admin/../secret.txt', '/admin/%2e%2e/secret.txt', '/admin/assets/missing.js']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(404)
      expect(res.body).not.toContain('outside the root')
    }
  })
})

describe('adminStatic: error', () => {
  it('explains in Thai and English that the page is not built (503)', async () => {
    const res = await bare.inject({ method: 'GET', url: '/admin/cases/abc' })
    expect(res.statusCode).toBe(503)
    expect(res.body).toContain('npm run build:liff')
    expect(res.body).toContain('ยังไม่ได้สร้างหน้าเจ้าหน้าที่')
  })
})

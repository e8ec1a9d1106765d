import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { announcementImages, auditLog } from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'

// Issue #14, acceptance 3: an announcement's picture is uploaded, resized to LINE's limits and served from a durable
// URL of this server with a preview image.
let s: Stack
let admin: Record<string, string>
let duty: Record<string, string>

beforeAll(async () => {
  s = await startStack({ worker: false })
  admin = (await signInOfficer(s.db.db, { role: 'admin' })).headers
  duty = (await signInOfficer(s.db.db, { role: 'duty_officer' })).headers
}, 180_000)
afterAll(async () => {
  await s?.close()
})

type Uploaded = { id: string; originalContentUrl: string; previewImageUrl: string; width: number; height: number }

async function upload(bytes: Buffer, contentType: string, headers = admin) {
  const res = await fetch(`${s.baseUrl}/api/admin/broadcasts/images`, {
    method: 'POST',
    headers: { ...headers, 'content-type': contentType },
    body: bytes,
  })
  const text = await res.text()
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Uploaded & { error?: { code: string } } }
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })

describe('POST /api/admin/broadcasts/images', () => {
  it('turns a sideways 3000×2000 phone photo into an upright ≤ 2048 px JPEG and a ≤ 1024 px preview, served publicly and cached', async () => {
    // EXIF orientation 6: the camera stored a portrait sideways.
    const bytes = await photo(3000, 2000).jpeg().withMetadata({ orientation: 6 }).toBuffer()
    const res = await upload(bytes, 'image/jpeg')
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    expect(res.json).toMatchObject({ width: 1365, height: 2048 })
    expect(res.json.originalContentUrl).toBe(`${s.baseUrl}/api/announcement-images/${res.json.id}`)
    expect(res.json.previewImageUrl).toBe(`${s.baseUrl}/api/announcement-images/${res.json.id}/preview`)

    // Public: no session, found only by its random UUID; never changes, so cached for a year.
    const original = await fetch(res.json.originalContentUrl)
    expect(original.status).toBe(200)
    expect(original.headers.get('content-type')).toBe('image/jpeg')
    expect(original.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const originalBytes = Buffer.from(await original.arrayBuffer())
    expect(originalBytes.length).toBeLessThanOrEqual(10 * 1024 * 1024)
    const meta = await sharp(originalBytes).metadata()
    expect([meta.format, meta.width, meta.height, meta.orientation]).toEqual(['jpeg', 1365, 2048, undefined])

    const preview = await fetch(res.json.previewImageUrl)
    expect(preview.headers.get('content-type')).toBe('image/jpeg')
    const previewBytes = Buffer.from(await preview.arrayBuffer())
    expect(previewBytes.length).toBeLessThanOrEqual(1024 * 1024)
    const pm = await sharp(previewBytes).metadata()
    expect(Math.max(pm.width ?? 0, pm.height ?? 0)).toBe(1024)

    const etag = original.headers.get('etag') ?? ''
    const again = await fetch(res.json.originalContentUrl, { headers: { 'if-none-match': etag } })
    expect(again.status).toBe(304)

    const [audit] = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'broadcast.image_upload'), eq(auditLog.entityId, res.json.id)))
    expect(audit?.details).toMatchObject({ width: 1365, height: 2048, uploadedBytes: bytes.length })
  })

  it('keeps a PNG poster as PNG, converts WebP to JPEG, and never enlarges a small picture', async () => {
    const png = await upload(await photo(800, 600).png().toBuffer(), 'image/png')
    expect(png.status, JSON.stringify(png.json)).toBe(201)
    expect([png.json.width, png.json.height]).toEqual([800, 600])
    expect((await fetch(png.json.originalContentUrl)).headers.get('content-type')).toBe('image/png')
    const [row] = await s.db.db.select().from(announcementImages).where(eq(announcementImages.id, png.json.id))
    expect(row?.contentType).toBe('image/png')

    const webp = await upload(await photo(640, 480).webp().toBuffer(), 'image/webp')
    expect(webp.status, JSON.stringify(webp.json)).toBe(201)
    expect((await fetch(webp.json.originalContentUrl)).headers.get('content-type')).toBe('image/jpeg')
  })

  it('brings a picture that would be over 10 MB as PNG under LINE’s limits (JPEG), the preview under 1 MB', async () => {
    // Random noise does not compress: 2048² as PNG is about 12 MB.
    const noise = randomBytes(2048 * 2048 * 3)
    const bytes = await sharp(noise, { raw: { width: 2048, height: 2048, channels: 3 } })
      .png({ compressionLevel: 1 })
      .toBuffer()
    expect(bytes.length).toBeGreaterThan(10 * 1024 * 1024)
    const res = await upload(bytes, 'image/png')
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const original = Buffer.from(await (await fetch(res.json.originalContentUrl)).arrayBuffer())
    const preview = Buffer.from(await (await fetch(res.json.previewImageUrl)).arrayBuffer())
    expect(original.length).toBeLessThanOrEqual(10 * 1024 * 1024)
    expect(preview.length).toBeLessThanOrEqual(1024 * 1024)
  })

  it('refuses what is not a usable picture with 422 and a code; other roles with 403; unknown ids 404', async () => {
    const empty = await upload(Buffer.alloc(0), 'image/jpeg')
    expect(empty.status, JSON.stringify(empty.json)).toBeGreaterThanOrEqual(400)
    expect(empty.status).toBeLessThan(500)
    const text = await upload(Buffer.from('not a picture at all'), 'image/jpeg')
    expect([text.status, text.json.error?.code]).toEqual([422, 'image_unreadable'])
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100"/></svg>',
    )
    const vector = await upload(svg, 'image/svg+xml')
    expect([vector.status, vector.json.error?.code]).toEqual([422, 'image_type_refused'])
    const tiny = await upload(await photo(10, 10).png().toBuffer(), 'image/png')
    expect([tiny.status, tiny.json.error?.code]).toEqual([422, 'image_too_small'])
    const truncated = (await photo(400, 400).jpeg().toBuffer()).subarray(0, 300)
    const cut = await upload(truncated, 'image/jpeg')
    expect([cut.status, cut.json.error?.code]).toEqual([422, 'image_unreadable'])

    const forbidden = await upload(await photo(100, 100).png().toBuffer(), 'image/png', duty)
    expect(forbidden.status).toBe(403)
    const anonymous = await upload(await photo(100, 100).png().toBuffer(), 'image/png', {})
    expect(anonymous.status).toBe(401)

    const missing = await fetch(`${s.baseUrl}/api/announcement-images/${crypto.randomUUID()}`)
    expect(missing.status).toBe(404)
    expect((await fetch(`${s.baseUrl}/api/announcement-images/not-a-uuid/preview`)).status).toBe(400)
  })
})

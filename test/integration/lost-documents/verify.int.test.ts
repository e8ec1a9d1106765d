import { mkdirSync } from 'node:fs'
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { beforeAll, describe, expect, it } from 'vitest'
import { registerErrorHandler } from '../../../bot/errors.js'
import { revokeRecord } from '../../../bot/lost-documents/record/issue.js'
import { verifyRoutes } from '../../../bot/lost-documents/verify/verify.routes.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { lostDocumentStack } from './api-stack.js'
import { DECLARANT, DOC_NUMBER, FULL_ID, insertReport, lineFriend, STREET } from './record-fixtures.js'

const SHOTS = '/tmp/verify-shots'
/** What a reader sees: the page without its tags. */
const text = (html: string) => html.replace(/<[^>]+>/g, '')

/** The public verification page a record's QR code opens: what it says, what it never says, and its limits. */
describe('GET /verify/:token', () => {
  const s = lostDocumentStack()
  let valid: { token: string; referenceNumber: string; caseId: string }
  let revoked: { token: string; referenceNumber: string; caseId: string }
  beforeAll(async () => {
    const officer = await signInOfficer(s.db.db)
    const issue = async (name: string) => {
      const r = await insertReport(s, { lineUserId: lineFriend(s, name).userId })
      const out = await s.deps.db.transaction((tx) =>
        s.deps.lostDocuments.records.issue(tx, { caseId: r.caseId, officerId: officer.id, now: new Date() }),
      )
      return { ...r, token: out.verifyToken }
    }
    valid = await issue('Valid')
    revoked = await issue('Revoked')
    await s.deps.db.transaction((tx) =>
      revokeRecord(tx, { caseId: revoked.caseId, officerId: officer.id, reason: 'พบเอกสารแล้ว' }),
    )
  })

  const get = (token: string, json = false) =>
    s.app.inject({ method: 'GET', url: `/verify/${token}`, headers: json ? { accept: 'application/json' } : {} })

  function expectNoPersonalData(body: string) {
    for (const secret of [DECLARANT, FULL_ID, FULL_ID.slice(-4), STREET, DOC_NUMBER, '0812345678', 'ธนาคารออมสิน']) {
      expect(body, `leaks ${secret}`).not.toContain(secret)
    }
  }

  it('says VALID with the number, BE date, station and document types only (happy)', async () => {
    const res = await get(valid.token)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(text(res.body)).toContain('บันทึกนี้ถูกต้อง และยังมีผลอยู่')
    expect(res.body).toContain('VALID')
    expect(res.body).toContain(valid.referenceNumber)
    expect(res.body).toMatch(/\d{1,2} [ก-๙.]+ 25\d\d \d\d:\d\d น\./)
    expect(res.body).toContain('สถานีตำรวจภูธรเมืองระยอง')
    expect(res.body).toContain('บัตรประจำตัวประชาชน')
    expect(res.body).toContain('สมุดบัญชีเงินฝาก')
    expectNoPersonalData(res.body)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['x-robots-tag']).toContain('noindex')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    expect(res.body).toContain('<meta name="robots" content="noindex')
  })

  it('answers JSON with the same fields and nothing more', async () => {
    const res = await get(valid.token, true)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ status: 'valid', referenceNumber: valid.referenceNumber })
    expect(Object.keys(body).sort()).toEqual(['documentTypes', 'issuedAt', 'referenceNumber', 'station', 'status'])
    expect(body.documentTypes.map((d: { code: string }) => d.code)).toEqual(['thai_id_card', 'bank_book'])
    expectNoPersonalData(res.body)
  })

  it('says REVOKED with the revocation date, never the reason', async () => {
    const html = await get(revoked.token)
    expect(text(html.body)).toContain('บันทึกนี้ถูกยกเลิกแล้ว')
    expect(html.body).toContain('REVOKED')
    expect(html.body).toContain('ยกเลิกเมื่อ')
    expect(html.body).not.toContain('พบเอกสารแล้ว')
    expectNoPersonalData(html.body)
    const json = (await get(revoked.token, true)).json()
    expect(json).toMatchObject({ status: 'revoked', referenceNumber: revoked.referenceNumber })
    expect(Date.parse(json.revokedAt)).toBeGreaterThan(0)
  })

  it('gives unknown, malformed and tampered tokens one and the same answer (security)', async () => {
    const flipped = `${valid.token.slice(0, -1)}${valid.token.endsWith('A') ? 'B' : 'A'}`
    const tokens = ['AAAAAAAAAAAAAAAAAAAAAA', flipped, 'abc', '..%2F..%2Fetc', 'x'.repeat(600), `${valid.token}x`]
    const answers = await Promise.all(tokens.map((t) => get(t, true)))
    for (const [i, res] of answers.entries()) {
      expect(res.statusCode, tokens[i]).toBe(200)
      expect(res.json(), tokens[i]).toEqual(answers[0]?.json())
    }
    expect(answers[0]?.json()).toMatchObject({ status: 'unknown' })
    const html = await get(flipped)
    expect(text(html.body)).toContain('ไม่พบบันทึกนี้ในระบบ')
    expect(html.body).toContain('UNKNOWN')
    expect(html.body).not.toContain(valid.referenceNumber)
  })

  it.skipIf(!hasChromium)('reads well on a phone and a desktop (screenshots in /tmp/verify-shots)', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const browser = await launchChromium()
    try {
      for (const [name, token] of [
        ['valid', valid.token],
        ['revoked', revoked.token],
        ['unknown', 'AAAAAAAAAAAAAAAAAAAAAA'],
      ] as const) {
        for (const viewport of [
          { width: 320, height: 640 },
          { width: 390, height: 844 },
          { width: 1280, height: 800 },
        ]) {
          const page = await browser.newPage({ viewport })
          const res = await page.goto(`${s.baseUrl}/verify/${token}`)
          expect(res?.status()).toBe(200)
          // Nothing sideways on a phone: the page is exactly as wide as the screen.
          expect(await page.evaluate('document.documentElement.scrollWidth')).toBe(viewport.width)
          await page.screenshot({ path: `${SHOTS}/${name}-${viewport.width}.png`, fullPage: true })
          await page.close()
        }
      }
    } finally {
      await browser.close()
    }
  })
})

describe('verification rate limit', () => {
  const s = lostDocumentStack({ worker: false })

  it('answers 429 in Thai and English once an IP checks too often (security)', async () => {
    const app = Fastify()
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(serializerCompiler)
    registerErrorHandler(app)
    await app.register(verifyRoutes, { db: s.db.db, rateLimit: { max: 3, timeWindowMs: 60_000 } })
    for (let i = 0; i < 3; i++) {
      expect((await app.inject({ method: 'GET', url: '/verify/AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(200)
    }
    const page = await app.inject({ method: 'GET', url: '/verify/AAAAAAAAAAAAAAAAAAAAAA' })
    expect(page.statusCode).toBe(429)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.headers['retry-after']).toBeDefined()
    expect(text(page.body)).toContain('ตรวจสอบถี่เกินไป')
    expect(page.body).toContain('Too many checks')
    const json = await app.inject({
      method: 'GET',
      url: '/verify/AAAAAAAAAAAAAAAAAAAAAA',
      headers: { accept: 'application/json' },
    })
    expect(json.statusCode).toBe(429)
    expect(json.json()).toEqual({ status: 'rate_limited' })
    await app.close()
  })
})

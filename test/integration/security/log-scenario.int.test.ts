import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiClient } from '../../unit/lost-documents/api-client.js'
import { chatDriver } from '../../unit/lost-documents/chat-driver.js'
import { THAI_ID, validDraft } from '../../unit/lost-documents/fixtures.js'

/**
 * Issue #9, logs: a whole scenario at info level, with the log captured: a citizen types their ID and phone in the
 * chat, files a report from LIFF, downloads the record over its signed link, and an officer searches by ID and phone.
 * Then the captured log is searched for the ID, the phone and the link's signature, in every shape typed.
 */
describe('a captured log of a full scenario holds no ID, phone or link signature', () => {
  const lines: string[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  let s: Stack
  beforeAll(async () => {
    s = await startStack({ env: { LOG_LEVEL: 'info' }, logDestination: sink })
  })
  afterAll(async () => {
    await s?.close()
  })

  const PHONE_TYPED = '+66 81 234 5678'
  const secrets = new Set([THAI_ID, '1-2345-67890-12-1', '0812345678', '081-234-5678', '812345678', PHONE_TYPED])

  it('runs the scenario and logs nothing of it that identifies the citizen or opens the record', async () => {
    // The chat: ID and phone typed as people type them.
    const user = s.emulator.createUser({ displayName: 'สมชาย ใจดี', language: 'th' })
    const c = chatDriver(s, user.userId)
    await c.postback('a=ld&x=chat')
    await c.text('นายสมชาย ใจดี')
    await c.postback('a=ld&x=idt&v=thai_id')
    await c.text('1-2345-67890-12-1')
    await c.postback('a=ld&x=dob', { date: '1987-05-12' })
    expect((await c.text(PHONE_TYPED)).text).toContain('บ้านเลขที่')

    // The LIFF form: a report whose policy issues the record at once, so it has a signed PDF link.
    const liff = apiClient(s.baseUrl)
    const token = s.emulator.issueIdToken(user.userId)
    const submitted = await liff('/api/liff/lost-documents', { method: 'POST', token, body: validDraft() })
    expect(submitted.status, submitted.text).toBe(201)
    const pdfUrl = String(submitted.json().report.pdfUrl)
    const sig = new URL(pdfUrl).searchParams.get('sig') ?? ''
    expect(sig).toMatch(/^[\w-]{43}$/)
    secrets.add(sig)
    const link = new URL(pdfUrl)
    const pdf = await fetch(`${s.baseUrl}${link.pathname}${link.search}`)
    expect(pdf.status).toBe(200)
    const mine = await liff('/api/liff/my-reports', { token })
    expect(mine.status, mine.text).toBe(200)

    // The officer searches by ID and by phone, typed both ways.
    const duty = await signInOfficer(s.db.db, { role: 'duty_officer' })
    for (const q of [THAI_ID, '1-2345-67890-12-1', '081-234-5678', '0812345678']) {
      const res = await fetch(`${s.baseUrl}/api/admin/cases?q=${encodeURIComponent(q)}`, { headers: duty.headers })
      expect(res.status).toBe(200)
      const body = (await res.json()) as { items: unknown[] }
      expect(body.items.length, q).toBeGreaterThan(0)
    }

    await new Promise((r) => setTimeout(r, 500)) // the last "request completed" lines
    const log = lines.join('')
    expect(log).toContain('"url":"/api/admin/cases?<removed>"') // the searches were logged, without their terms
    expect(log).toContain('record.pdf?<removed>')
    expect(log).toContain('"msg":"request completed"')
    for (const secret of secrets) {
      expect(log.includes(secret), `the log contains ${secret}`).toBe(false)
    }
  })
})

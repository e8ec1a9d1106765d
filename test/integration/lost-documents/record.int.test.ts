import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { revokeRecord } from '../../../bot/lost-documents/record/issue.js'
import { hashVerifyToken } from '../../../bot/lost-documents/record/token.js'
import { auditLog, caseEvents, cases, lostDocumentReports, outboundMessages } from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { lostDocumentStack } from './api-stack.js'
import { buttonUris, DECLARANT, DOC_NUMBER, FULL_ID, insertReport, lineFriend, STREET } from './record-fixtures.js'

const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm')

/** Issuing a record, its citizen card, and the signed PDF download, on the whole stack (DB, queue, LINE emulator). */
describe('lost-document record: issue and download', () => {
  const s = lostDocumentStack()
  const dir = mkdtempSync(join(tmpdir(), 'record-int-'))
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true })
  })

  const path = (url: string) => {
    const u = new URL(url)
    return `${u.pathname}${u.search}`
  }
  const issue = (caseId: string, now = new Date()) =>
    s.deps.db.transaction((tx) => s.deps.lostDocuments.records.issue(tx, { caseId, officerId: null, now }))

  it('stores only the token hash, moves the case, and sends the citizen a card with working buttons (happy)', async () => {
    const user = lineFriend(s, 'Citizen A')
    const r = await insertReport(s, { lineUserId: user.userId })
    const now = new Date()
    const out = await issue(r.caseId, now)

    const [report] = await s.db.db.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, r.caseId))
    expect(report?.verifyTokenHash).toBe(hashVerifyToken(out.verifyToken))
    expect(JSON.stringify(report)).not.toContain(out.verifyToken)
    expect(report?.issuedAt?.getTime()).toBe(now.getTime())
    expect(report?.issuedBy).toBeNull()
    const [c] = await s.db.db.select().from(cases).where(eq(cases.id, r.caseId))
    expect(c).toMatchObject({ status: 'issued' })
    expect(c?.resolvedAt).not.toBeNull()
    const events = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, r.caseId))
    expect(events.map((e) => [e.type, e.toStatus, e.actorType])).toContainEqual(['status', 'issued', 'system'])
    const audits = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, r.caseId), eq(auditLog.action, 'lost_document.issue')))
    expect(audits).toHaveLength(1)

    const [card] = await s.emulator.waitForMessages(user.userId, 1, 15_000)
    expect(card?.message).toMatchObject({ type: 'flex' })
    expect(JSON.stringify(card?.message)).toContain(r.referenceNumber)
    const [pdfUrl, verifyUrl] = buttonUris(card?.message)
    expect(pdfUrl).toContain(`/api/liff/lost-documents/${r.caseId}/record.pdf?lang=th&exp=`)
    expect(verifyUrl).toBe(`${s.deps.config.publicBaseUrl}/verify/${out.verifyToken}`)

    const res = await s.app.inject({ method: 'GET', url: path(pdfUrl ?? '') })
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe(`inline; filename="${r.referenceNumber}.pdf"`)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')

    if (hasPoppler) {
      const file = join(dir, 'record.pdf')
      writeFileSync(file, res.rawPayload)
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')
      expect(text).toContain(r.referenceNumber)
      expect(text).toMatch(/\d{1,2} [ก-๙]+ 25\d\d เวลา \d\d:\d\d น\./)
      expect(text).toContain('สถานีตำรวจภูธรเมืองระยอง')
      expect(text).toContain(DECLARANT)
      expect(text).toContain('x-xxxx-xxxxx-12-1')
      expect(text).toContain('มาตรา 137')
      expect(text).toContain(`${s.deps.config.publicBaseUrl}/verify/${out.verifyToken}`)
      expect(text).not.toContain(FULL_ID)
      expect(text).not.toContain(DOC_NUMBER)
      expect(text).toContain(STREET) // the declarant's own copy carries the address; the verify page never does
      const render = spawnSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', file, join(dir, 'page')])
      expect(render.status, render.stderr.toString()).toBe(0)
    }
  })

  it('answers an English citizen in English and links the English PDF', async () => {
    const user = lineFriend(s, 'Tourist', 'en')
    const r = await insertReport(s, { lineUserId: user.userId, language: 'en' })
    await issue(r.caseId)
    const [card] = await s.emulator.waitForMessages(user.userId, 1, 15_000)
    expect(JSON.stringify(card?.message)).toContain('Download record (PDF)')
    expect(buttonUris(card?.message)[0]).toContain('lang=en')
  })

  it('refuses a second issue of the same report (error)', async () => {
    const r = await insertReport(s, { lineUserId: lineFriend(s, 'Twice').userId })
    await issue(r.caseId)
    await expect(issue(r.caseId)).rejects.toMatchObject({ code: 'already_issued', statusCode: 409 })
    const rows = await s.db.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.purpose, 'lost-document-record'))
    expect(rows.length).toBeGreaterThan(0)
  })

  it('answers 403 with a code to a tampered or expired link (security)', async () => {
    const r = await insertReport(s, { lineUserId: lineFriend(s, 'Links').userId })
    await issue(r.caseId)
    const expired = path(s.deps.lostDocuments.records.pdfUrl(r.caseId, 'th', new Date(Date.now() - 8 * 86_400_000)))
    const res = await s.app.inject({ method: 'GET', url: expired })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('link_expired')

    const good = new URL(s.deps.lostDocuments.records.pdfUrl(r.caseId, 'th'))
    const tampered = [
      good.search.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
      good.search.replace(/exp=(\d+)/, (_m, n: string) => `exp=${Number(n) + 3600}`),
      good.search.replace('lang=th', 'lang=en'),
      good.search.replace(/&sig=[^&]+/, ''),
    ]
    for (const search of tampered) {
      const r2 = await s.app.inject({ method: 'GET', url: `${good.pathname}${search}` })
      expect(r2.statusCode, search).toBe(403)
      expect(r2.json().error.code).toBe('link_invalid')
    }
    // Another case's ID under this signature.
    const other = await insertReport(s, { lineUserId: lineFriend(s, 'Other').userId })
    const swapped = `${good.pathname.replace(r.caseId, other.caseId)}${good.search}`
    expect((await s.app.inject({ method: 'GET', url: swapped })).statusCode).toBe(403)
  })

  it('shows a browser a Thai/English page saying what happened and how to get a new link', async () => {
    const r = await insertReport(s, { lineUserId: lineFriend(s, 'Browser').userId })
    await issue(r.caseId)
    const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' }
    const text = (html: string) => html.replace(/<[^>]+>/g, '')
    const expired = path(s.deps.lostDocuments.records.pdfUrl(r.caseId, 'th', new Date(Date.now() - 8 * 86_400_000)))
    const old = await s.app.inject({ method: 'GET', url: expired, headers: browser })
    expect(old.statusCode).toBe(403)
    expect(old.headers['content-type']).toContain('text/html')
    expect(old.headers['content-security-policy']).toContain("default-src 'none'")
    expect(text(old.body)).toContain('ลิงก์ดาวน์โหลดนี้หมดอายุแล้ว')
    expect(text(old.body)).toContain('This download link has expired')
    expect(text(old.body)).toContain('เรื่องที่ฉันแจ้ง') // how to get a new one: "my reports" in the chat
    expect(text(old.body)).toContain('My reports')
    expect(old.body).not.toContain('"error"')

    const good = new URL(s.deps.lostDocuments.records.pdfUrl(r.caseId, 'th'))
    const bad = await s.app.inject({ method: 'GET', url: `${good.pathname}?lang=th&exp=1&sig=x`, headers: browser })
    expect(bad.statusCode).toBe(403)
    expect(text(bad.body)).toContain('ลิงก์ดาวน์โหลดนี้ไม่ถูกต้อง')
    expect(text(bad.body)).toContain('not valid')

    const pending = await insertReport(s, { lineUserId: lineFriend(s, 'Pending').userId })
    const notYet = path(s.deps.lostDocuments.records.pdfUrl(pending.caseId, 'th'))
    const missing = await s.app.inject({ method: 'GET', url: notYet, headers: browser })
    expect(missing.statusCode).toBe(404)
    expect(text(missing.body)).toContain('ยังไม่มีบันทึกที่ออกแล้ว')

    // An API client asking for JSON still gets the JSON error with its code.
    const api = await s.app.inject({ method: 'GET', url: expired, headers: { accept: 'application/json' } })
    expect(api.statusCode).toBe(403)
    expect(api.json().error.code).toBe('link_expired')
  })

  it('gives the LIFF page PDF links on the address its browser used (emulator mode: 127.0.0.1, a LAN phone)', async () => {
    const user = lineFriend(s, 'On the LAN')
    const r = await insertReport(s, { lineUserId: user.userId })
    await issue(r.caseId)
    const mine = async (host: string) => {
      const res = await s.app.inject({
        method: 'GET',
        url: '/api/liff/my-reports',
        headers: { host, authorization: `Bearer ${s.emulator.issueIdToken(user.userId)}` },
      })
      expect(res.statusCode, res.body).toBe(200)
      return res.json().items[0]?.pdfUrl as string
    }
    expect(await mine('192.168.1.20:3000')).toMatch(
      new RegExp(`^http://192\\.168\\.1\\.20:3000/api/liff/lost-documents/${r.caseId}/record\\.pdf\\?`),
    )
    expect(await mine('127.0.0.1:3000')).toMatch(/^http:\/\/127\.0\.0\.1:3000\/api\/liff\//)
    // The link itself still works there.
    const res = await s.app.inject({ method: 'GET', url: path(await mine('192.168.1.20:3000')) })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
  })

  it('serves nothing for a report not issued (404), and a clear 410 page once revoked', async () => {
    const r = await insertReport(s, { lineUserId: lineFriend(s, 'Revoked').userId })
    const url = path(s.deps.lostDocuments.records.pdfUrl(r.caseId, 'th'))
    const before = await s.app.inject({ method: 'GET', url })
    expect(before.statusCode).toBe(404)

    await issue(r.caseId)
    expect((await s.app.inject({ method: 'GET', url })).statusCode).toBe(200)
    const officer = await signInOfficer(s.db.db)
    await s.db.db.transaction((tx) =>
      revokeRecord(tx, { caseId: r.caseId, officerId: officer.id, reason: 'เอกสารพบแล้ว' }),
    )
    const gone = await s.app.inject({ method: 'GET', url })
    expect(gone.statusCode).toBe(410)
    expect(gone.headers['content-type']).toContain('text/html')
    expect(gone.body.replace(/<[^>]+>/g, '')).toContain('บันทึกนี้ถูกยกเลิกแล้ว')
    expect(gone.body).toContain('REVOKED')
    expect(gone.body).toContain(r.referenceNumber)
    expect(gone.body).not.toContain(DECLARANT)
    expect(gone.body).not.toContain('เอกสารพบแล้ว')
  })
})

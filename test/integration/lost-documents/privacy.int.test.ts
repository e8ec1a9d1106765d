import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createSearchHasher } from '../../../bot/cases/search-hash.js'
import { cases, citizens, dataRequests, lostDocumentItems, lostDocumentReports } from '../../../db/schema/index.js'
import { THAI_ID, validDraft } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// PDPA: numbers encrypted at rest and findable by keyed hash; the citizen's export and deletion request.
const s = lostDocumentStack({ worker: false })
const { call, person } = s

describe('at rest', () => {
  it('ID, phone and document numbers are ciphertext; hashes find the case; no plain number anywhere in the rows', async () => {
    const { token } = person('เข้ารหัส')
    const body = validDraft({ items: [{ documentType: 'bank_book', number: '123-4-56789-0', issuer: 'ธนาคารออมสิน' }] })
    const res = await call('/api/liff/lost-documents', { method: 'POST', token, body })
    const id = res.json().report.id
    const [report] = await s.db.db.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, id))
    const items = await s.db.db.select().from(lostDocumentItems).where(eq(lostDocumentItems.caseId, id))
    const raw = JSON.stringify([report, items])
    for (const secret of [THAI_ID, '0812345678', '1234567890', '4-56789']) {
      expect(raw).not.toContain(secret)
    }
    expect(items[0]?.numberLast).toBe('7890')
    const { cipher } = s.deps
    expect(cipher.decrypt(items[0]?.numberEnc ?? '')).toBe('123-4-56789-0')
    // Officers search cases by name, phone or ID through cases.search_hashes.
    const hasher = createSearchHasher(s.deps.config.piiEncryptionKey)
    const [row] = await s.db.db.select().from(cases).where(eq(cases.id, id))
    expect(row?.searchHashes).toEqual(
      expect.arrayContaining([
        hasher.hash('สมชาย ใจดี', 'name'),
        hasher.hash('081-234-5678', 'phone'),
        hasher.hash(THAI_ID, 'id'),
      ]),
    )
    expect(report?.idNumberHash).toBe(cipher.keyedHash('id_number', THAI_ID))
  })
})

describe("the citizen's rights", () => {
  it('GET /api/liff/me/export: their citizen row, consents and reports with numbers in full, as a JSON download', async () => {
    const { user, token } = person('ส่งออก')
    await call('/api/liff/lost-documents', { method: 'POST', token, body: validDraft() })
    const res = await call('/api/liff/me/export', { token })
    expect(res.status, res.text).toBe(200)
    expect(res.headers.get('content-disposition')).toContain('attachment')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const data = res.json()
    expect(data.citizen.lineUserId).toBe(user.userId)
    expect(data.citizen.consents).toEqual([
      expect.objectContaining({ purpose: 'lost_document_report', version: 'lost-doc-2026-11' }),
    ])
    expect(data.lostDocumentReports).toHaveLength(1)
    expect(data.lostDocumentReports[0]).toMatchObject({
      idNumber: THAI_ID,
      phone: '0812345678',
      declarantName: 'สมชาย ใจดี',
    })
    expect(data.lostDocumentReports[0].items[0]).toMatchObject({ documentType: 'thai_id_card', number: THAI_ID })
    const other = person('อีกคน')
    const theirs = (await call('/api/liff/me/export', { token: other.token })).json()
    expect(theirs.lostDocumentReports).toEqual([])
  })

  it('POST /api/liff/me/deletion-request: a pending request, answered within 30 days (PDPA s.33, erasure); twice is one', async () => {
    const { user, token } = person('ขอลบ')
    const res = await call('/api/liff/me/deletion-request', { method: 'POST', token })
    expect(res.status, res.text).toBe(202)
    const body = res.json()
    expect(body.messageTh).toContain('30 วัน')
    expect(body.messageTh).toContain('มาตรา 33')
    expect(body.messageEn).toContain('section 33')
    const due = new Date(body.dueBy).getTime() - new Date(body.request.createdAt).getTime()
    expect(due).toBe(30 * 24 * 3600 * 1000)
    const again = await call('/api/liff/me/deletion-request', { method: 'POST', token })
    expect(again.json().request.id).toBe(body.request.id)
    const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
    const rows = await s.db.db
      .select()
      .from(dataRequests)
      .where(eq(dataRequests.citizenId, citizen?.id ?? ''))
    expect(rows.filter((r) => r.kind === 'delete')).toEqual([expect.objectContaining({ status: 'pending' })])
  })

  it('both need a LINE sign-in', async () => {
    expect((await call('/api/liff/me/export')).status).toBe(401)
    expect((await call('/api/liff/me/deletion-request', { method: 'POST' })).status).toBe(401)
  })
})

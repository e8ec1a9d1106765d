import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { caseEvents, cases } from '../../../db/schema/index.js'
import { validDraft } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// "My reports": the citizen's own reports only (IDOR: another citizen's case is a 404), newest first, with history.
const s = lostDocumentStack({ worker: false })
const { call, tokenFor: person } = s
async function file(token: string, body = validDraft()) {
  const res = await call('/api/liff/lost-documents', { method: 'POST', token, body })
  expect(res.status, res.text).toBe(201)
  return res.json().report as { id: string; referenceNumber: string }
}

describe('GET /api/liff/my-reports', () => {
  it("lists only the citizen's own reports, newest first, numbers masked", async () => {
    const alice = person('อลิส')
    const bob = person('บ็อบ')
    const first = await file(alice)
    const second = await file(alice, validDraft({ items: [{ documentType: 'thai_passport', number: 'AA9876543' }] }))
    await file(bob)
    const res = await call('/api/liff/my-reports', { token: alice })
    expect(res.status, res.text).toBe(200)
    const { items } = res.json()
    expect(items.map((r: { id: string }) => r.id)).toEqual([second.id, first.id])
    expect(items[0]).toMatchObject({ status: 'submitted', statusTh: 'รับเรื่องแล้ว', issued: false, pdfUrl: null })
    expect(items[0].items[0]).toMatchObject({ nameTh: 'หนังสือเดินทางไทย', number: 'xxxxx6543' })
    expect(items[1]).toMatchObject({ status: 'issued', issued: true })
    expect(items[1].pdfUrl).toContain('record.pdf')
    expect(res.text).not.toContain('AA9876543')
    expect((await call('/api/liff/my-reports', { token: person('ใหม่') })).json().items).toEqual([])
  })

  it("a report's detail: masked ID, address, status history with messages, never internal notes", async () => {
    const token = person('ดูรายละเอียด')
    const report = await file(token, validDraft({ items: [{ documentType: 'other' }] }))
    const now = new Date()
    await s.db.db.insert(caseEvents).values([
      {
        caseId: report.id,
        type: 'note',
        actorType: 'officer',
        body: 'internal: call the bank',
        internal: true,
        createdAt: now,
      },
      {
        caseId: report.id,
        type: 'status',
        actorType: 'officer',
        fromStatus: 'submitted',
        toStatus: 'awaiting_info',
        body: 'ทำหายที่ไหนครับ',
        createdAt: now,
      },
      { caseId: report.id, type: 'message_in', actorType: 'citizen', body: 'ที่ตลาดครับ', createdAt: now },
    ])
    await s.db.db.update(cases).set({ status: 'awaiting_info' }).where(eq(cases.id, report.id))
    const res = await call(`/api/liff/my-reports/${report.id}`, { token })
    expect(res.status, res.text).toBe(200)
    const detail = res.json().report
    expect(detail).toMatchObject({
      referenceNumber: report.referenceNumber,
      status: 'awaiting_info',
      statusEn: 'Waiting for more information',
      idNumber: 'x-xxxx-xxxxx-12-1',
      phone: 'xxxxxx5678',
      address: expect.objectContaining({ subdistrict: 'เชิงเนิน', postcode: '21000' }),
    })
    expect(detail.history.map((h: { type: string; status: string | null }) => [h.type, h.status])).toEqual([
      ['created', 'submitted'],
      ['status', 'awaiting_info'],
      ['message_in', null],
    ])
    expect(res.text).not.toContain('internal: call the bank')
    expect(res.text).not.toContain('1234567890121')
  })
})

describe('a photo the citizen sent (issue #8, verification on `npm start`)', () => {
  it('shows in the history as a photo, not as an empty "your message"', async () => {
    const token = person('ส่งรูป')
    const report = await file(token)
    // As the chat stores a photo sent while the case awaits information (cases/case-media.ts): no text, its type.
    await s.db.db.insert(caseEvents).values([
      {
        caseId: report.id,
        type: 'message_in',
        actorType: 'citizen',
        data: { messageType: 'image', content: 'stored' },
      },
      { caseId: report.id, type: 'message_in', actorType: 'citizen', body: 'ส่งรูปแล้วนะคะ' },
    ])
    const res = await call(`/api/liff/my-reports/${report.id}`, { token })
    expect(res.status, res.text).toBe(200)
    const history = res.json().report.history as { type: string; body: string | null; media: string | null }[]
    expect(history.filter((h) => h.type === 'message_in').map((h) => [h.body, h.media])).toEqual([
      [null, 'image'],
      ['ส่งรูปแล้วนะคะ', null],
    ])
  })
})

describe('security: IDOR', () => {
  it("another citizen's case ID → 404 (not 403), and the same for a made-up or malformed ID", async () => {
    const owner = person('เจ้าของ')
    const report = await file(owner)
    const other = person('คนอื่น')
    const stolen = await call(`/api/liff/my-reports/${report.id}`, { token: other })
    expect(stolen.status).toBe(404)
    expect(stolen.text).not.toContain(report.referenceNumber)
    expect((await call('/api/liff/my-reports/00000000-0000-4000-8000-000000000000', { token: other })).status).toBe(404)
    expect((await call("/api/liff/my-reports/1' or '1'='1", { token: other })).status).toBe(404)
    expect((await call(`/api/liff/my-reports/${report.id}`, { token: owner })).status).toBe(200)
  })

  it('no token → 401; a forged token → 401', async () => {
    expect((await call('/api/liff/my-reports')).status).toBe(401)
    expect((await call('/api/liff/my-reports', { token: 'aaa.bbb.ccc' })).status).toBe(401)
  })
})

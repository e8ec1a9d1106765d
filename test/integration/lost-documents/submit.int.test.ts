import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { caseEvents, cases, citizens, consents, lostDocumentReports } from '../../../db/schema/index.js'
import { validDraft } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// Submitting from the LIFF form: one report per idempotency key, the policy per document type, the receipt in chat.
const s = lostDocumentStack()
const { call, person } = s

const submit = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  call('/api/liff/lost-documents', { method: 'POST', token, body, headers })

async function reportsOf(lineUserId: string) {
  const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, lineUserId))
  return s.db.db
    .select()
    .from(lostDocumentReports)
    .where(eq(lostDocumentReports.citizenId, citizen?.id ?? ''))
}

describe('idempotent submission', () => {
  it('the same Idempotency-Key twice (double tap, retry) → one report; the second answer is 200 with it', async () => {
    const { user, token } = person('สมชาย ซ้ำสอง')
    const headers = { 'idempotency-key': 'form-7f1c2d9e-0001' }
    const [a, b] = await Promise.all([submit(token, validDraft(), headers), submit(token, validDraft(), headers)])
    expect([a.status, b.status].sort(), a.text + b.text).toEqual([200, 201])
    expect(a.json().report.id).toBe(b.json().report.id)
    const again = await submit(token, validDraft(), headers)
    expect(again.status).toBe(200)
    expect(again.json()).toMatchObject({ created: false, report: { id: a.json().report.id } })
    expect(await reportsOf(user.userId)).toHaveLength(1)
  })

  it('the key may come in the body; a later, different submission makes a new report', async () => {
    const { user, token } = person('สมหญิง สองเรื่อง')
    const first = await submit(token, { ...validDraft(), idempotencyKey: 'body-key-00000001' })
    const retry = await submit(token, { ...validDraft(), idempotencyKey: 'body-key-00000001' })
    const second = await submit(token, {
      ...validDraft({ placeText: 'ห้างเซ็นทรัล' }),
      idempotencyKey: 'body-key-00000002',
    })
    expect([first.status, retry.status, second.status]).toEqual([201, 200, 201])
    expect(second.json().report.referenceNumber).not.toBe(first.json().report.referenceNumber)
    expect(await reportsOf(user.userId)).toHaveLength(2)
  })

  it('another citizen with the same key gets their own report', async () => {
    const a = person('คนที่หนึ่ง')
    const b = person('คนที่สอง')
    const headers = { 'idempotency-key': 'shared-key-000001' }
    const [ra, rb] = [await submit(a.token, validDraft(), headers), await submit(b.token, validDraft(), headers)]
    expect([ra.status, rb.status]).toEqual([201, 201])
    expect(ra.json().report.id).not.toBe(rb.json().report.id)
  })
})

describe('policy per document type, receipt in the chat', () => {
  it('every item issue_now → issued at once (electronically, no officer) and the receipt has the PDF link', async () => {
    const { user, token } = person('ออกทันที')
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    const res = await submit(
      token,
      validDraft({ items: [{ documentType: 'thai_id_card' }, { documentType: 'bank_book', issuer: 'ธนาคารออมสิน' }] }),
    )
    expect(res.status, res.text).toBe(201)
    const { report } = res.json()
    expect(report).toMatchObject({ status: 'issued', issued: true, statusTh: 'ออกบันทึกแล้ว' })
    expect(report.pdfUrl).toContain(`/api/liff/lost-documents/${report.id}/record.pdf`)
    const [row] = await s.db.db.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, report.id))
    expect(row?.issuedAt).not.toBeNull()
    expect(row?.issuedBy).toBeNull()
    // One message: the receipt carries the record (issueRecord sends no card of its own here).
    const got = await s.emulator.waitForMessages(user.userId, 3)
    await new Promise((r) => setTimeout(r, 500))
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(3)
    const receipt = got.find((m) =>
      String(m.message.altText).startsWith(`รับแจ้งเอกสารหาย เลขที่ ${report.referenceNumber}`),
    )
    expect(JSON.stringify(receipt?.message)).toContain('ดาวน์โหลดบันทึก (PDF)')
    expect(JSON.stringify(receipt?.message)).toContain(`https://liff.line.me/emu-citizen/my-reports/${report.id}`)
  })

  it('any visit_station item → visit_station, with the reason per item in the receipt and a timeline entry', async () => {
    const { user, token } = person('ต้องไปสถานี', 'en')
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    const res = await submit(
      token,
      validDraft({ items: [{ documentType: 'thai_id_card' }, { documentType: 'licence_plate', number: 'กข 1234' }] }),
    )
    const { report } = res.json()
    expect(report).toMatchObject({ status: 'visit_station', issued: false, pdfUrl: null })
    expect(report.held).toEqual([expect.objectContaining({ documentType: 'licence_plate', policy: 'visit_station' })])
    const events = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, report.id))
    expect(events.map((e) => [e.type, e.toStatus])).toEqual([
      ['created', 'submitted'],
      ['status', 'visit_station'],
    ])
    const got = await s.emulator.waitForMessages(user.userId, 3)
    const text = JSON.stringify(got[2]?.message)
    expect(text).toContain('Please come to the station')
    expect(text).toContain('A lost plate may be used in a crime')
    expect(text).not.toContain('record.pdf')
  })

  it('a review item → submitted for an officer, due within a day', async () => {
    const { token } = person('รอตรวจ')
    const res = await submit(
      token,
      validDraft({
        idType: 'passport',
        idNumber: 'AA1234567',
        items: [{ documentType: 'thai_passport', number: 'AA1234567' }],
      }),
    )
    const { report } = res.json()
    expect(report.status).toBe('submitted')
    const [row] = await s.db.db.select().from(cases).where(eq(cases.id, report.id))
    expect(row?.dueAt).not.toBeNull()
    expect(row?.summary).toBe('หนังสือเดินทางไทย')
  })

  it('records the consent with its version and the s.137 declaration time', async () => {
    const { user, token } = person('ยินยอม')
    await submit(token, validDraft())
    const [report] = await reportsOf(user.userId)
    expect(report?.consentVersion).toBe('lost-doc-2026-11')
    expect(report?.declaredAt).toBeInstanceOf(Date)
    const given = await s.db.db
      .select()
      .from(consents)
      .where(eq(consents.citizenId, report?.citizenId ?? ''))
    expect(given).toEqual([expect.objectContaining({ purpose: 'lost_document_report', version: 'lost-doc-2026-11' })])
  })

  it('"use the same ID as last time" copies it server-side', async () => {
    const { user, token } = person('ใช้เลขเดิม')
    await submit(token, validDraft())
    const res = await submit(token, validDraft({ idNumber: null, useLastId: true, idType: 'passport' }))
    expect(res.status, res.text).toBe(201)
    const [a, b] = await reportsOf(user.userId)
    expect(b?.idNumberHash).toBe(a?.idNumberHash)
    expect(b?.idType).toBe('thai_id') // the type goes with the number
  })
})

import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeOutbox } from '../../../bot/line/outbox.js'
import { auditLog, cases, citizens, dataRequests, doNotContact, outboundMessages } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { THAI_ID } from '../../unit/lost-documents/fixtures.js'
import { findPlainText, reportInChat, untilQuiet } from './scan.js'

// Issue #9, point 3, end to end: a citizen asks for erasure in the LIFF app; an officer with privacy.requests sees
// it in the queue, erases (or refuses); the citizen is told in LINE; nothing of them is left but a keyed hash.
const NAME = 'นายลบ ข้อมูลทั้งหมด'
const PHONE = '0823456789'

let s: Stack
let supervisor: TestOfficer
let userId = ''
const bearer = (id: string) => ({ authorization: `Bearer ${s.emulator.issueIdToken(id)}` })

beforeAll(async () => {
  s = await startStack()
  supervisor = await signInOfficer(s.db.db, { role: 'supervisor', displayName: 'พ.ต.ท. หัวหน้า' })
  const user = s.emulator.createUser({ displayName: NAME, language: 'th' })
  userId = user.userId
  await s.emulator.follow(userId)
  await s.emulator.waitForMessages(userId, 2)
  const { chat } = await reportInChat(s, userId, { name: NAME, id: THAI_ID, phone: PHONE, story: 'ลืมกระเป๋าไว้บนรถ' })
  await chat.text('ฉุกเฉิน')
  await chat.location({ latitude: 12.6736, longitude: 101.2795, title: 'สวนศรีเมือง' })
  await untilQuiet(s)
}, 120_000)
afterAll(async () => {
  await s?.close()
})

async function queue(officer: TestOfficer, query = '?status=pending&kind=delete') {
  return s.app.inject({ method: 'GET', url: `/api/admin/privacy/requests${query}`, headers: officer.headers })
}

describe('an erasure request, end to end', () => {
  let requestId = ''

  it('the citizen asks in the LIFF app and is told PDPA s.33 and the 30 days', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/liff/me/deletion-request', headers: bearer(userId) })
    expect(res.statusCode, res.body).toBe(202)
    const body = res.json()
    expect(body.messageTh).toContain('มาตรา 33')
    expect(body.messageEn).toContain('section 33')
    expect(new Date(body.dueBy).getTime() - new Date(body.request.createdAt).getTime()).toBe(30 * 86_400_000)
    requestId = body.request.id
    const again = await s.app.inject({ method: 'POST', url: '/api/liff/me/deletion-request', headers: bearer(userId) })
    expect(again.json().request.id).toBe(requestId)
  })

  it('officers with privacy.requests see it in the queue with its due date; others get 403', async () => {
    const res = await queue(supervisor)
    expect(res.statusCode, res.body).toBe(200)
    const item = res.json().items.find((i: { id: string }) => i.id === requestId)
    expect(item).toMatchObject({
      kind: 'delete',
      status: 'pending',
      overdue: false,
      citizen: { cases: 2, erased: false },
    })
    expect(item.citizen.displayName).toBe('น***ด')
    expect(new Date(item.dueAt).getTime() - new Date(item.createdAt).getTime()).toBe(30 * 86_400_000)
    expect(res.json().grounds.map((g: { code: string }) => g.code)).toContain('legal_obligation')
    const duty = await signInOfficer(s.db.db, { role: 'duty_officer' })
    expect((await queue(duty)).statusCode).toBe(403)
  })

  it('completing it tells the citizen, erases them across every table and keeps only a keyed hash', async () => {
    const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, userId))
    const caseIds = (
      await s.db.db
        .select()
        .from(cases)
        .where(eq(cases.citizenId, citizen?.id ?? ''))
    ).map((c) => c.id)
    expect(caseIds).toHaveLength(2)
    const before = s.emulator.messagesTo(userId).length
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/admin/privacy/requests/${requestId}/complete`,
      headers: supervisor.headers,
      payload: { confirm: true },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ notified: true, request: { status: 'done' } })
    expect(res.json().removed).toMatchObject({ cases: 2, lost_document_reports: 1, citizens: 1 })
    const told = await s.emulator.waitForMessages(userId, before + 1)
    expect(JSON.stringify(told.at(-1)?.message)).toContain('มาตรา 33')
    await untilQuiet(s)

    // The case numbers stay (counts, public verification), anonymous.
    for (const id of caseIds) {
      const [c] = await s.db.db.select().from(cases).where(eq(cases.id, id))
      expect(c).toMatchObject({ citizenId: null, latitude: null })
      expect(c?.personalDataPurgedAt).not.toBeNull()
    }
    const [tombstone] = await s.db.db
      .select()
      .from(citizens)
      .where(eq(citizens.id, citizen?.id ?? ''))
    expect(tombstone).toMatchObject({ lineUserId: `erased:${citizen?.id}`, displayName: null })
    expect(await s.db.db.$count(doNotContact)).toBe(1)
    const [audit] = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.erase'))
    expect(audit).toMatchObject({ officerId: supervisor.id, entityType: 'data_request', entityId: requestId })

    // Only the answer just delivered still names them; the next retention run removes it.
    const hits = await findPlainText(s.db.db, [userId, NAME, THAI_ID, PHONE])
    expect(hits).toEqual([{ table: 'outbound_messages', column: 'to', needle: userId }])
    await s.deps.privacy.retention.run(new Date())
    expect(await findPlainText(s.db.db, [userId, NAME, THAI_ID, PHONE])).toEqual([])
  })

  it('the OA honours "do not contact": a push to them is stopped, and sent nowhere', async () => {
    const before = s.emulator.messagesTo(userId).length
    const [id] = await s.db.db.transaction((tx) =>
      writeOutbox(tx, { to: userId, messages: [{ type: 'text', text: 'ประกาศ' }], purpose: 'broadcast' }),
    )
    let row: typeof outboundMessages.$inferSelect | undefined
    for (let i = 0; i < 100 && row?.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100))
      ;[row] = await s.db.db
        .select()
        .from(outboundMessages)
        .where(eq(outboundMessages.id, id ?? ''))
    }
    expect(row).toMatchObject({ status: 'failed', lastError: { message: expect.stringContaining('do not contact') } })
    expect(s.emulator.messagesTo(userId)).toHaveLength(before)
  })

  it('answered once: a second answer is 409', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/admin/privacy/requests/${requestId}/complete`,
      headers: supervisor.headers,
      payload: { confirm: true },
    })
    expect(res.statusCode).toBe(409)
  })

  it('when they come back of their own accord they are a new citizen, and "do not contact" is lifted', async () => {
    const before = s.emulator.messagesTo(userId).length
    await s.emulator.sendText(userId, 'สวัสดีครับ')
    await s.emulator.waitForMessages(userId, before + 1)
    expect(await s.db.db.$count(doNotContact)).toBe(0)
    expect(await s.db.db.$count(citizens, eq(citizens.lineUserId, userId))).toBe(1)
  })
})

describe('a refused erasure request', () => {
  it('is refused on a legal ground with an explanation; the citizen is told both; nothing is erased', async () => {
    const user = s.emulator.createUser({ displayName: 'นางสาวเก็บ ไว้', language: 'th' })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    const asked = await s.app.inject({
      method: 'POST',
      url: '/api/liff/me/deletion-request',
      headers: bearer(user.userId),
    })
    const id = asked.json().request.id
    const bad = await s.app.inject({
      method: 'POST',
      url: `/api/admin/privacy/requests/${id}/refuse`,
      headers: supervisor.headers,
      payload: { ground: 'because', explanation: 'ไม่ได้' },
    })
    expect(bad.statusCode).toBe(400)
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/admin/privacy/requests/${id}/refuse`,
      headers: supervisor.headers,
      payload: { ground: 'legal_obligation', explanation: 'บันทึกประจำวันต้องเก็บไว้ตามระเบียบ' },
    })
    expect(res.statusCode, res.body).toBe(200)
    const told = await s.emulator.waitForMessages(user.userId, 3)
    const text = JSON.stringify(told.at(-1)?.message)
    expect(text).toContain('ปฏิบัติตามกฎหมาย')
    expect(text).toContain('บันทึกประจำวันต้องเก็บไว้ตามระเบียบ')
    const [row] = await s.db.db.select().from(dataRequests).where(eq(dataRequests.id, id))
    expect(row).toMatchObject({ status: 'declined', refusalGround: 'legal_obligation', handledBy: supervisor.id })
    expect(await s.db.db.$count(citizens, eq(citizens.lineUserId, user.userId))).toBe(1)
    const audits = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privacy.refuse'), eq(auditLog.entityId, id)))
    expect(audits).toHaveLength(1)
    expect(JSON.stringify(audits[0]?.details)).not.toContain('บันทึกประจำวัน')
  })
})

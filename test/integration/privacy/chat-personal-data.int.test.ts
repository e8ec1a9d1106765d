import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, cases, citizens, inboundEvents } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { THAI_ID } from '../../unit/lost-documents/fixtures.js'
import { findPlainText, reportInChat, scannedColumns, untilQuiet } from './scan.js'

// Issue #9, point 1: what a citizen types in the chat is not kept in plain text anywhere.
const PHONE = '0812345678'
const STORY_PHONE = '0898765432'
const INFO_SECRET = 'ที่อยู่ลับ 99/9 ซอยลับ'
const LAT = 12.6812345

let s: Stack
let officer: TestOfficer
let caseId = ''
let userId = ''
beforeAll(async () => {
  s = await startStack()
  officer = await signInOfficer(s.db.db, { role: 'duty_officer' })
  userId = s.emulator.createUser({ displayName: 'นายทดสอบ ความลับ', language: 'th' }).userId
  const { chat, receipt } = await reportInChat(s, userId, {
    name: 'นายทดสอบ ความลับ',
    id: THAI_ID,
    phone: PHONE,
    story: `ทำกระเป๋าหายที่ตลาด ติดต่อสำรอง ${STORY_PHONE}`,
  })
  expect(receipt).toContain('รับเรื่องแล้ว')
  const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, userId))
  const [c] = await s.db.db
    .select()
    .from(cases)
    .where(eq(cases.citizenId, citizen?.id ?? ''))
  caseId = c?.id ?? ''
  // An officer asks for more information; the citizen answers with their ID, phone, address and location.
  const asked = await s.app.inject({
    method: 'POST',
    url: `/api/admin/lost-documents/${caseId}/request-info`,
    headers: officer.headers,
    payload: { question: 'ขอเลขบัตรและที่อยู่ปัจจุบันครับ' },
  })
  expect(asked.statusCode, asked.body).toBe(200)
  await chat.wait(1)
  await chat.text(`เลขบัตร ${THAI_ID} โทร ${PHONE} ${INFO_SECRET}`)
  await chat.location({ latitude: LAT, longitude: 101.2812345, title: 'บ้าน' })
  await untilQuiet(s)
}, 120_000)
afterAll(async () => {
  await s?.close()
})

describe('what a citizen types in the chat', () => {
  it('is nowhere in plain text: every text and JSON column of every table is searched', async () => {
    expect(await scannedColumns(s.db.db)).toBeGreaterThan(60)
    const hits = await findPlainText(s.db.db, [THAI_ID, PHONE, INFO_SECRET, String(LAT).slice(0, 8)])
    expect(hits, JSON.stringify(hits)).toEqual([])
  })

  it("the story is encrypted with the report; only the bot's own check-before-sending echo holds it (outbox, ≤ 30 days)", async () => {
    const hits = await findPlainText(s.db.db, [STORY_PHONE])
    expect(hits).toEqual([{ table: 'outbound_messages', column: 'messages', needle: STORY_PHONE }])
  })

  it('processed inbox events keep their type, IDs and timestamps, and no words, postback data or places', async () => {
    const rows = await s.db.db.select().from(inboundEvents).where(eq(inboundEvents.lineUserId, userId))
    expect(rows.length).toBeGreaterThan(20)
    for (const row of rows) {
      expect(row.status).toBe('processed')
      const p = row.payload as Record<string, unknown>
      expect(p).toMatchObject({ type: row.type, webhookEventId: row.webhookEventId, timestamp: row.occurredAt })
      expect(p).toMatchObject({ source: { type: 'user', userId }, scrubbed: true })
      const message = p.message as Record<string, unknown> | undefined
      if (message) {
        expect(Object.keys(message).sort()).toEqual(['id', 'type'])
      }
      if (row.type === 'postback') {
        expect(p.postback).toEqual({})
      }
      expect(p).not.toHaveProperty('replyToken')
    }
  })

  it('officers see the answers masked and reveal them through the audited route', async () => {
    const res = await s.app.inject({ method: 'GET', url: `/api/admin/cases/${caseId}`, headers: officer.headers })
    expect(res.statusCode, res.body).toBe(200)
    const view = res.json() as {
      case: { revealable: string[] }
      events: { id: number; type: string; body: unknown }[]
    }
    expect(res.body).not.toContain(THAI_ID)
    expect(res.body).not.toContain(INFO_SECRET)
    expect(view.case.revealable).toEqual(expect.arrayContaining(['nationalId', 'phone', 'circumstances']))
    const answers = view.events.filter((e) => e.type === 'message_in')
    expect(answers).toHaveLength(2)
    for (const e of answers) {
      expect(e.body).toEqual({ masked: true, field: `event_${e.id}` })
    }
    const reveal = (field: string) =>
      s.app.inject({
        method: 'POST',
        url: `/api/admin/cases/${caseId}/reveal`,
        headers: officer.headers,
        payload: { field, reason: 'ตรวจสอบคำตอบของผู้แจ้ง' },
      })
    const first = await reveal(`event_${answers[0]?.id}`)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json().value).toContain(INFO_SECRET)
    expect((await reveal(`event_${answers[1]?.id}`)).json().value).toContain('12.68123')
    expect((await reveal('circumstances')).json().value).toContain(STORY_PHONE)
    // Another case's entry is not revealable from this case.
    expect((await reveal('event_999999')).statusCode).toBe(404)
    const audits = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'case.reveal'))
    expect(audits.map((a) => (a.details as { field: string }).field)).toEqual(
      expect.arrayContaining([`event_${answers[0]?.id}`, 'circumstances']),
    )
    expect(JSON.stringify(audits)).not.toContain(INFO_SECRET)
  })

  it('the citizen reads their own story and answers in full in "my reports"', async () => {
    const token = s.emulator.issueIdToken(userId)
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/liff/my-reports/${caseId}`,
      headers: { authorization: `Bearer ${token}` },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.body).toContain(STORY_PHONE)
    expect(res.body).toContain(INFO_SECRET)
  })
})

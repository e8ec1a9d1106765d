import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { caseEvents, cases, consultations } from '../../../db/schema/index.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'

// The citizen LIFF app's consultation start: a verified LINE ID token, the station's topics, the question; the
// receipt goes to the chat, where the conversation with the officer goes on.
const s = lostDocumentStack()

describe('LIFF: asking a question', () => {
  it('without a verified ID token: 401, nothing opened', async () => {
    expect((await s.call('/api/liff/consultation')).status).toBe(401)
    const res = await s.call('/api/liff/consultation', {
      method: 'POST',
      token: 'not-a-token',
      body: { topic: 'scam', question: 'x' },
    })
    expect(res.status).toBe(401)
  })

  it('topics, then the question: a consultation opened via liff, its receipt in the chat; a second one is refused', async () => {
    const { user, token } = s.person('ลิฟฟ์ ทดสอบ')
    await s.emulator.follow(user.userId) // a friend of the OA: the receipt can reach the chat
    await s.emulator.waitForMessages(user.userId, 2)
    const got = await s.call('/api/liff/consultation', { token })
    expect(got.status, got.text).toBe(200)
    expect(got.json().open).toBeNull()
    expect(got.json().topics[0]).toEqual({
      topic: 'scam',
      labelTh: 'ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์',
      labelEn: 'Scams and fraud',
    })

    const bad = await s.call('/api/liff/consultation', { method: 'POST', token, body: { topic: 'nope', question: '' } })
    expect(bad.status, bad.text).toBe(400)

    const res = await s.call('/api/liff/consultation', {
      method: 'POST',
      token,
      body: { topic: 'family', question: 'อยากทราบขั้นตอนการจดทะเบียนหย่าครับ' },
    })
    expect(res.status, res.text).toBe(201)
    const body = res.json()
    expect(body.referenceNumber).toMatch(/^RYG-CON-\d{4}-\d{6}$/)
    const [k] = await s.db.db.select().from(consultations).where(eq(consultations.caseId, body.caseId))
    expect(k).toMatchObject({ topic: 'family', openedVia: 'liff' })
    const [c] = await s.db.db.select().from(cases).where(eq(cases.id, body.caseId))
    expect(c?.status).toBe('waiting')
    const events = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, body.caseId))
    const question = events.find((e) => e.type === 'message_in')
    expect(s.deps.cipher.decrypt(question?.bodyEnc ?? '')).toBe('อยากทราบขั้นตอนการจดทะเบียนหย่าครับ')
    const receipt = (await s.emulator.waitForMessages(user.userId, 3))[2]
    expect(JSON.stringify(receipt?.message)).toContain(body.referenceNumber)
    expect(JSON.stringify(receipt?.message)).toContain('โทร 191')

    const again = await s.call('/api/liff/consultation', { token })
    expect(again.json().open).toEqual({ referenceNumber: body.referenceNumber, caseId: body.caseId })
    const second = await s.call('/api/liff/consultation', {
      method: 'POST',
      token,
      body: { topic: 'debt', question: 'อีกเรื่องครับ' },
    })
    expect(second.status, second.text).toBe(409)
    expect(second.json().error.code).toBe('consultation_open')
  })
})

import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { conversationStates } from '../../../db/schema/index.js'
import { THAI_ID } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// The chat way, end to end: emulator → signed webhook → inbox → worker → engine → outbox → emulator.
const s = lostDocumentStack()

const { chat } = s

describe('lost documents in the chat: cancel, resume, stray input', () => {
  it('cancels at any step and forgets what was typed', async () => {
    const user = s.emulator.createUser({ displayName: 'Ton', language: 'th' })
    const c = chat(user.userId)
    await c.postback('a=ld&x=chat')
    await c.text('นายต้น ทดสอบ')
    const cancelled = await c.text('ยกเลิก')
    expect(cancelled.text).toContain('ยกเลิกการแจ้งเอกสารหายแล้ว')
    const [state] = await s.db.db.select().from(conversationStates).where(eq(conversationStates.chatKey, user.userId))
    expect(state?.flow).toBeNull()
    expect(JSON.stringify(state?.data)).not.toContain('นายต้น')
  })

  it('keeps the state encrypted for 24 h and asks "continue where you left off?" after a pause', async () => {
    const user = s.emulator.createUser({ displayName: 'Ploy', language: 'th' })
    const c = chat(user.userId)
    await c.postback('a=ld&x=chat')
    await c.text('นางสาวพลอย ทดสอบ')
    await c.postback('a=ld&x=idt&v=thai_id')
    await c.text(THAI_ID)
    const [state] = await s.db.db.select().from(conversationStates).where(eq(conversationStates.chatKey, user.userId))
    expect(state?.flow).toBe('lost_document')
    expect(JSON.stringify(state?.data)).not.toContain(THAI_ID)
    expect(JSON.stringify(state?.data)).not.toContain('พลอย')
    const ttl = (state?.expiresAt?.getTime() ?? 0) - Date.now()
    expect(ttl).toBeGreaterThan(23.9 * 3600_000)
    expect(ttl).toBeLessThanOrEqual(24 * 3600_000)
    // An hour later (the flow's clock is the state's lastAt).
    await s.db.db
      .update(conversationStates)
      .set({
        data: sql`jsonb_set(${conversationStates.data}, '{lastAt}', to_jsonb((now() - interval '1 hour')::text))`,
      })
      .where(eq(conversationStates.chatKey, user.userId))
    const resume = await c.text('12/05/2530')
    expect(resume.text).toContain('ทำต่อจากเดิมไหม')
    expect((await c.postback('a=ld&x=resume')).text).toContain('วันเดือนปีเกิด')
    expect((await c.text('12/05/2530')).text).toContain('มือถือ')
    // At a step waiting for free text, the words are the answer (here: not a phone number), never a new report.
    const typed = await c.text('แจ้งเอกสารหาย', 2)
    expect(typed.text).toContain('เบอร์โทรศัพท์มือถือไม่ถูกต้อง')
    // The menu button asks whether to continue the report in progress or start again.
    const restart = await c.postback('a=ld')
    expect(restart.text).toContain('ทำต่อจากเดิมไหม')
    expect((await c.postback('a=ld&x=restart')).text).toContain('ข้อ 1')
  })

  it("leaves other services' buttons to them and re-asks on a sticker", async () => {
    const user = s.emulator.createUser({ displayName: 'Lek', language: 'th' })
    const c = chat(user.userId)
    await c.postback('a=ld&x=chat')
    await c.text('นายเล็ก ทดสอบ')
    await s.emulator.sendPostback(user.userId, 'a=station')
    const station = await c.settle()
    expect(station.msgs.map((m) => m.message.type)).toContain('location')
    await s.emulator.sendSticker(user.userId, '446', '1988')
    const { text } = await c.wait(2)
    expect(text).toContain('กรุณาเลือกจากตัวเลือกด้านล่าง หรือพิมพ์คำตอบ')
    expect(text).toContain('ใช้บัตรประจำตัวประเภทใด')
  })
})

import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { caseEvents, cases } from '../../../db/schema/index.js'
import { quickLabels } from '../../unit/lost-documents/chat-driver.js'
import { daysAgo, THAI_ID } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// The chat way, end to end: emulator → signed webhook → inbox → worker → engine → outbox → emulator.
const s = lostDocumentStack()

const { citizenOf, chat } = s

describe('lost documents in the chat: my reports and "more information"', () => {
  it('"my reports" with none yet, then a carousel newest first', async () => {
    const user = s.emulator.createUser({ displayName: 'Dao', language: 'th' })
    const c = chat(user.userId)
    expect((await c.text('เรื่องที่ฉันแจ้ง')).text).toContain('ยังไม่มีเรื่องแจ้งเอกสารหาย')
  })

  it("while a case awaits information, the citizen's messages join it as message_in and the bot says so", async () => {
    const user = s.emulator.createUser({ displayName: 'Wan', language: 'th' })
    const c = chat(user.userId)
    await c.postback('a=ld&x=chat')
    await c.text('นายวัน ทดสอบ')
    await c.postback('a=ld&x=idt&v=thai_id')
    await c.text(THAI_ID)
    await c.postback('a=ld&x=dob', { date: '1980-01-01' })
    await c.text('0812345678')
    for (const a of ['1', 'ข้าม', 'ข้าม', 'ข้าม', 'ข้าม', 'ท่าประดู่', 'เมืองระยอง', 'ระยอง']) {
      await c.text(a)
    }
    await c.text('21000', 2)
    await c.postback('a=ld&x=doc&v=other')
    await c.postback('a=ld&x=more&v=0')
    await c.postback('a=ld&x=at', { datetime: daysAgo(1) }, 2)
    await c.text('ตลาด')
    await c.text('ทำหายที่ตลาด')
    await c.postback('a=ld&x=consent&v=1')
    const receipt = await c.postback('a=ld&x=declare')
    expect(receipt.text).toContain('รับเรื่องแล้ว')
    const citizen = await citizenOf(user.userId)
    const [row] = await s.db.db
      .select()
      .from(cases)
      .where(eq(cases.citizenId, citizen?.id ?? ''))
    await s.db.db
      .update(cases)
      .set({ status: 'awaiting_info' })
      .where(eq(cases.id, row?.id ?? ''))

    const ack = await c.text('บัตรหายที่ตลาดเทศบาลครับ เลขที่ 1234')
    expect(ack.text).toContain(row?.referenceNumber)
    await c.location({ latitude: 12.68, longitude: 101.28, title: 'ตลาด' })
    const events = await s.db.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, row?.id ?? ''))
    const inbound = events.filter((e) => e.type === 'message_in')
    // What they write is personal: stored encrypted, never in plain text (privacy/chat-personal-data.int.test.ts).
    expect(inbound.map((e) => e.body)).toEqual([null, null])
    expect(inbound.map((e) => s.deps.cipher.decrypt(e.bodyEnc ?? ''))).toEqual([
      'บัตรหายที่ตลาดเทศบาลครับ เลขที่ 1234',
      expect.stringContaining('12.68000'),
    ])
    expect(inbound.every((e) => e.actorType === 'citizen' && !e.internal)).toBe(true)
    // The menu still works: commands are not swallowed.
    const menu = await c.text('เมนู')
    expect(quickLabels(menu.msgs[0])).toContain('แจ้งเอกสารหาย')
    const mine = await c.text('เรื่องที่ฉันแจ้ง')
    expect(mine.msgs[0]?.message.type).toBe('flex')
    expect(mine.text).toContain(row?.referenceNumber)
    expect(mine.text).toContain('รอข้อมูลเพิ่มเติม')
  })
})

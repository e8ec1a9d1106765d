import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Stack, startStack } from '../../helpers/stack.js'
import { chatDriver, quickLabels } from '../../unit/lost-documents/chat-driver.js'

/**
 * How people really write, end to end through the LINE emulator (issue #8, point 2): polite particles, sentences,
 * typed instead of tapped. Each message gets the service it asks for, or a short helpful answer with the menu.
 */
let s: Stack
beforeAll(async () => {
  s = await startStack()
})
afterAll(async () => {
  await s?.close()
})

const newChat = (language: 'th' | 'en' = 'th') => {
  const user = s.emulator.createUser({ displayName: 'ผู้ใช้', language })
  return chatDriver(s, user.userId)
}
const MENU_TH = ['เหตุฉุกเฉิน', 'แจ้งเอกสารหาย', 'เรื่องที่ฉันแจ้ง', 'ข้อมูลสถานี']

describe('typed Thai and English reach the right service', () => {
  it.each(['ช่วยด้วยค่ะ', 'ฉุกเฉินครับ', 'ช่วยด้วย มีคนตามหลัง', 'โดนปล้น', 'เกิดอุบัติเหตุ', 'someone is following me'])(
    '"%s" → the emergency card with the call buttons',
    async (message) => {
      const { msgs, text } = await newChat().text(message)
      expect(msgs[0]?.message.type).toBe('flex')
      expect(text).toContain('tel:191')
      expect(text).toContain('tel:1669')
      expect(text).not.toContain('ยังไม่เข้าใจ')
    },
  )

  it.each(['สวัสดีครับ', 'สวัสดีค่ะ', 'หวัดดีจ้า'])('"%s" → a short hello with the menu', async (message) => {
    const { msgs, text } = await newChat().text(message)
    expect(text).toContain('สวัสดีครับ')
    expect(text).not.toContain('ยังไม่เข้าใจ')
    expect(quickLabels(msgs[0])).toEqual(expect.arrayContaining(MENU_TH))
  })

  it('"ยกเลิก" with nothing in progress → a friendly answer with the menu, not "not understood"', async () => {
    const { msgs, text } = await newChat().text('ยกเลิก')
    expect(text).toContain('ไม่มีรายการที่ทำค้างไว้')
    expect(quickLabels(msgs[0])).toEqual(expect.arrayContaining(MENU_TH))
  })

  it('"ปรึกษากฎหมายค่ะ" → the consultation, its topics as quick replies (issue #12)', async () => {
    const { msgs, text } = await newChat().text('ปรึกษากฎหมายค่ะ')
    expect(text).toContain('ปรึกษาข้อกฎหมาย')
    expect(quickLabels(msgs[0])).toEqual(expect.arrayContaining(['ถูกหลอก/มิจฉาชีพ', 'เรื่องอื่น ๆ']))
  })

  it('"อยากฝากบ้านกับตำรวจครับ" → the house-watch hand-over to the LIFF form (issue #13)', async () => {
    const { text } = await newChat().text('อยากฝากบ้านกับตำรวจครับ')
    expect(text).toContain('/house-watch/new')
  })

  it('"ไม่รับข่าวสาร" and "กลับบ้านแล้ว" are no longer answered "coming soon": announcements and house watch exist', async () => {
    const off = await newChat().text('ไม่รับข่าวสาร')
    expect(off.text).toContain('ปิดการรับข่าวสาร')
    expect(off.text).not.toContain('เร็วๆ นี้')
    const home = await newChat().text('กลับบ้านแล้วครับ')
    expect(home.text).not.toContain('เร็วๆ นี้')
  })

  it('"โรงพักอยู่ไหนครับ" → the station card and its location', async () => {
    const c = newChat()
    const { msgs } = await c.text('โรงพักอยู่ไหนครับ', 3)
    expect(msgs.map((m) => m.message.type)).toEqual(['flex', 'location', 'flex'])
  })

  it('"ทำบัตรประชาชนหายครับ" → the lost-document intro; a story that only mentions it → an offer', async () => {
    const c = newChat()
    expect((await c.text('ทำบัตรประชาชนหายครับ')).text).toContain('มาตรา 137')
    const offer = await c.text('เมื่อวานกระเป๋าสตางค์หล่นหายระหว่างเดินตลาด ใครเจอบ้าง')
    expect(offer.text).toContain('ต้องการแจ้งเอกสารหายไหม')
    expect(quickLabels(offer.msgs[0])).toContain('แจ้งเอกสารหาย')
  })

  it('"English please" switches the language; "ok" out of context gets the menu, not "not understood"', async () => {
    const c = newChat()
    expect((await c.text('English please')).text).toBe('Switched to English.')
    const ok = await c.text('ok')
    expect(ok.text).toContain('How can we help')
    expect(ok.text).not.toContain("didn't understand")
    const unknown = await c.text('qwzx')
    expect(unknown.text).toContain("didn't understand")
    expect(quickLabels(unknown.msgs[0])).toContain('Lost documents')
  })
})

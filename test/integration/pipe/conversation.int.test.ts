import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens, inboundEvents, outboundMessages } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'

/** End to end: emulator → signed webhook → inbox → worker → outbox → LINE emulator → rendered messages. */
describe('the minimal bot, end to end through the LINE emulator', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack()
  })
  afterAll(async () => {
    await s.close()
  })

  const texts = (chatId: string) =>
    s.emulator.messagesTo(chatId).map((m) => (m.message.type === 'text' ? String(m.message.text) : m.message.type))

  it('greets a new friend in Thai with the main menu, by reply', async () => {
    const user = s.emulator.createUser({ displayName: 'สมชาย', language: 'th' })
    const delivery = await s.emulator.follow(user.userId)
    expect(delivery.status).toBe(200)
    const got = await s.emulator.waitForMessages(user.userId, 2)
    expect(got.map((m) => m.via)).toEqual(['reply', 'reply'])
    expect(got[0]?.message.text).toContain('สมชาย')
    const quickReply = got[1]?.message.quickReply as { items: { action: { label: string } }[] } | undefined
    const quick = quickReply?.items.map((i) => i.action.label)
    expect(quick).toEqual([
      'เหตุฉุกเฉิน',
      'แจ้งเอกสารหาย',
      'เรื่องที่ฉันแจ้ง',
      'ปรึกษากฎหมาย',
      'ฝากบ้าน',
      'ข้อมูลสถานี',
      'English',
      'ตั้งค่า',
    ])
    expect(JSON.stringify(quickReply)).toContain('https://liff.line.me/emu-citizen/settings')
    const [row] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
    expect(row).toMatchObject({ language: 'th', followState: 'following', displayName: 'สมชาย' })
  })

  it('greets in English when the LINE profile is not Thai', async () => {
    const user = s.emulator.createUser({ displayName: 'Anna', language: 'en' })
    await s.emulator.follow(user.userId)
    const got = await s.emulator.waitForMessages(user.userId, 2)
    expect(got[0]?.message.text).toBe('Hello Anna 🙏')
  })

  it('answers unknown text with the help menu', async () => {
    const user = s.emulator.createUser({ displayName: 'Nok', language: 'th' })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    await s.emulator.sendText(user.userId, 'asdfgh')
    await s.emulator.waitForMessages(user.userId, 3)
    expect(texts(user.userId)[2]).toContain('ยังไม่เข้าใจ')
  })

  it('switches to English on request and remembers it', async () => {
    const user = s.emulator.createUser({ displayName: 'Malee', language: 'th' })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    await s.emulator.sendPostback(user.userId, 'a=lang&v=en')
    await s.emulator.waitForMessages(user.userId, 3)
    expect(texts(user.userId)[2]).toBe('Switched to English.')
    await s.emulator.sendText(user.userId, '???')
    await s.emulator.waitForMessages(user.userId, 4)
    expect(texts(user.userId)[3]).toContain("didn't understand")
    const [row] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
    expect(row?.language).toBe('en')
    await s.emulator.sendText(user.userId, 'ภาษาไทย')
    await s.emulator.waitForMessages(user.userId, 5)
    expect(texts(user.userId)[4]).toBe('เปลี่ยนเป็นภาษาไทยแล้วครับ')
  })

  it('gives emergency numbers as call buttons', async () => {
    const user = s.emulator.createUser({ displayName: 'Ploy', language: 'en' })
    await s.emulator.sendText(user.userId, 'Emergency')
    const [msg] = await s.emulator.waitForMessages(user.userId, 1)
    expect(JSON.stringify(msg?.message)).toContain('tel:191')
    expect(JSON.stringify(msg?.message)).toContain('tel:1155')
  })

  it('gives station information with a location message and the landmarks', async () => {
    const user = s.emulator.createUser({ displayName: 'Ton', language: 'th' })
    await s.emulator.sendText(user.userId, 'ข้อมูลสถานี')
    const got = await s.emulator.waitForMessages(user.userId, 3)
    expect(got.map((m) => m.message.type)).toEqual(['flex', 'location', 'flex'])
    expect(JSON.stringify(got[0]?.message)).toContain('สถานีตำรวจภูธรเมืองระยอง')
  })

  it('records an unfollow, and does not answer it', async () => {
    const user = s.emulator.createUser({ displayName: 'Dao', language: 'th' })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    const d = await s.emulator.unfollow(user.userId)
    await expect
      .poll(async () => {
        const [row] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
        return row?.followState
      })
      .toBe('blocked')
    const [event] = await s.db.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.webhookEventId, d.event.webhookEventId))
    expect(event?.status).toBe('processed')
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(2)
  })

  it('processes a redelivered event once', async () => {
    const user = s.emulator.createUser({ displayName: 'Redo', language: 'en' })
    const d = await s.emulator.sendText(user.userId, 'menu')
    await s.emulator.waitForMessages(user.userId, 1)
    const again = await s.emulator.redeliver(d.event.webhookEventId)
    expect(again.status).toBe(200)
    expect(again.event.deliveryContext.isRedelivery).toBe(true)
    await new Promise((r) => setTimeout(r, 500))
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(1)
    const rows = await s.db.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.webhookEventId, d.event.webhookEventId))
    expect(rows).toHaveLength(1)
  })

  it('every outbox row ends delivered', async () => {
    await expect
      .poll(
        async () =>
          (await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.status, 'pending'))).length,
      )
      .toBe(0)
    const failed = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.status, 'failed'))
    expect(failed, JSON.stringify(failed.map((f) => f.lastError))).toHaveLength(0)
  })
})

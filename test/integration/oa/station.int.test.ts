import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Stack, startStack } from '../../helpers/stack.js'

type Bubble = { footer?: { contents: { action: { uri: string; label: string } }[] } }

/** Station information from the stations table, within LINE's limits (the emulator validates every message). */
describe('station information', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack()
  })
  afterAll(async () => {
    await s?.close()
  })

  it('Thai: a card with phones, hours and services; a location; the landmarks with map links', async () => {
    const user = s.emulator.createUser({ displayName: 'ต้น', language: 'th' })
    await s.emulator.sendPostback(user.userId, 'a=station')
    const got = await s.emulator.waitForMessages(user.userId, 3)
    expect(got.map((m) => m.message.type)).toEqual(['flex', 'location', 'flex'])
    const card = JSON.stringify(got[0]?.message)
    expect(card).toContain('สถานีตำรวจภูธรเมืองระยอง')
    expect(card).toContain('tel:038611111')
    // Issue #8: "โทรหาสถานี 038-611-111", never "โทร สถานี" (Thai puts no space between words).
    expect(card).toContain('โทรหาสถานี 038-611-111')
    expect(card).not.toContain('โทร สถานี')
    expect(card).toContain('เปิดให้บริการตลอด 24 ชั่วโมง')
    expect(card).toContain('แจ้งเอกสารหาย')
    expect(got[1]?.message).toMatchObject({ type: 'location', latitude: 12.6807, longitude: 101.2816 })
    const carousel = got[2]?.message.contents as { type: string; contents: Bubble[] }
    expect(carousel.type).toBe('carousel')
    expect(carousel.contents).toHaveLength(6)
    expect(JSON.stringify(carousel)).toContain('วัดลุ่มมหาชัยชุมพล')
    expect(carousel.contents[0]?.footer?.contents[0]?.action.uri).toMatch(/^https:\/\/www\.google\.com\/maps\//)
    expect(got[2]?.message.quickReply, 'the last message carries the menu').toBeDefined()
  })

  it('English on request, with the same structure', async () => {
    const user = s.emulator.createUser({ displayName: 'Anna', language: 'en' })
    await s.emulator.sendText(user.userId, 'English')
    await s.emulator.waitForMessages(user.userId, 1)
    await s.emulator.sendText(user.userId, 'station info')
    const got = (await s.emulator.waitForMessages(user.userId, 4)).slice(1)
    const all = JSON.stringify(got.map((m) => m.message))
    expect(all).toContain('Rayong City Police Station')
    expect(all).toContain('Open 24 hours')
    expect(all).toContain('King Taksin Shrine')
    expect(all).toContain('Call the station 038-611-111')
  })
})

import { describe, expect, it } from 'vitest'
import { chatDriver, quickLabels } from '../../unit/lost-documents/chat-driver.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'

// Issue #14, point 2 (opt-out): "ไม่รับข่าวสาร" / "stop announcements" in the chat, with particles, no spaces and
// typos, sets citizens.announcements_opted_out_at at once and says (Thai and English) how to undo; "รับข่าวสาร"
// clears it. Through the emulator and the webhook, as a citizen types.
const s = lostDocumentStack()

async function person(language: 'th' | 'en' = 'th') {
  const user = s.emulator.createUser({ displayName: 'ผู้รับข่าว', language })
  const c = chatDriver(s, user.userId)
  if (language === 'en') {
    // The citizen's language comes from their LINE profile when they add the OA.
    await s.emulator.follow(user.userId)
    await c.wait(2)
  }
  const offAt = async () => (await s.citizenOf(user.userId))?.announcementsOptedOutAt ?? null
  return { user, c, offAt }
}

describe('announcements off and on by chat', () => {
  it.each(['ไม่รับข่าวสารค่ะ', 'ไม่รับข่าวแล้ว', 'หยุดส่งข่าว', 'stop announcements', 'ไม่รับข่าวสาน', 'ไม่รับข่าวสารรร'])(
    '"%s" → off, with how to undo in Thai and English',
    async (text) => {
      const { c, offAt } = await person()
      const { msgs } = await c.text(text)
      expect(msgs).toHaveLength(1)
      const body = String(msgs[0]?.message.text)
      expect(body).toContain('ปิดการรับข่าวสาร')
      expect(body).toContain('"รับข่าวสาร"')
      expect(body).toContain('"receive announcements"')
      expect(quickLabels(msgs[0])[0]).toBe('รับข่าวสารอีกครั้ง')
      expect(await offAt()).toBeInstanceOf(Date)
    },
  )

  it('"รับข่าวสารครับ" clears it; saying it twice says it is already so; the quick reply turns it off again', async () => {
    const { c, offAt } = await person()
    await c.text('ไม่รับข่าวสาร')
    const first = await offAt()
    const again = await c.text('ไม่รับข่าวสารค่ะ')
    expect(again.text).toContain('ปิดอยู่แล้ว')
    expect((await offAt())?.getTime()).toBe(first?.getTime())
    const on = await c.text('รับข่าวสารครับ')
    expect(on.text).toContain('เปิดการรับข่าวสาร')
    expect(on.text).toContain('"stop announcements"')
    expect(await offAt()).toBeNull()
    expect((await c.text('รับข่าวสาร')).text).toContain('อยู่แล้ว')
    await c.postback('a=ann_off')
    expect(await offAt()).toBeInstanceOf(Date)
    await c.postback('a=ann_on')
    expect(await offAt()).toBeNull()
  })

  it('in English: "Stop announcements please" and "receive announcements"; Thai comes first', async () => {
    const { c, offAt } = await person('en')
    const off = await c.text('stop announcements please')
    expect(off.text.indexOf('ปิดการรับข่าวสาร')).toBeLessThan(off.text.indexOf('Station announcements are now off'))
    expect(quickLabels(off.msgs[0])[0]).toBe('Announcements on')
    expect(await offAt()).toBeInstanceOf(Date)
    await c.text('receive announcements')
    expect(await offAt()).toBeNull()
  })

  it('a story that only mentions news is not an opt-out', async () => {
    const { c, offAt } = await person()
    await c.text('เมื่อวานดูข่าวแล้วเห็นว่ามีคนโดนหลอก ไม่รับสายเบอร์แปลกดีไหม')
    expect(await offAt()).toBeNull()
  })
})

import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens, dataRequests } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { chatDriver } from '../../unit/lost-documents/chat-driver.js'

/**
 * "My data" typed in the chat (issue #8, points 2 and 8): the PDPA rights, access s.30 and erasure s.33, with buttons
 * into the citizen LIFF app; nothing is deleted and no request is made from the chat.
 */
let s: Stack
beforeAll(async () => {
  s = await startStack()
})
afterAll(async () => {
  await s?.close()
})

const newChat = () => {
  const user = s.emulator.createUser({ displayName: 'ผู้ใช้', language: 'th' })
  return chatDriver(s, user.userId)
}

type Button = { action: { type: string; label: string; uri?: string } }
const buttons = (message: unknown): Button[] =>
  (message as { contents?: { footer?: { contents?: Button[] } } }).contents?.footer?.contents ?? []

describe('"my data" in the chat', () => {
  it.each(['อยากลบข้อมูลของฉัน', 'ขอดูข้อมูลของฉัน', 'ลบข้อมูล', 'ลบข้อมูลส่วนตัวด้วยค่ะ'])(
    '"%s" → the rights (s.30, s.33) and the LIFF pages, in Thai',
    async (message) => {
      const { msgs, text } = await newChat().text(message)
      expect(text).not.toContain('ยังไม่เข้าใจ')
      expect(text).toContain('มาตรา 30')
      expect(text).toContain('มาตรา 33')
      expect(msgs).toHaveLength(1)
      const links = buttons(msgs[0]?.message)
      expect(links.map((b) => b.action.type)).toEqual(['uri', 'uri'])
      expect(links[0]?.action.uri).toMatch(/\/my-data$/)
      expect(links[1]?.action.uri).toMatch(/\/my-reports$/)
      expect(links.map((b) => b.action.label)).toEqual(['ดูข้อมูลของฉัน', 'ขอลบข้อมูล'])
    },
  )

  it.each(['my data', 'delete my data', 'I want to delete my data please'])(
    '"%s" → the same answer in English',
    async (message) => {
      const c = newChat()
      await c.text('English please')
      const { msgs, text } = await c.text(message)
      expect(text).not.toContain("didn't understand")
      expect(text).toContain('(s.30)')
      expect(text).toContain('(s.33)')
      expect(buttons(msgs[0]?.message).map((b) => b.action.label)).toEqual(['See my data', 'Ask to delete'])
    },
  )

  it('asking to delete from the chat makes no deletion request (only the LIFF page, after its confirmation)', async () => {
    const user = s.emulator.createUser({ displayName: 'ผู้ใช้', language: 'th' })
    await chatDriver(s, user.userId).text('อยากลบข้อมูลของฉันค่ะ')
    const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
    expect(citizen).toBeDefined()
    const rows = await s.db.db
      .select()
      .from(dataRequests)
      .where(eq(dataRequests.citizenId, citizen?.id ?? ''))
    expect(rows).toEqual([])
  })
})

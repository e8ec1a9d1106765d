import { describe, expect, it } from 'vitest'
import { chatDriver, quickLabels } from '../../unit/lost-documents/chat-driver.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'

// Issue #13, acceptance 1 by chat: typed requests (with particles, English, a typo) and the menu's entry hand over
// to the LIFF form (a URI button to /house-watch/new), in two or three lines.
const s = lostDocumentStack()

function chat(language: 'th' | 'en' = 'th') {
  const user = s.emulator.createUser({ displayName: 'คนจะไปเที่ยว', language })
  return chatDriver(s, user.userId)
}
const formUri = (m: { message: Record<string, unknown> } | undefined) =>
  /"uri":"([^"]*house-watch\/new[^"]*)"/.exec(JSON.stringify(m?.message))?.[1]

describe('house watch in the chat', () => {
  it.each(['ฝากบ้าน', 'ฝากบ้านกับตำรวจครับ', 'จะไปต่างจังหวัด ฝากบ้านหน่อย', 'ขอฝากบ้านค่ะ', 'ฝากบ้านนน'])(
    '"%s" → the hand-over card with the form button',
    async (text) => {
      const { msgs } = await chat().text(text)
      const card = msgs[0]
      expect(card?.message.type).toBe('flex')
      expect(formUri(card)).toMatch(/^https:\/\/liff\.line\.me\/[^/]+\/house-watch\/new$/)
      expect(JSON.stringify(card?.message)).toContain('สายตรวจ')
    },
  )

  it('in English, and from the main menu (postback a=hw)', async () => {
    const user = s.emulator.createUser({ displayName: 'Away Soon', language: 'en' })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    const c = chatDriver(s, user.userId)
    await c.wait(2)
    const typed = await c.text('house watch please')
    expect(JSON.stringify(typed.msgs[0]?.message)).toContain('Open the house-watch form')
    expect(formUri(typed.msgs[0])).toBeTruthy()
    expect(quickLabels(typed.msgs[0])).toContain('House watch')
    const tapped = await c.postback('a=hw')
    expect(formUri(tapped.msgs[0])).toBeTruthy()
  })
})

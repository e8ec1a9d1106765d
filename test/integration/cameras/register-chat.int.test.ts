import { describe, expect, it } from 'vitest'
import { chatDriver, quickLabels } from '../../unit/lost-documents/chat-driver.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'

// Issue #15 polish: a camera owner types that they want to register their CCTV (particles, no spaces, typos) and gets
// a button that opens the citizen LIFF page of their cameras, Thai first then English. Through the emulator and the
// webhook, as a citizen types; the emulator validates the message against LINE's spec.
const s = lostDocumentStack()

describe('camera owners register from the chat', () => {
  it.each([
    'ลงทะเบียนกล้อง',
    'ลงทะเบียนกล้องค่ะ',
    'มีกล้องวงจรปิด อยากลงทะเบียนครับ',
    'มีกล้องวงจรปิดอยากลงทะเบียน',
    'register my cctv',
    'Register my CCTV please',
    'ลงทะเบืยนกล้อง',
    'registr my cctv',
  ])('"%s" → a button to the LIFF page "cameras", Thai then English', async (message) => {
    const user = s.emulator.createUser({ displayName: 'เจ้าของร้าน', language: 'th' })
    const { msgs, text } = await chatDriver(s, user.userId).text(message)
    expect(msgs).toHaveLength(1)
    expect(msgs[0]?.message.type).toBe('flex')
    const footer = JSON.stringify(
      (msgs[0]?.message as { contents?: { footer?: unknown } } | undefined)?.contents?.footer,
    )
    expect(footer).toContain('"type":"uri"')
    expect(footer).toMatch(/"uri":"[^"]*\/cameras"/)
    expect(text.indexOf('ลงทะเบียนกล้องวงจรปิด')).toBeGreaterThanOrEqual(0)
    expect(text.indexOf('ลงทะเบียนกล้องวงจรปิด')).toBeLessThan(text.indexOf('Register your'))
    expect(quickLabels(msgs[0])).toContain('แจ้งเอกสารหาย')
  })

  it('someone asking to see CCTV footage is not sent to register a camera', async () => {
    const user = s.emulator.createUser({ displayName: 'ผู้เสียหาย', language: 'th' })
    const { text } = await chatDriver(s, user.userId).text('ขอดูกล้องวงจรปิดหน่อยครับ')
    expect(text).not.toContain('/cameras')
  })
})

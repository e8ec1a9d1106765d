import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { type RunningLineEmulator, startLineEmulator } from '../../../bot/emulator/server.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'

const token = 'gap-test-token'

// A message that reaches the chat after the page read it but before its live stream was listening must still show:
// on a busy machine that gap is where a newcomer's greeting used to vanish.
describe.skipIf(!hasChromium)('simulator: nothing lost before the live stream listens', () => {
  let emulator: RunningLineEmulator
  let browser: Browser
  beforeAll(async () => {
    emulator = await startLineEmulator({
      channelSecret: 'gap-test-secret',
      channelAccessToken: token,
      loginChannelId: '1650000000',
      webhookUrl: 'http://127.0.0.1:9/webhook',
    })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await emulator?.close()
  })

  it('shows a bot message sent while the stream was connecting', async () => {
    const user = emulator.createUser({ displayName: 'ช่องว่าง' })
    await emulator.sendText(user.userId, 'hi') // may now be pushed to (wrote in the last 7 days)
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.route('**/emulator/api/stream?chatId=*', async (route) => {
      // The bot answers now: after the page's first read of the timeline, before the stream connects.
      const res = await fetch(`${emulator.url}/v2/bot/message/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ to: user.userId, messages: [{ type: 'text', text: 'ตอบระหว่างเชื่อมต่อ' }] }),
      })
      if (!res.ok) {
        throw new Error(await res.text())
      }
      await route.continue()
    })
    await page.goto(`${emulator.url}/emulator#chat=${user.userId}`)
    await page.getByText('ตอบระหว่างเชื่อมต่อ').waitFor({ timeout: 10_000 })
  })
})

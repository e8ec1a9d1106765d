import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'

// The citizen LIFF app's consultation page in headless Chromium, at a phone's and a desktop's size; screenshots go
// to $LIFF_SHOTS_DIR (default /tmp/liff-shots) for people to look at.
const SHOTS = process.env.LIFF_SHOTS_DIR ?? join(tmpdir(), 'liff-shots')

describe.skipIf(!hasChromium)('citizen LIFF: legal consultation page', () => {
  let stack: Stack
  let browser: Browser

  beforeAll(async () => {
    await buildCitizenLiffOnce()
    stack = await startStack()
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it.each<[Viewport, 'th' | 'en']>([
    ['phone', 'th'],
    ['desktop', 'en'],
  ])(
    '%s (%s): topic and question, then the number; asked again, the open one sends to the chat',
    async (viewport, lang) => {
      const user = stack.emulator.createUser({ displayName: 'หน้าเว็บ', language: lang })
      await stack.emulator.follow(user.userId)
      await stack.emulator.waitForMessages(user.userId, 2)
      const { page, problems } = await openLiffPage(browser, stack, {
        app: 'citizen',
        path: 'consultation',
        viewport,
        userId: user.userId,
        lang,
      })
      const th = lang === 'th'
      await page.getByRole('heading', { level: 1, name: th ? 'ปรึกษากฎหมาย' : 'Legal advice' }).waitFor()
      await page.getByText(th ? 'เรื่องอื่น ๆ' : 'Something else').waitFor()
      await fullPageShot(page, SHOTS, `consultation-form-${viewport}-${lang}`)
      // Nothing chosen: said on the page, nothing sent.
      await page.getByRole('button', { name: th ? 'ส่งคำถาม' : 'Send my question' }).click()
      await page
        .getByRole('alert')
        .getByText(th ? 'กรุณาเลือกหัวข้อ' : 'Please choose a topic')
        .waitFor()
      await page.getByText(th ? 'หนี้สิน / เงินกู้' : 'Debts and loans').click()
      await page.locator('#question').fill(th ? 'โดนทวงหนี้ข่มขู่ทุกวัน ทำอย่างไรดีครับ' : 'A lender threatens me every day.')
      await page.getByRole('button', { name: th ? 'ส่งคำถาม' : 'Send my question' }).click()
      const ref = page.getByText(/RYG-CON-\d{4}-\d{6}/)
      await ref.waitFor()
      await fullPageShot(page, SHOTS, `consultation-done-${viewport}-${lang}`)
      const number = /RYG-CON-\d{4}-\d{6}/.exec((await ref.textContent()) ?? '')?.[0]
      const [receipt] = (await stack.emulator.waitForMessages(user.userId, 3)).slice(2)
      expect(JSON.stringify(receipt?.message)).toContain(number)
      await page.reload()
      await page.getByText(number ?? 'x').waitFor()
      expect(problems).toEqual([])
      await page.close()
    },
  )
})

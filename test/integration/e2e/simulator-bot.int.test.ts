import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const SHOTS = join(tmpdir(), 'e2e-shots')

/** A person at the simulator page chatting with the real bot: page → emulator → webhook → worker → LINE → page. */
describe.skipIf(!hasChromium)('the simulator page with the real bot (headless Chromium)', () => {
  let s: Stack
  let browser: Browser
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    s = await startStack()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await s?.close()
  })

  it('adds the OA, gets the greeting, sends a message, sees the reply, switches language, opens settings in LIFF', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    const errors: string[] = []
    page.on('pageerror', (err) => errors.push(err.message))
    await page.goto(`${s.emulator.url}/emulator`)
    await page.getByTestId('new-user-name').fill('สมหญิง ระยอง')
    await page.getByTestId('new-user-submit').click()

    // Adding the OA sends a follow event: the bot greets by name with the main menu.
    await page.getByText('สวัสดีครับ คุณสมหญิง ระยอง 🙏').waitFor()
    await page.getByTestId('quick-replies').getByText('ข้อมูลสถานี').waitFor()

    await page.getByTestId('message-input').fill('ฉุกเฉิน')
    await page.getByTestId('message-input').press('Enter')
    await page.getByText('ตำรวจ 191').waitFor()
    await page.screenshot({ path: join(SHOTS, 'bot-phone-sos.png') })

    await page.getByTestId('quick-replies').getByText('English').click()
    await page.getByText('Switched to English.').waitFor()
    const [row] = await s.db.db.select().from(citizens).where(eq(citizens.displayName, 'สมหญิง ระยอง'))
    expect(row?.language).toBe('en')

    await page.getByTestId('quick-replies').getByText('Settings').click()
    const liff = page.frameLocator('[data-testid="liff-frame"]')
    await liff.getByRole('heading', { name: /Settings/ }).waitFor()
    await page.screenshot({ path: join(SHOTS, 'bot-phone-liff.png') })
    expect(errors).toEqual([])
  })

  it('works on a desktop window', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${s.emulator.url}/emulator`)
    await page.getByTestId('new-user-name').fill('Tourist Anna')
    await page.getByTestId('new-user-submit').click()
    await page.getByTestId('message-input').fill('station info')
    await page.getByTestId('send').click()
    await page.getByText('สถานีตำรวจภูธรเมืองระยอง').first().waitFor() // the form's default language is Thai
    await page.screenshot({ path: join(SHOTS, 'bot-desktop.png') })
  })
})

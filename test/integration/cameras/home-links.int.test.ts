import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { befriend } from '../cases/fixtures.js'

// Issues #14 / #15 polish: the citizen LIFF home page links to "บ้านของฉัน / My household" and "คำขอภาพจากกล้อง /
// Footage requests" beside "กล้องของฉัน", and each link opens its page.
const SHOTS = process.env.CAM_SHOTS_DIR ?? '/tmp/shots-cam-home'

describe.skipIf(!hasChromium)('citizen LIFF: home links to my household and footage requests', () => {
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
  ])('%s (%s): both links are on the home page and open their pages', async (viewport, lang) => {
    const th = lang === 'th'
    const { user } = await befriend(stack, th ? 'ป้าแดง' : 'Daeng', lang)
    const { page, problems } = await openLiffPage(browser, stack, {
      app: 'citizen',
      path: '',
      viewport,
      userId: user.userId,
      lang,
      ignoreConsole: /tile|Failed to load resource/i,
    })
    const household = page.getByRole('link', { name: th ? /^บ้านของฉัน/ : /^My household/ })
    await household.waitFor()
    await page.getByRole('link', { name: th ? /กล้องของฉัน/ : /My cameras/ }).waitFor()
    await fullPageShot(page, SHOTS, `home-${viewport}-${lang}`)
    await household.click()
    await page.getByRole('heading', { level: 1, name: th ? 'บ้านของฉัน' : 'My household' }).waitFor()
    await page.goBack()
    await page.getByRole('link', { name: th ? /คำขอภาพจากกล้อง/ : /Footage requests/ }).click()
    await page
      .getByRole('heading', { level: 1, name: th ? 'คำขอภาพจากกล้องของฉัน' : 'Footage requests for my cameras' })
      .waitFor()
    expect(problems).toEqual([])
    await page.close()
  })
})

import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, VIEWPORTS, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'

// The built LIFF app in headless Chromium, signed in the way the emulator's simulator signs it in
// (?emulator=1&idToken=…), against the whole stack. Screenshots go to $LIFF_SHOTS_DIR (default /tmp/liff-shots).
const SHOTS = process.env.LIFF_SHOTS_DIR ?? join(tmpdir(), 'liff-shots')

describe.skipIf(!hasChromium)('citizen LIFF app in a browser', () => {
  let stack: Stack
  let browser: Browser

  beforeAll(async () => {
    await buildCitizenLiffOnce() // a rebuild would empty dist/liff under another file's browser
    mkdirSync(SHOTS, { recursive: true })
    stack = await startStack({ worker: false })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  /** Opens a page the way the simulator does; collects console errors (CSP violations included). */
  const open = (path: string, viewport: Viewport, user: { userId: string; language: string }) =>
    openLiffPage(browser, stack, { app: 'citizen', path, viewport, userId: user.userId, lang: user.language })

  const shot = (page: Page, name: string) => fullPageShot(page, SHOTS, name)

  /** The fonts Chromium really drew an element's text with (after web fonts loaded), from DevTools. */
  async function renderedFonts(page: Page, selector: string) {
    await page.evaluate('document.fonts.ready.then(() => true)') // the tests compile without the DOM's types
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('DOM.enable')
    await cdp.send('CSS.enable')
    const { root } = await cdp.send('DOM.getDocument')
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    await cdp.detach()
    return fonts.map((f) => ({ familyName: f.familyName, isCustomFont: f.isCustomFont }))
  }

  /** Every control is at least 44 px tall: a thumb, not a mouse. */
  async function expectTapTargets(page: Page) {
    for (const el of await page.locator('a, button, label.choice').all()) {
      const box = await el.boundingBox()
      if (box) {
        expect(box.height, (await el.textContent()) ?? '').toBeGreaterThanOrEqual(44)
      }
    }
  }

  it('settings: switching to English saves it, confirms it, and the page turns English', async () => {
    const user = stack.emulator.createUser({ displayName: 'สมชาย ใจดี', language: 'th' })
    const { page, problems } = await open('settings', 'phone', user)
    await page.getByRole('heading', { level: 1, name: 'ตั้งค่า' }).waitFor()
    expect(new URL(page.url()).search, 'the ID token must not stay in the address bar').toBe('')
    await shot(page, 'settings-th-390x844')
    await expectTapTargets(page)

    await page.getByRole('radio', { name: 'English' }).check()
    await page.getByRole('status').getByText('Saved: English').waitFor()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await shot(page, 'settings-en-saved-390x844')
    const [row] = await stack.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
    expect(row?.language).toBe('en')

    await page.reload() // the emulator session survives a reload in the same frame
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  })

  it('home: name, station, settings link; usable by keyboard; at phone and desktop sizes', async () => {
    const user = stack.emulator.createUser({ displayName: 'สมหญิง รักสงบ', language: 'th' })
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await open('', viewport, user)
      await page.getByRole('heading', { level: 1, name: 'สวัสดีครับ คุณสมหญิง รักสงบ' }).waitFor()
      await page.getByText('สถานีตำรวจภูธรเมืองระยอง', { exact: true }).last().waitFor()
      const call = page.getByRole('link', { name: /โทรหาสถานี/ })
      expect(await call.getAttribute('href')).toMatch(/^tel:\d+$/)
      const size = VIEWPORTS[viewport]
      // Thai is drawn with the bundled Sarabun, not the machine's fonts (this one has no Thai font: boxes).
      expect(await renderedFonts(page, 'h1')).toEqual([{ familyName: 'Sarabun', isCustomFont: true }])
      await shot(page, `home-th-${size.width}x${size.height}`)
      if (viewport === 'desktop') {
        const settings = await open('settings', viewport, user)
        await settings.page.getByRole('heading', { level: 1 }).waitFor()
        await shot(settings.page, 'settings-th-1280x800')
        await settings.page.close()
      }

      await expectTapTargets(page)
      expect(problems).toEqual([])
      await page.close()
    }

    const { page } = await open('', 'phone', user)
    await page.getByRole('heading', { level: 1 }).waitFor()
    const settings = page.getByRole('link', { name: /ตั้งค่า/ })
    await settings.focus()
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'ตั้งค่า' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/liff/settings')
    await page.goBack()
    await page.getByRole('heading', { level: 1, name: /สวัสดีครับ/ }).waitFor()
    await page.close()
  })

  it('an unknown path shows a not-found page inside the app, in the citizen language', async () => {
    const user = stack.emulator.createUser({ displayName: 'Lost', language: 'en' })
    await stack.app.inject({
      method: 'PUT',
      url: '/api/liff/me/language',
      headers: { authorization: `Bearer ${stack.emulator.issueIdToken(user.userId)}` },
      payload: { language: 'en' },
    })
    const { page } = await open('no-such-page', 'phone', user)
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    await shot(page, 'not-found-en-390x844')
    await page.close()
  })

  it('a token LINE does not accept: the error in Thai and English, with a way to retry', async () => {
    const { page } = await openLiffPage(browser, stack, {
      app: 'citizen',
      path: '',
      viewport: 'phone',
      idToken: 'aaa.bbb.ccc',
    })
    const alert = page.getByRole('alert')
    await alert.getByText('Your LINE sign-in could not be confirmed', { exact: false }).waitFor()
    expect(await alert.textContent()).toMatch(/[\u0E00-\u0E7F]/)
    await alert.getByRole('button', { name: /ลองใหม่/ }).waitFor()
    await shot(page, 'error-invalid-token-390x844')
    await page.close()
  })

  it('serves the pages with a CSP that lets only this origin (and the emulator) frame them', async () => {
    const res = await fetch(`${stack.baseUrl}/liff/settings`)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(res.status).toBe(200)
    expect(csp).toContain("frame-ancestors 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
  })
})

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Stack } from '../../helpers/stack.js'

/** Screenshots for people to look at (phone and desktop). */
export const SHOTS = process.env.ADMIN_SHOTS_DIR ?? '/tmp/admin-shots'
export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const
export type Viewport = keyof typeof VIEWPORTS

export type Opened = { page: Page; problems: string[]; dialogs: string[] }

/**
 * Opens the officers' page the way the emulator's simulator opens https://liff.line.me/emu-admin/...; collects
 * console errors (CSP violations included) and any JavaScript dialog (an executed alert() would land here).
 */
export async function openAdmin(browser: Browser, stack: Stack, path: string, viewport: Viewport, userId: string) {
  mkdirSync(SHOTS, { recursive: true })
  const page = await browser.newPage({ viewport: VIEWPORTS[viewport], deviceScaleFactor: 1 })
  const problems: string[] = []
  const dialogs: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[13]/.test(m.text())) {
      problems.push(m.text())
    }
  })
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const query = new URLSearchParams({
    emulator: '1',
    idToken: stack.emulator.issueIdToken(userId),
    liffId: 'emu-admin',
    lang: 'th',
  })
  await page.goto(`${stack.baseUrl}/admin/${path}?${query}`)
  return { page, problems, dialogs } satisfies Opened
}

export async function shot(page: Page, name: string, viewport: Viewport) {
  const { width, height } = VIEWPORTS[viewport]
  await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`), fullPage: true, animations: 'disabled' })
}

/** Every visible control is at least 44 px tall: a thumb in the field, not a mouse. */
export async function expectTapTargets(page: Page) {
  const small: string[] = []
  for (const el of await page
    .locator('main a, main button, main select, main input:not([type=radio]):not([type=checkbox]), nav a')
    .all()) {
    const box = await el.boundingBox()
    if (box && box.width > 0 && box.height < 44) {
      small.push(
        `${(await el.textContent())?.trim() || (await el.getAttribute('aria-label')) || '?'} (${box.height}px)`,
      )
    }
  }
  expect(small, small.join(', ')).toEqual([])
}

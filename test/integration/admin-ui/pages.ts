import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { fullPageShot, type OpenedLiffPage, openLiffPage, VIEWPORTS, type Viewport } from '../../helpers/liff-page.js'
import type { Stack } from '../../helpers/stack.js'

/** Screenshots for people to look at (phone and desktop). */
export const SHOTS = process.env.ADMIN_SHOTS_DIR ?? '/tmp/admin-shots'
export { VIEWPORTS, type Viewport }

export type Opened = OpenedLiffPage

/**
 * Opens the officers' page the way the emulator's simulator opens https://liff.line.me/emu-admin/... (the one
 * LIFF-page fixture, test/helpers/liff-page.ts); a 401/403 in the console is expected (signed out, not allowed).
 */
export function openAdmin(browser: Browser, stack: Stack, path: string, viewport: Viewport, userId: string) {
  return openLiffPage(browser, stack, { app: 'admin', path, viewport, userId, ignoreConsole: /status of 40[13]/ })
}

export async function shot(page: Page, name: string, viewport: Viewport) {
  const { width, height } = VIEWPORTS[viewport]
  await fullPageShot(page, SHOTS, `${name}-${width}x${height}`)
}

/** Every visible control is at least 44 px tall: a thumb in the field, not a mouse. */
export async function expectTapTargets(page: Page) {
  const small: string[] = []
  // A file input is tapped through its label, styled as a button (the input itself is visually hidden).
  for (const el of await page
    .locator(
      'main a, main button, main select, main input:not([type=radio]):not([type=checkbox]):not([type=file]), nav a',
    )
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

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { Stack } from './stack.js'

/** The two sizes every LIFF screen is checked at: a phone in LINE, and a desktop browser. */
export const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const
export type Viewport = keyof typeof VIEWPORTS

/** The citizens' app (`/liff/`, LIFF ID emu-citizen) or the officers' app (`/admin/`, emu-admin). */
export type LiffApp = 'citizen' | 'admin'
const APPS = {
  citizen: { base: 'liff', liffId: 'emu-citizen' },
  admin: { base: 'admin', liffId: 'emu-admin' },
} as const satisfies Record<LiffApp, { base: string; liffId: string }>

export type OpenLiffPage = {
  app: LiffApp
  /** Below the app's base, without a leading slash ('' = the app's home). */
  path: string
  viewport: Viewport
  /** The emulated LINE user the page is signed in as… */
  userId?: string
  /** …or this ID token as it stands (e.g. one LINE does not accept). */
  idToken?: string
  lang?: string
  /** Console errors matching this are expected (e.g. the 400 of a form's validation) and not collected. */
  ignoreConsole?: RegExp
  acceptDownloads?: boolean
  /** Extra query parameters the page reads (e.g. `reply: '1'`). */
  query?: Record<string, string>
  /** Runs before the page loads (e.g. `page.route` answers for endpoints the test stands in for). */
  prepare?: (page: Page) => Promise<void>
}

export type OpenedLiffPage = { page: Page; problems: string[]; dialogs: string[] }

/**
 * Opens a built LIFF page the way the emulator's simulator opens https://liff.line.me/<liffId>/... (signed in with
 * `?emulator=1&idToken=…`); collects console errors (CSP violations included) and page errors in `problems`, and
 * any JavaScript dialog in `dialogs` (dismissed: an executed alert() from citizen text would land here).
 */
export async function openLiffPage(
  browser: Browser,
  stack: Pick<Stack, 'emulator' | 'baseUrl'>,
  opts: OpenLiffPage,
): Promise<OpenedLiffPage> {
  const app = APPS[opts.app]
  const page = await browser.newPage({
    viewport: VIEWPORTS[opts.viewport],
    deviceScaleFactor: 1,
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
  })
  const problems: string[] = []
  const dialogs: string[] = []
  page.on('console', (m) => {
    // Map tiles come from the internet (MAP_TILE_URL), which this machine cannot reach: a host that does not resolve
    // is never ours (the app is served from 127.0.0.1), and the map shows its offline fallback instead.
    const offlineTiles = /net::ERR_(NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|INTERNET_DISCONNECTED)/.test(m.text())
    if (m.type() === 'error' && !offlineTiles && !opts.ignoreConsole?.test(m.text())) {
      problems.push(m.text())
    }
  })
  page.on('pageerror', (e) => problems.push(e.message))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const idToken = opts.idToken ?? (opts.userId ? stack.emulator.issueIdToken(opts.userId) : undefined)
  if (!idToken) {
    throw new Error('openLiffPage: give a userId or an idToken')
  }
  const query = new URLSearchParams({
    ...opts.query,
    emulator: '1',
    idToken,
    liffId: app.liffId,
    lang: opts.lang ?? 'th',
  })
  await opts.prepare?.(page)
  await page.goto(`${stack.baseUrl}/${app.base}/${opts.path}?${query}`)
  return { page, problems, dialogs }
}

/** A full-page screenshot for people to look at: `dir/name.png` (the directory is made if missing). */
export async function fullPageShot(page: Page, dir: string, name: string) {
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true, animations: 'disabled' })
}

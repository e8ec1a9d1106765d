import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { freePort } from '../../helpers/processes.js'
import { npmStart, type RunningServer } from './npm-start.js'

// README's quick start, followed literally by a newcomer: `npm start` on the embedded defaults (PGlite, the
// in-process runner, the LINE emulator; whatever DATABASE_URL this suite runs with), open the simulator, create a
// user, copy their ID, make them an admin, open the officers' page. Then what they run into next: a simulator
// opened at 127.0.0.1 instead of localhost, `npm run officer` beside the server, a restart.
const SHOTS = process.env.EMULATOR_SHOTS_DIR ?? join(tmpdir(), 'emulator-shots')
const run = promisify(execFile)

describe.skipIf(!hasChromium)('a newcomer on `npm start`', () => {
  let server: RunningServer
  let browser: Browser
  let port: number
  const dataDir = mkdtempSync(join(tmpdir(), 'rsz-newcomer-'))
  const env = () => ({ PORT: String(port), DATA_DIR: dataDir })
  const pageErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    port = await freePort()
    server = await npmStart(env())
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function open(host: string, width: number, height: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://${host}:${port}` })
    const page = await context.newPage()
    page.on('pageerror', (err) => pageErrors.push(err.message))
    await page.goto(`http://${host}:${port}/emulator`)
    return page
  }

  async function becomeOfficer(page: Page, name: string, shot: string) {
    if (await page.locator('#drawer-open').isVisible()) {
      await expect(page.getByTestId('new-user-form').isVisible()).resolves.toBe(true) // a phone starts on the list
    }
    await page.getByTestId('new-user-name').fill(name)
    await page.getByTestId('new-user-submit').click()
    // The ID is on screen, whole, and the copy button puts exactly it on the clipboard.
    const shown = (await page.getByTestId('user-id').textContent()) ?? ''
    expect(shown).toMatch(/^U[0-9a-f]{32}$/)
    await page.getByTestId('copy-user-id').click()
    await expect(page.evaluate('navigator.clipboard.readText()')).resolves.toBe(shown)
    const idBox = await page.getByTestId('user-id').evaluate((el) => el.scrollWidth <= el.clientWidth)
    expect(idBox, 'the ID fits without an ellipsis').toBe(true)
    await page.getByText('ยินดีต้อนรับ', { exact: false }).first().waitFor()
    await page.screenshot({ path: join(SHOTS, `${shot}-1-user.png`) })

    await page.getByTestId('make-admin').click()
    await page.getByTestId('open-admin').waitFor()
    await expect(page.getByTestId('officer-role').textContent()).resolves.toContain('แอดมิน')
    await page.screenshot({ path: join(SHOTS, `${shot}-2-admin.png`) })
    await page.getByTestId('open-admin').click()
    await page.frameLocator('[data-testid="liff-frame"]').getByRole('heading', { name: 'งานเข้า' }).waitFor()
    await page.screenshot({ path: join(SHOTS, `${shot}-3-inbox.png`) })
    await page.getByTestId('liff-close').click()
    return shown
  }

  /** A LIFF page opened from the chat (the rich menu's Settings tile): same origin as the page, and not blank. */
  async function openCitizenLiff(page: Page, shot: string) {
    await page.locator('.richmenu-area[aria-label="ตั้งค่า"]').click()
    const frame = page.frameLocator('[data-testid="liff-frame"]')
    await frame.locator('h1, h2').first().waitFor()
    const src = (await page.getByTestId('liff-frame').getAttribute('src')) ?? ''
    expect(new URL(src, page.url()).origin).toBe(new URL(page.url()).origin)
    const text = (await frame.locator('body').textContent()) ?? ''
    expect(text.trim().length, 'the LIFF page rendered').toBeGreaterThan(20)
    await page.screenshot({ path: join(SHOTS, `${shot}-4-liff.png`) })
    await page.getByTestId('liff-close').click()
  }

  it('on a phone at localhost: user → ID → admin → the officers’ inbox, and a LIFF page', async () => {
    const page = await open('localhost', 390, 844)
    await becomeOfficer(page, 'ร.ต.อ. มือใหม่', 'newcomer-phone')
    await openCitizenLiff(page, 'newcomer-phone')
    expect(pageErrors).toEqual([])
  }, 90_000)

  it('on a desktop at 127.0.0.1: the same, links follow the address, and the chat keeps room beside the menu', async () => {
    const page = await open('127.0.0.1', 1280, 800)
    await becomeOfficer(page, 'ร.ต.ท. เดสก์ท็อป', 'newcomer-desktop')
    await openCitizenLiff(page, 'newcomer-desktop')
    // A link the bot wrote with PUBLIC_BASE_URL (http://localhost:PORT) opens where this page is.
    const link = JSON.stringify(`http://localhost:${port}/verify/abc?x=1`)
    // A string, so the test runner does not rewrite the page's own import().
    const opened = await page.evaluate(`import('/emulator/ui/links.js').then((m) => m.localUrl(${link}))`)
    expect(opened).toBe(`http://127.0.0.1:${port}/verify/abc?x=1`)
    // The rich menu is open (selected): the chat still has most of the height it had without it.
    await expect(page.getByTestId('richmenu-toggle').getAttribute('aria-expanded')).resolves.toBe('true')
    const timeline = await page.getByTestId('timeline').evaluate((el) => el.clientHeight)
    expect(timeline, `timeline ${timeline}px with the menu open`).toBeGreaterThanOrEqual(360)
    await page.screenshot({ path: join(SHOTS, 'newcomer-desktop-5-menu.png') })
    expect(pageErrors).toEqual([])
  }, 90_000)

  it('`npm run officer` beside the running server refuses with the alternatives, and the server keeps working', async () => {
    const cli = await run('npm', ['run', 'officer', '--silent', '--', 'list'], {
      env: { ...process.env, ...env(), DATABASE_URL: '' },
      timeout: 60_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code?: number; stderr?: string }) => ({ code: err.code ?? 1, stderr: err.stderr ?? '' }),
    )
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain('ตั้งเป็นแอดมิน')
    expect(cli.stderr).toContain(`http://localhost:${port}/emulator`)
    expect(cli.stderr).not.toContain('Aborted')
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
    expect(ready.status).toBe(200)
  }, 90_000)

  it('after a restart, the users, their chats, their menu and the admin are still there', async () => {
    const before = (await (await fetch(`http://127.0.0.1:${port}/emulator/api/state`)).json()) as {
      users: { userId: string }[]
    }
    expect(before.users).toHaveLength(2)
    await server.stop()
    for (let i = 0; i < 100 && existsSync(join(dataDir, 'pglite.lock')); i++) {
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(existsSync(join(dataDir, 'pglite.lock')), 'the lock is released on Ctrl+C').toBe(false)
    server = await npmStart(env())

    const page = await open('localhost', 1280, 800)
    // The list is fetched after the page loads: wait for it before counting (count() does not wait).
    await expect.poll(() => page.getByTestId('user-item').count(), { timeout: 15_000 }).toBe(2)
    await page.getByTestId('user-item').first().click()
    await page.getByText('ยินดีต้อนรับ', { exact: false }).first().waitFor()
    await page.getByTestId('open-admin').waitFor() // still an admin: the bot's database kept it
    await page.locator('.richmenu-area[aria-label="ตั้งค่า"]').waitFor() // the rich menu came back with its image
    await page.screenshot({ path: join(SHOTS, 'newcomer-restart.png') })
    expect(pageErrors).toEqual([])
  }, 180_000)
})

import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notifyCaseChange } from '../../../bot/cases/case-feed.js'
import { createCase } from '../../../bot/cases/cases.service.js'
import { type Case, cases } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { openLiffPage } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { openAdmin, shot } from './pages.js'
import { fileLiveCase, seedOfficer, stationOf } from './seed.js'

const HOUR = 3_600_000

/** Counts the tones the page starts (WebAudio oscillators): the alarm rang if this grew. */
const COUNT_TONES = `(() => {
  window.__tones = 0
  const create = AudioContext.prototype.createOscillator
  AudioContext.prototype.createOscillator = function () {
    window.__tones += 1
    return create.call(this)
  }
})()`

/** Issue #8 point 6: an unclaimed SOS is pinned at the top of the inbox, rings, and badges the tab's title. */
describe.skipIf(!hasChromium)('SOS on the officers page (headless Chromium)', () => {
  let stack: Stack
  let browser: Browser
  let admin: Awaited<ReturnType<typeof seedOfficer>>
  let oldSos: Case

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack({ worker: false })
    admin = await seedOfficer(stack, 'admin', 'ร.ต.อ. สมชาย ใจดี')
    const station = await stationOf(stack)
    const now = Date.now()
    oldSos = await stack.db.db.transaction(async (tx) => {
      // An SOS from three hours ago, then newer reports: by time alone the SOS would be last.
      const sos = await createCase(tx, {
        station,
        kind: 'sos',
        citizenId: null,
        priority: 'urgent',
        summary: 'แจ้งเหตุฉุกเฉินทาง LINE พร้อมตำแหน่ง: ตลาดบ้านเพ',
        dueAt: new Date(now - 3 * HOUR + 10 * 60_000),
        now: new Date(now - 3 * HOUR),
      })
      for (let i = 2; i >= 0; i--) {
        await createCase(tx, {
          station,
          kind: 'lost_document',
          citizenId: null,
          summary: `บัตรประชาชน ${i}`,
          now: new Date(now - i * HOUR),
        })
      }
      return sos
    })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  const title = (page: Page) => page.evaluate('document.title') as Promise<string>
  const tones = (page: Page) => page.evaluate('window.__tones') as Promise<number>

  async function claim(c: Case) {
    await stack.db.db.transaction(async (tx) => {
      const [row] = await tx.update(cases).set({ assigneeId: admin.officer.id }).where(eq(cases.id, c.id)).returning()
      if (row) {
        await notifyCaseChange(tx, row, 'updated')
      }
    })
  }

  it('pins the unclaimed SOS at the top with a marker, badges the title, rings for a new one, unpins when taken', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const { page, problems } = await openAdmin(browser, stack, '', viewport, admin.user.userId)
      await page.addInitScript(COUNT_TONES)
      await page.reload()
      await page.getByRole('heading', { level: 1, name: 'งานเข้า' }).waitFor()
      await page.locator('.live-live').waitFor()
      const first = page.locator('.case-row').first()
      await expect(first.textContent()).resolves.toContain(oldSos.referenceNumber)
      await expect(first.getAttribute('class')).resolves.toContain('is-pinned')
      await expect(first.getByText('SOS ยังไม่มีผู้รับเรื่อง').isVisible()).resolves.toBe(true)
      expect(await page.locator('.case-row.is-pinned').count()).toBe(1)
      // (The page's CSP forbids eval: poll from here, not with waitForFunction.)
      await expect.poll(() => title(page)).toMatch(/^\(1\) งานเข้า/)
      await page.locator('.sos-bar', { hasText: oldSos.referenceNumber }).waitFor()
      await shot(page, 'sos-pinned', viewport)
      expect(await tones(page), 'no ring for an SOS already waiting when the page opened').toBe(0)

      if (viewport === 'phone') {
        // A new SOS while the page is open: it rings, the badge counts two, and it is pinned first.
        const live = await fileLiveCase(stack)
        await expect.poll(() => title(page), { timeout: 10_000 }).toMatch(/^\(2\) /)
        await expect.poll(() => tones(page)).toBeGreaterThan(0)
        await page.locator('.case-row.is-pinned', { hasText: live.referenceNumber }).waitFor()
        expect(await page.locator('.case-row').first().textContent()).toContain(live.referenceNumber)
        await shot(page, 'sos-ringing', viewport)

        // Taken by an officer: no longer pinned, no badge, no bar.
        await claim(live)
        await claim(oldSos)
        await expect.poll(() => title(page), { timeout: 10_000 }).not.toMatch(/^\(\d+\) /)
        await expect.poll(() => page.locator('.case-row.is-pinned').count()).toBe(0)
        await page.locator('.sos-bar').waitFor({ state: 'detached' })
        expect(await page.locator('.case-row').last().textContent()).toContain(oldSos.referenceNumber)
        await shot(page, 'sos-taken', viewport)
      }
      expect(problems).toEqual([])
      await page.close()
    }
  })

  it('"ติดต่อกลับทาง LINE" on the group alert opens the case at its message box (?reply=1)', async () => {
    const { page } = await openLiffPage(browser, stack, {
      app: 'admin',
      path: `cases/${oldSos.id}`,
      viewport: 'phone',
      userId: admin.user.userId,
      query: { reply: '1' },
    })
    await page.getByRole('heading', { level: 1, name: oldSos.referenceNumber }).waitFor()
    await expect.poll(() => page.evaluate('document.activeElement?.id')).toBe('reply')
    await shot(page, 'sos-reply', 'phone')
    await page.close()
  })
})

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { openAdmin, shot } from './pages.js'
import { seedOfficer } from './seed.js'

// GET /api/admin/dashboard answers `quota: null` when LINE could not be asked (bot/contracts/admin-api.ts says so;
// the page's hand-written type had it always there, and the page broke). The answer is the server's own, with only
// the quota taken away on its way to the page.
describe.skipIf(!hasChromium)('officers page: the dashboard without LINE’s quota', () => {
  let stack: Stack
  let browser: Browser
  let admin: Awaited<ReturnType<typeof seedOfficer>>

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack({ worker: false })
    admin = await seedOfficer(stack, 'admin', 'พ.ต.ท. วิชัย รักษาดี')
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it('shows the rest of the dashboard and says, in Thai, that the quota is unknown for now', async () => {
    const { page, problems } = await openAdmin(browser, stack, '', 'desktop', admin.user.userId)
    await page.getByRole('heading', { level: 1, name: 'งานเข้า' }).waitFor()
    await page.route('**/api/admin/dashboard*', async (route) => {
      const res = await route.fetch()
      await route.fulfill({ response: res, json: { ...(await res.json()), quota: null } })
    })
    await page.getByRole('navigation').getByRole('link', { name: 'ภาพรวม' }).first().click()
    await page.getByRole('heading', { level: 1, name: 'ภาพรวม' }).waitFor()
    await page.getByText('ขณะนี้ตรวจสอบโควตาข้อความ LINE ของเดือนนี้ไม่ได้', { exact: false }).waitFor()
    await page.locator('.chart svg').first().waitFor()
    expect(await page.locator('.gauge svg').count()).toBe(0)
    await shot(page, 'dashboard-no-quota', 'desktop')
    expect(problems).toEqual([])
    await page.close()
  })
})

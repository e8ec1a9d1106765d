import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import type { Viewport } from '../../helpers/liff-page.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { SMALL_ZONE_CSV } from '../households/fixtures.js'
import { openAdmin, shot } from './pages.js'
import { seedOfficer } from './seed.js'

// Issues #14 / #15 polish: the officers' dashboard shows the camera registry's counts by owner type and status
// (132 / 86 / 198 after the sample import) with a link to the registry, for those with cameras.read, and the
// households coverage headline (registered out of the imported addresses) for those with households.read.
const SAMPLE = readFileSync(new URL('../../../bot/cameras/seed/rayong-cameras.csv', import.meta.url), 'utf8')

describe.skipIf(!hasChromium)('officers page: the registries on the dashboard', () => {
  let stack: Stack
  let browser: Browser
  let adminUser = ''
  let viewerUser = ''

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack({ worker: false })
    const admin = await seedOfficer(stack, 'admin', 'พ.ต.ท. วิชัย รักษาดี')
    adminUser = admin.user.userId
    viewerUser = (await seedOfficer(stack, 'viewer', 'ร.ต.อ. สมศรี ดูอย่างเดียว')).user.userId
    const result = await stack.deps.camerasRegistry.registry.importCsv(
      { actor: 'cli', officerId: null, stationId: admin.officer.stationId },
      SAMPLE,
      'all',
    )
    expect(result.created).toBe(416)
    const importer = await signInOfficer(stack.db.db, { role: 'admin' })
    const res = await stack.app.inject({
      method: 'POST',
      url: '/api/admin/zone-addresses/import',
      headers: { ...importer.headers, 'content-type': 'text/csv; charset=utf-8' },
      payload: SMALL_ZONE_CSV,
    })
    expect(res.statusCode, res.body).toBe(200)
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it.each<Viewport>(['phone', 'desktop'])(
    '%s: camera counts per owner type and status with a link, and the households coverage',
    async (viewport) => {
      const { page, problems } = await openAdmin(browser, stack, 'dashboard', viewport, adminUser)
      await page.getByRole('heading', { level: 1, name: 'ภาพรวม' }).waitFor()
      const cams = page.locator('[data-block="cameras"]')
      await cams.waitFor()
      expect(await cams.locator('[data-owner="police"] dd').textContent()).toBe('132')
      expect(await cams.locator('[data-owner="agency"] dd').textContent()).toBe('86')
      expect(await cams.locator('[data-owner="private"] dd').textContent()).toBe('198')
      await cams.locator('[data-status="active"]').waitFor()
      await cams.locator('[data-status="offline"]').waitFor()
      const coverage = page.locator('[data-block="coverage"]')
      await expect.poll(() => coverage.textContent()).toContain('0 / 5')
      await shot(page, 'dashboard-registries', viewport)
      expect(problems).toEqual([])
      // The registry's map asks for tiles the test machine cannot reach: only the page opening is checked there.
      await page.getByRole('link', { name: 'เปิดทะเบียนกล้อง' }).click()
      await page.getByRole('heading', { level: 1, name: 'ทะเบียนกล้อง CCTV' }).waitFor()
      await page.close()
    },
  )

  it('a viewer (households.read, no cameras.read) sees the coverage but not the cameras', async () => {
    const { page, problems } = await openAdmin(browser, stack, 'dashboard', 'phone', viewerUser)
    await page.getByRole('heading', { level: 1, name: 'ภาพรวม' }).waitFor()
    await page.locator('[data-block="coverage"]').waitFor()
    expect(await page.locator('[data-block="cameras"]').count()).toBe(0)
    expect(problems).toEqual([])
    await page.close()
  })
})

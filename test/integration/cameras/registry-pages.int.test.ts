import { readFileSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cameras } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { seedOfficer } from '../admin-ui/seed.js'

// Issue #15, points 1, 2 and 6: the registry page in headless Chromium at a phone's and a desktop's size: the counts
// after the sample import (132 / 86 / 198), the map with one marker style per owner type and cones, a popup, the
// owner-type filter, and a citizen's registration verified from the queue. Screenshots: $CAM_SHOTS_DIR.
const SHOTS = process.env.CAM_SHOTS_DIR ?? '/tmp/shots-cam-registry'
const SAMPLE = readFileSync(new URL('../../../bot/cameras/seed/rayong-cameras.csv', import.meta.url), 'utf8')

describe.skipIf(!hasChromium)('officers page: the camera registry', () => {
  let stack: Stack
  let browser: Browser
  let adminUser: string
  let pendingId = ''

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack()
    const admin = await seedOfficer(stack, 'admin', 'พ.ต.ท. วิชัย รักษาดี')
    adminUser = admin.user.userId
    const result = await stack.deps.camerasRegistry.registry.importCsv(
      { actor: 'cli', officerId: null, stationId: admin.officer.stationId },
      SAMPLE,
      'all',
    )
    expect(result.created).toBe(416)
    const [pending] = await stack.db.db
      .insert(cameras)
      .values({
        stationId: admin.officer.stationId,
        code: 'RYG-L-TESTPEND',
        name: '<img src=x onerror=alert(1)> หน้าร้าน',
        ownerType: 'private',
        ownerName: 'ป้าแดง',
        latitude: 12.6832,
        longitude: 101.2741,
        directionDeg: 90,
        fieldOfViewDeg: 90,
        covers: 'หน้าร้านกาแฟ',
        retentionDays: 7,
        verification: 'pending',
      })
      .returning()
    pendingId = pending?.id ?? ''
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  const open = (viewport: Viewport) =>
    openLiffPage(browser, stack, {
      app: 'admin',
      path: 'cameras',
      viewport,
      userId: adminUser,
      ignoreConsole: /tile|Failed to load resource/i,
    })

  it.each<Viewport>(['phone', 'desktop'])(
    '%s: counts, the map by owner type with cones, a popup, a filter',
    async (viewport) => {
      const { page, problems, dialogs } = await open(viewport)
      await page.getByRole('heading', { level: 1, name: 'ทะเบียนกล้อง CCTV' }).waitFor()
      const counts = page.locator('.camera-counts')
      await counts.getByText('132').waitFor()
      await counts.getByText('86').waitFor()
      await counts.getByText('198').waitFor()
      await counts.getByText('416').waitFor()
      const pins = (type: string) => page.locator(`.leaflet-marker-pane .camera-pin--${type}`)
      await expect.poll(() => pins('police').count()).toBe(132)
      expect(await pins('agency').count()).toBe(86)
      expect(await pins('private').count()).toBe(199) // the sample's 198 and the pending registration
      expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(400) // the cones
      await page.getByText('รอตรวจสอบ (ประชาชนลงทะเบียนผ่าน LINE) (1)').waitFor()
      await fullPageShot(page, SHOTS, `registry-${viewport}`)

      // Markers overlap at this zoom: the click goes to the marker itself, as a tap on it would.
      await page.locator('.leaflet-marker-pane .camera-pin--police').first().dispatchEvent('click')
      await page.locator('.leaflet-popup .camera-popup').waitFor()
      await page.locator('.leaflet-popup').getByText('30 วัน').waitFor()
      await fullPageShot(page, SHOTS, `registry-popup-${viewport}`)

      await page.getByRole('button', { name: /^เอกชน/ }).click()
      await expect.poll(() => pins('police').count()).toBe(0)
      await expect.poll(() => pins('private').count()).toBe(199)
      await page.getByText('แสดง 30 จาก 199 กล้อง').waitFor()
      await fullPageShot(page, SHOTS, `registry-private-${viewport}`)
      expect(problems).toEqual([])
      expect(dialogs).toEqual([])
      await page.close()
    },
  )

  it('desktop: the pending registration verified from the queue', async () => {
    const { page, problems } = await open('desktop')
    const queue = page.locator('.card', { hasText: 'รอตรวจสอบ (ประชาชนลงทะเบียนผ่าน LINE)' })
    await queue.getByText('<img src=x onerror=alert(1)> หน้าร้าน', { exact: false }).waitFor()
    await queue.getByRole('button', { name: 'ยืนยัน' }).click()
    await page.getByText('ยืนยันแล้ว เจ้าของได้รับแจ้งทาง LINE').first().waitFor()
    await expect
      .poll(async () => (await stack.db.db.select().from(cameras).where(eq(cameras.id, pendingId)))[0]?.verification)
      .toBe('verified')
    await fullPageShot(page, SHOTS, 'registry-verified-desktop')
    expect(problems).toEqual([])
    await page.close()
  })
})

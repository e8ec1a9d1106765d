import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { officers, stations } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, VIEWPORTS, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { dayPlus, patrolScene, todayBangkok } from '../house-watch/patrol-fixtures.js'
import { expectTapTargets } from './pages.js'

// Issue #13, points 2, 4 and 8: the patrol round and a shift's coverage in headless Chromium at phone and desktop
// size, with the map's tiles unreachable (this machine has no internet; the tile host is also refused here, so the
// fallback shows whatever the network): the list, the table and the map's coordinates and links must still serve.
const SHOTS = process.env.PATROL_SHOTS_DIR ?? '/tmp/shots-hw-map'
const NETWORK_ERRORS = /status of 40[13]|net::ERR_|Failed to load resource/

describe.skipIf(!hasChromium)('officers page: patrol round and coverage', () => {
  let stack: Stack
  let browser: Browser
  let D = ''
  const users: Record<'patrol' | 'supervisor', string> = { patrol: '', supervisor: '' }

  async function officer(role: 'patrol_officer' | 'supervisor', fullName: string, stationId: string) {
    const user = stack.emulator.createUser({ displayName: fullName.split(' ').at(-1) ?? fullName, language: 'th' })
    const [row] = await stack.db.db
      .insert(officers)
      .values({ stationId, lineUserId: user.userId, displayName: user.displayName, fullName, role })
      .returning()
    return { userId: user.userId, id: row?.id ?? '' }
  }

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack({ worker: false })
    D = todayBangkok()
    const [ryg] = await stack.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
    const a = ryg?.id ?? ''
    const p = await officer('patrol_officer', 'ส.ต.อ. สมหมาย ตรวจดี', a)
    const sup = await officer('supervisor', 'พ.ต.ท. วิชัย รักษาดี', a)
    users.patrol = p.userId
    users.supervisor = sup.userId
    await patrolScene(stack, D, p.id)
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  function open(path: string, viewport: Viewport, who: 'patrol' | 'supervisor') {
    return openLiffPage(browser, stack, {
      app: 'admin',
      path,
      viewport,
      userId: users[who],
      ignoreConsole: NETWORK_ERRORS,
      // Tiles unreachable, whatever this machine's network: the fallback is what is tested.
      prepare: async (page: Page) => {
        await page.route('**/tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'))
      },
    })
  }

  async function expectNoSideScroll(page: Page, viewport: Viewport) {
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
    expect(width, 'nothing overflows sideways').toBeLessThanOrEqual(VIEWPORTS[viewport].width)
  }

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`today's round: map with the route and the fallback, the list in route order (${viewport})`, async () => {
      const { page, problems } = await open('patrol', viewport, 'patrol')
      await page.getByRole('heading', { level: 1, name: 'รายการตรวจวันนี้' }).waitFor()
      await page.locator('[data-tiles="failed"]').waitFor()
      await page.getByText('โหลดภาพแผนที่ไม่ได้').waitFor()
      const names = await page.locator('.stop__name').allTextContents()
      expect(names).toEqual(['RB-002 · ตู้แดง RB-002', 'HW-000001', 'RB-001 · ตู้แดง RB-001'])
      // Station + three stops on the map, the house green (visited this shift), the route drawn.
      expect(await page.locator('.map-pin').count()).toBe(4)
      expect(await page.locator('.map-pin--house.map-pin--done').count()).toBe(1)
      expect(await page.locator('path.leaflet-interactive, .leaflet-overlay-pane path').count()).toBeGreaterThan(0)
      const houseCard = page.locator('.stop', { hasText: 'HW-000001' })
      await houseCard.getByText('ตรวจแล้วในผลัดนี้').waitFor()
      await houseCard.getByText('ส.ต.อ. สมหมาย ตรวจดี').waitFor()
      await houseCard.getByText('มีสุนัขในบ้าน', { exact: false }).waitFor()
      expect(await houseCard.textContent()).not.toContain('สมศรี')
      const nav = await houseCard.getByRole('link', { name: 'นำทาง' }).getAttribute('href')
      expect(nav).toBe('https://www.google.com/maps/dir/?api=1&destination=12.690000,101.290000')
      // The fallback: the map centre's coordinates and a link to open it in a map app.
      expect(await page.locator('.map-place__open').first().getAttribute('href')).toContain('google.com/maps')
      await fullPageShot(page, SHOTS, `patrol-today-${VIEWPORTS[viewport].width}x${VIEWPORTS[viewport].height}`)
      await expectNoSideScroll(page, viewport)
      await expectTapTargets(page)
      // A patrol officer has the round in the menu, not the coverage.
      expect(await page.locator('nav a', { hasText: 'ผลการตรวจตามผลัด' }).count()).toBe(0)
      expect(problems).toEqual([])
      await page.close()
    })

    it(`coverage: a past shift picked, visited/missed/flagged on the map and in the table (${viewport})`, async () => {
      const { page, problems } = await open('patrol/coverage', viewport, 'supervisor')
      await page.getByRole('heading', { level: 1, name: 'ผลการตรวจตามผลัด' }).waitFor()
      await page.locator('select').selectOption('morning')
      await page.getByLabel('วันที่เริ่มผลัด').fill(dayPlus(D, -1))
      // The picked shift's answer: the far visit flags the house (today's morning has nothing flagged).
      await page.locator('.cov-row--flagged').waitFor()
      await page.locator('[data-tiles="failed"]').waitFor()
      expect(await page.locator('.cov-row').count()).toBe(3)
      const house = page.locator('.cov-row', { hasText: 'HW-000001' })
      await house.getByText('ต้องตรวจสอบ').waitFor()
      await house.getByText('ห่างจากจุด 450 ม.').waitFor()
      await page.locator('.cov-row', { hasText: 'RB-002' }).getByText('ไม่ได้ตรวจ').waitFor()
      expect(await page.locator('.map-pin--flagged').count()).toBe(1)
      expect(await page.locator('.map-pin--missed').count()).toBe(1)
      const csv = await page.getByRole('link', { name: 'ดาวน์โหลด CSV' }).getAttribute('href')
      expect(csv).toBe(`/api/admin/patrol/coverage.csv?date=${dayPlus(D, -1)}&shift=morning`)
      await fullPageShot(page, SHOTS, `patrol-coverage-${VIEWPORTS[viewport].width}x${VIEWPORTS[viewport].height}`)
      await expectNoSideScroll(page, viewport)
      await expectTapTargets(page)
      expect(problems).toEqual([])
      await page.close()
    })
  }

  it('the dashboard shows the house-watch block as charts (desktop and phone)', async () => {
    for (const viewport of ['desktop', 'phone'] as const) {
      const { page, problems } = await open('dashboard', viewport, 'supervisor')
      const block = page.locator('section', { has: page.getByRole('heading', { name: 'ฝากบ้านและสายตรวจ' }) })
      await block.waitFor()
      await block.getByText('บ้านที่ฝากดูแลวันนี้').waitFor()
      await block.getByText('พบความเสียหาย').waitFor()
      expect(await block.locator('svg rect.series-hw-visited').count()).toBeGreaterThan(0)
      await block.screenshot({ path: `${SHOTS}/dashboard-house-watch-${VIEWPORTS[viewport].width}.png` })
      expect(problems).toEqual([])
      await page.close()
    }
  })
})

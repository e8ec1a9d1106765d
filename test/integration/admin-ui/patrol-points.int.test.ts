import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { patrolPoints } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { patrolShot } from './patrol-shots.js'
import { seedOfficer, stationOf } from './seed.js'

// Issue #13, point 8: the red-box registry page (the shared map, the list, register with the phone's position,
// sticker links, retire) in headless Chromium at phone and desktop size; screenshots in /tmp/shots-hw-checkin.

describe.skipIf(!hasChromium)('officers page: red boxes and stickers', () => {
  let stack: Stack
  let browser: Browser
  let adminUser: string

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack({ worker: false })
    adminUser = (await seedOfficer(stack, 'admin', 'พ.ต.ท. วิชัย รักษาดี')).user.userId
    const station = await stationOf(stack)
    await stack.db.db.insert(patrolPoints).values([
      {
        stationId: station.id,
        kind: 'red_box',
        code: 'RB-001',
        nameTh: 'ตู้แดงหน้าตลาดเทศบาล',
        nameEn: 'Red box, municipal market',
        latitude: 12.6801,
        longitude: 101.2795,
      },
      {
        stationId: station.id,
        kind: 'red_box',
        code: 'RB-002',
        nameTh: 'ตู้แดงสวนศรีเมือง',
        nameEn: 'Red box, Si Mueang park',
        latitude: 12.6842,
        longitude: 101.2861,
        active: false,
      },
    ])
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  function open(viewport: Viewport) {
    return openLiffPage(browser, stack, {
      app: 'admin',
      path: 'patrol/points',
      viewport,
      userId: adminUser,
      ignoreConsole: /status of 401|tile|Failed to load resource/,
      prepare: async (page) => {
        await page.context().grantPermissions(['geolocation'])
        await page.context().setGeolocation({ latitude: 12.6823, longitude: 101.2777, accuracy: 10 })
      },
    })
  }

  it('phone: lists the points with sticker links, registers a red box at the phone position', async () => {
    const { page, problems } = await open('phone')
    await page.getByText('RB-001').waitFor()
    const href = await page.getByRole('link', { name: 'พิมพ์สติกเกอร์ (PDF)' }).first().getAttribute('href')
    expect(href).toMatch(/^\/api\/admin\/patrol\/points\/[0-9a-f-]{36}\/sticker\.pdf$/)
    const pdf = await page.evaluate(async (url) => (await fetch(url)).headers.get('content-type'), href ?? '')
    expect(pdf).toBe('application/pdf')
    await patrolShot(page, 'points-list', 'phone')
    await page.getByRole('button', { name: 'ลงทะเบียนตู้แดง' }).click()
    await page.getByLabel('รหัสจุดตรวจ').fill('rb-003')
    await page.getByLabel('ชื่อ (ภาษาไทย)').fill('ตู้แดงหน้าวัดลุ่มมหาชัยชุมพล')
    await page.getByLabel('ชื่อ (ภาษาอังกฤษ)').fill('Red box, Wat Lum')
    await page.getByRole('button', { name: 'ใช้ตำแหน่งปัจจุบันของฉัน' }).click()
    await page.getByRole('button', { name: 'บันทึก', exact: true }).isEnabled()
    await patrolShot(page, 'points-form', 'phone')
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click()
    await page.getByText('RB-003').waitFor()
    const [row] = await stack.db.db.select().from(patrolPoints).where(eq(patrolPoints.code, 'RB-003'))
    expect(row?.latitude).toBeCloseTo(12.6823, 4)
    expect(row?.nameEn).toBe('Red box, Wat Lum')
    expect(problems).toEqual([])
    await page.close()
  })

  it('desktop: the map and the list; retiring a red box', async () => {
    const { page, problems } = await open('desktop')
    await page.getByText('RB-001').waitFor()
    await patrolShot(page, 'points-list', 'desktop')
    const first = page.locator('li.point-row', { hasText: 'RB-001' })
    await first.getByRole('button', { name: 'ยกเลิกการใช้งาน' }).click()
    await first.getByText('ยกเลิกแล้ว').waitFor()
    const [row] = await stack.db.db.select().from(patrolPoints).where(eq(patrolPoints.code, 'RB-001'))
    expect(row?.active).toBe(false)
    expect(problems).toEqual([])
    await page.close()
  })
})

import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens, officers, patrolPoints, patrolVisits } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { approvedWatch, HOME, north } from '../house-watch/checkin-fixtures.js'
import { expectTapTargets } from './pages.js'
import { patrolShot } from './patrol-shots.js'
import { stationOf } from './seed.js'

// Issue #13, point 5: the patrol check-in page in headless Chromium, LINE's scanner played by liff-mock (scanCodeV2
// answers with the sticker's QR) and the phone's position by Chromium's geolocation (near, then far). Screenshots
// in /tmp/shots-hw-checkin at phone and desktop size.

describe.skipIf(!hasChromium)('officers page: patrol check-in (scan)', () => {
  let stack: Stack
  let browser: Browser
  let patrolUser: string
  let houseQr: string
  let boxQr: string

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack({ worker: false })
    const station = await stationOf(stack)
    const user = stack.emulator.createUser({ displayName: 'สมชาย', language: 'th' })
    await stack.db.db.insert(officers).values({
      stationId: station.id,
      lineUserId: user.userId,
      displayName: 'สมชาย',
      fullName: 'ด.ต. สมชาย ใจดี',
      role: 'patrol_officer',
    })
    patrolUser = user.userId
    const owner = stack.emulator.createUser({ displayName: 'เจ้าของบ้าน' })
    const [citizen] = await stack.db.db
      .insert(citizens)
      .values({ lineUserId: owner.userId, stationId: station.id, displayName: 'เจ้าของบ้าน' })
      .returning()
    const { point } = await approvedWatch(stack, { citizenId: citizen?.id ?? '', code: 'HW-2569-000301' })
    houseQr = stack.deps.houseWatchCheckIn.qr.text(point)
    const [box] = await stack.db.db
      .insert(patrolPoints)
      .values({
        stationId: station.id,
        kind: 'red_box',
        code: 'RB-031',
        nameTh: 'ตู้แดงหน้าโรงเรียนอนุบาลระยอง',
        nameEn: 'Red box, Rayong kindergarten',
        latitude: HOME.lat + 0.01,
        longitude: HOME.lng,
      })
      .returning()
    boxQr = stack.deps.houseWatchCheckIn.qr.text({ id: box?.id ?? '', qrVersion: 1 })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  /** The scan page with LINE's scanner answering `qr` and the phone at `at` (accuracy in metres). */
  function open(viewport: Viewport, qr: string, at: { lat: number; lng: number }, accuracy: number) {
    return openLiffPage(browser, stack, {
      app: 'admin',
      path: 'patrol/scan',
      viewport,
      userId: patrolUser,
      // The sign-in probe's 401 before the session exists is expected.
      ignoreConsole: /status of 401/,
      prepare: async (page: Page) => {
        await page.context().grantPermissions(['geolocation'])
        await page.context().setGeolocation({ latitude: at.lat, longitude: at.lng, accuracy })
        // The app hands its liff-mock to the page once LIFF starts: the scanner is set before the page renders.
        await page.addInitScript((value) => {
          let held: unknown
          Object.defineProperty(globalThis, 'rszLiffMock', {
            configurable: true,
            get: () => held,
            set(mock: { set(f: (p: Record<string, unknown>) => Record<string, unknown>): void }) {
              mock.set((p) => ({ ...p, isApiAvailable: true, scanCode: { value } }))
              held = mock
            },
          })
        }, qr)
      },
    })
  }

  it('phone, near: scan, normal, recorded near; a second scan is the same visit', async () => {
    const { page, problems } = await open('phone', houseQr, north(HOME, 30), 12)
    await page.getByRole('button', { name: 'สแกนคิวอาร์' }).waitFor()
    await page.getByText('ได้ตำแหน่งแล้ว (แม่นยำ ±12 ม.)').waitFor()
    await expectTapTargets(page)
    await patrolShot(page, 'scan-start', 'phone')
    await page.getByRole('button', { name: 'สแกนคิวอาร์' }).click()
    await page.getByText('อ่านคิวอาร์แล้ว').waitFor()
    await patrolShot(page, 'scan-form', 'phone')
    await page.getByRole('button', { name: 'บันทึกการตรวจ' }).click()
    await page.getByText('บันทึกการตรวจแล้ว').waitFor()
    await page.getByText('HW-2569-000301').waitFor()
    await page.getByText('อยู่ที่จุด').waitFor()
    await patrolShot(page, 'scan-result-near', 'phone')
    await page.getByRole('button', { name: 'ตรวจจุดต่อไป' }).click()
    await page.getByRole('button', { name: 'สแกนคิวอาร์' }).click()
    await page.getByRole('button', { name: 'บันทึกการตรวจ' }).click()
    await page.getByText('สแกนซ้ำภายใน 10 นาที', { exact: false }).waitFor()
    await patrolShot(page, 'scan-result-same', 'phone')
    expect(problems).toEqual([])
    const visits = await stack.db.db.select().from(patrolVisits)
    expect(visits).toHaveLength(1)
    expect(visits[0]?.gpsCheck).toBe('near')
    await page.close()
  })

  it('desktop, far: a finding with a note at a red box is recorded and flagged far', async () => {
    // 1.1 km south of the box: far, whatever the accuracy of 20 m.
    const { page, problems } = await open('desktop', boxQr, HOME, 20)
    await page.getByText('ได้ตำแหน่งแล้ว', { exact: false }).waitFor()
    await page.getByRole('button', { name: 'สแกนคิวอาร์' }).click()
    await page.getByRole('button', { name: 'พบบุคคลน่าสงสัย' }).click()
    await page.getByText('ผลที่ไม่ปกติจะแจ้งกลุ่ม LINE', { exact: false }).waitFor()
    await page.getByLabel('บันทึกเพิ่มเติม').fill('ชายสวมหมวกดำ ยืนอยู่หน้าตู้นานผิดปกติ')
    // A camera picture stands in as a PNG (the page's own screenshot); the page sends it as a JPEG ≤ 1 MB.
    const picture = await page.screenshot({ fullPage: true })
    await page
      .getByLabel('📷 เปิดกล้องถ่ายรูป')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: picture })
    await page.getByRole('img', { name: 'ถ่ายรูป (ไม่บังคับ)' }).waitFor()
    await patrolShot(page, 'scan-form-finding', 'desktop')
    await page.getByRole('button', { name: 'บันทึกการตรวจ' }).click()
    await page.getByText('ห่างจากจุดเกินเกณฑ์', { exact: false }).waitFor()
    await page.getByText('RB-031').waitFor()
    await patrolShot(page, 'scan-result-far', 'desktop')
    expect(problems).toEqual([])
    const [visit] = await stack.db.db.select().from(patrolVisits).where(eq(patrolVisits.result, 'suspicious_person'))
    expect(visit?.gpsCheck).toBe('far')
    expect(visit?.note).toBe('ชายสวมหมวกดำ ยืนอยู่หน้าตู้นานผิดปกติ')
    expect(visit?.photoContentType).toBe('image/jpeg')
    await page.close()
  })

  it('phone: a typed unknown code gets a clear error and the page stays usable; desktop start screen', async () => {
    const { page } = await open('phone', boxQr, HOME, 15)
    await page.getByLabel('หรือพิมพ์รหัสจุดตรวจ').fill('RB-999')
    await page.getByRole('button', { name: 'ใช้รหัสนี้' }).click()
    await page.getByRole('button', { name: 'บันทึกการตรวจ' }).click()
    await page.getByText('ไม่พบจุดตรวจนี้ในสถานีของท่าน').waitFor()
    await page.getByRole('button', { name: 'สแกนคิวอาร์' }).waitFor()
    await patrolShot(page, 'scan-unknown-code', 'phone')
    await page.close()
    const desktop = await open('desktop', boxQr, HOME, 15)
    await desktop.page.getByText('ได้ตำแหน่งแล้ว', { exact: false }).waitFor()
    await patrolShot(desktop.page, 'scan-start', 'desktop')
    await desktop.page.close()
  })
})

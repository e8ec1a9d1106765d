import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { houseWatchSettings, neighbourStations, patrolPoints } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiClient } from '../../unit/lost-documents/api-client.js'
import { seedOfficer } from '../admin-ui/seed.js'
import { day, enrolment } from './fixtures-enrol.js'

// Issue #13, points 3 and 5 on the officers' side: the house-watch settings page, and a request waiting for the
// duty officer shown on its case page (summary, masked phone, the pin on the map) and approved from there.
const SHOTS = process.env.HW_SHOTS_DIR ?? '/tmp/shots-hw-enrol'

describe.skipIf(!hasChromium)('officers page: house-watch settings and approval', () => {
  let stack: Stack
  let browser: Browser
  let adminUser: string

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack()
    adminUser = (await seedOfficer(stack, 'admin', 'พ.ต.ท. วิชัย รักษาดี')).user.userId
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  const open = (path: string, viewport: Viewport) =>
    openLiffPage(browser, stack, {
      app: 'admin',
      path,
      viewport,
      userId: adminUser,
      ignoreConsole: /tile|Failed to load resource/i,
    })

  it('settings: shown at both sizes; "the duty officer approves" saved', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await open('house-watch-settings', viewport)
      await page.getByRole('heading', { level: 1, name: 'ตั้งค่าฝากบ้านและสายตรวจ' }).waitFor()
      await page.getByLabel('ชื่อเวร (ไทย)').first().waitFor()
      await fullPageShot(page, SHOTS, `admin-settings-${viewport}`)
      if (viewport === 'desktop') {
        await page.getByText('รอเจ้าหน้าที่เวรอนุมัติ').click()
        await page.getByRole('button', { name: 'บันทึกการตั้งค่าฝากบ้าน' }).click()
        await page.getByText('บันทึกแล้ว').first().waitFor()
      }
      expect(problems).toEqual([])
      await page.close()
    }
    const [row] = await stack.db.db.select().from(houseWatchSettings)
    expect(row?.approval).toBe('duty_officer')
  })

  it("the area: a neighbouring station's phone entered and saved; a boundary that is not GeoJSON cannot be saved", async () => {
    const { page, problems } = await open('house-watch-settings', 'phone')
    await page.getByRole('heading', { name: 'สถานีข้างเคียง' }).waitFor()
    const names = await page
      .getByLabel('ชื่อสถานี (อังกฤษ)')
      .evaluateAll((els) => els.map((el) => (el as unknown as { value: string }).value))
    const row = names.indexOf('Map Ta Phut Police Station')
    expect(row).toBeGreaterThanOrEqual(0)
    await page.getByLabel('เบอร์โทรศัพท์').nth(row).fill('038-608-191')
    const boundary = page.getByLabel('ขอบเขต (GeoJSON Polygon หรือ MultiPolygon)')
    const drawn = await boundary.inputValue()
    await boundary.fill('{"type": "Point"}')
    await page.getByText('ขอบเขตยังไม่ใช่ GeoJSON Polygon หรือ MultiPolygon').waitFor()
    expect(await page.getByRole('button', { name: 'บันทึกเขตพื้นที่และสถานีข้างเคียง' }).isDisabled()).toBe(true)
    await boundary.fill(drawn)
    await fullPageShot(page, SHOTS, 'admin-area-phone')
    await page.getByRole('button', { name: 'บันทึกเขตพื้นที่และสถานีข้างเคียง' }).click()
    await page.getByText('บันทึกเขตพื้นที่แล้ว').first().waitFor()
    const rows = await stack.db.db.select().from(neighbourStations)
    expect(rows.find((r) => r.nameEn === 'Map Ta Phut Police Station')?.phone).toBe('038-608-191')
    expect(problems).toEqual([])
    await page.close()
  })

  it('a waiting request: its summary and pin on the case page, approved there (patrol point made)', async () => {
    const owner = stack.emulator.createUser({ displayName: 'เจ้าของ บ้าน', language: 'th' })
    const res = await apiClient(stack.baseUrl)('/api/liff/house-watch', {
      method: 'POST',
      token: stack.emulator.issueIdToken(owner.userId),
      body: enrolment({ startsOn: day(1), endsOn: day(5) }),
    })
    expect(res.status, res.text).toBe(201)
    const { caseId } = res.json()
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await open(`cases/${caseId}`, viewport)
      await page.getByText('การฝากบ้าน').first().waitFor()
      await page.locator('.leaflet-container').first().waitFor()
      await fullPageShot(page, SHOTS, `admin-case-${viewport}`)
      if (viewport === 'desktop') {
        await page.locator('label.choice', { hasText: 'อนุมัติแล้ว' }).click()
        await page.getByRole('button', { name: 'เปลี่ยนสถานะและแจ้งผู้แจ้ง' }).click()
        await page.getByText('เปลี่ยนสถานะแล้ว').first().waitFor()
        await fullPageShot(page, SHOTS, `admin-case-approved-${viewport}`)
      }
      expect(problems).toEqual([])
      await page.close()
    }
    const [point] = await stack.db.db.select().from(patrolPoints).where(eq(patrolPoints.caseId, caseId))
    expect(point).toMatchObject({ kind: 'house', active: true })
  })
})

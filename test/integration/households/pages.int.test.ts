import { fileURLToPath } from 'node:url'
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce, buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiClient } from '../../unit/lost-documents/api-client.js'
import { seedOfficer } from '../admin-ui/seed.js'
import { householdForm, IN_ZONE } from './fixtures.js'

// Issue #14, point 6: "My household" (register, the invite, join by link), the settings switch, and the officers'
// coverage page (import through the page, bars, map, list) in headless Chromium at 390×844 and 1280×800.
// Screenshots go to /tmp/shots-households for people to look at.
const SHOTS = process.env.HH_SHOTS_DIR ?? '/tmp/shots-households'
const SAMPLE = fileURLToPath(new URL('../../../bot/households/seed/rayong-city-zone.csv', import.meta.url))

describe.skipIf(!hasChromium)('households in the browser', () => {
  let stack: Stack
  let browser: Browser
  let adminUser: string

  beforeAll(async () => {
    await buildCitizenLiffOnce()
    await buildAdminOnce()
    stack = await startStack()
    adminUser = (await seedOfficer(stack, 'admin', 'พ.ต.ท. วิชัย รักษาดี')).user.userId
    browser = await launchChromium()
  }, 240_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it.each<[Viewport, 'th' | 'en']>([
    ['phone', 'th'],
    ['desktop', 'en'],
  ])('%s (%s): register, the invite, a family member joins by the link', async (viewport, lang) => {
    const th = lang === 'th'
    const user = stack.emulator.createUser({ displayName: th ? 'สมศรี บ้านสวน' : 'Somsri Home', language: lang })
    await stack.emulator.follow(user.userId)
    await stack.emulator.waitForMessages(user.userId, 2)
    const { page, problems } = await openLiffPage(browser, stack, {
      app: 'citizen',
      path: 'household',
      viewport,
      userId: user.userId,
      lang,
      ignoreConsole: /tile|Failed to load resource/i,
      prepare: async (p) => {
        await p.context().grantPermissions(['geolocation'])
        await p.context().setGeolocation({ latitude: IN_ZONE.lat, longitude: IN_ZONE.lng })
      },
    })
    await page.getByRole('heading', { level: 1, name: th ? 'บ้านของฉัน' : 'My household' }).waitFor()
    await fullPageShot(page, SHOTS, `citizen-empty-${viewport}-${lang}`)

    await page.getByRole('button', { name: th ? 'ลงทะเบียนบ้าน' : 'Register my household' }).click()
    await page
      .getByText(th ? 'กรุณาปักหมุดตำแหน่งบ้านบนแผนที่' : 'Please pin your house on the map')
      .first()
      .waitFor()
    await fullPageShot(page, SHOTS, `citizen-errors-${viewport}-${lang}`)

    await page.locator('#f-address-houseNo').fill(th ? '45/6' : '46')
    await page.locator('#f-address-soi').fill(th ? 'ยมจินดา 12' : 'Yomjinda 12')
    await page.locator('#f-address-subdistrict').fill(th ? 'ท่าประดู่' : 'Tha Pradu')
    await page.locator('#f-address-postcode').fill('21000')
    await page.locator('#f-members').fill('3')
    await page.locator('#f-location').click()
    await page.getByText(th ? 'ปักหมุดแล้ว' : 'Pinned').waitFor()
    await page.getByLabel(th ? 'ปิดถนน / การจราจร' : 'Road closures and traffic').uncheck()
    await page.getByRole('button', { name: th ? 'ลงทะเบียนบ้าน' : 'Register my household' }).click()
    const code = page.locator('.hh-code-value')
    await code.waitFor()
    const invite = (await code.textContent()) ?? ''
    expect(invite).toMatch(/^[A-Z2-9]{8}$/)
    await fullPageShot(page, SHOTS, `citizen-registered-${viewport}-${lang}`)
    expect(problems).toEqual([])
    await page.close()

    // A family member opens the invite link (?code=…): the household's area, then joined.
    const other = stack.emulator.createUser({ displayName: 'ลูกชาย', language: lang })
    const joined = await openLiffPage(browser, stack, {
      app: 'citizen',
      path: 'household',
      viewport,
      userId: other.userId,
      lang,
      query: { code: invite },
      ignoreConsole: /tile|Failed to load resource/i,
    })
    await joined.page.getByText(th ? 'คุณได้รับเชิญเข้าร่วมบ้านที่' : 'You are invited to join').waitFor()
    await fullPageShot(joined.page, SHOTS, `citizen-invite-${viewport}-${lang}`)
    await joined.page.getByRole('button', { name: th ? 'เข้าร่วม' : 'Join', exact: true }).click()
    await joined.page.getByText(th ? 'คุณเป็นสมาชิกของบ้านนี้' : 'You are a member of this household').waitFor()
    await fullPageShot(joined.page, SHOTS, `citizen-joined-${viewport}-${lang}`)
    expect(joined.problems).toEqual([])
    await joined.page.close()
  })

  it('settings: the announcements switch turns them off and on at once', async () => {
    const user = stack.emulator.createUser({ displayName: 'ตั้งค่า', language: 'th' })
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await openLiffPage(browser, stack, {
        app: 'citizen',
        path: 'settings',
        viewport,
        userId: user.userId,
        ignoreConsole: /tile|Failed to load resource/i,
      })
      const toggle = page.getByRole('switch', { name: 'รับข่าวสารและประกาศจากสถานี' })
      await toggle.waitFor()
      await expect.poll(() => toggle.isEnabled()).toBe(true)
      const wasOn = await toggle.isChecked()
      await toggle.click()
      await page
        .getByText(wasOn ? 'ปิดรับข่าวสารแล้ว' : 'เปิดรับข่าวสารแล้ว')
        .first()
        .waitFor()
      const [row] = await stack.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
      expect(row?.announcementsOptedOutAt != null).toBe(wasOn)
      await fullPageShot(page, SHOTS, `settings-${viewport}`)
      expect(problems).toEqual([])
      await page.close()
    }
  })

  it('officers: import the sample through the page, then coverage bars, the map and the list at both sizes', async () => {
    // A few households first (two in listed houses of the sample).
    const call = apiClient(stack.baseUrl)
    const houses = [
      { houseNo: '1', soi: 'สุขุมวิท 2', road: 'ถนนสุขุมวิท' },
      { houseNo: '2', soi: 'สุขุมวิท 2', road: 'ถนนสุขุมวิท' },
      { houseNo: '999', soi: 'ยมจินดา 9', road: 'ถนนยมจินดา' },
    ]
    for (const [i, a] of houses.entries()) {
      const u = stack.emulator.createUser({ displayName: `บ้าน ${i}`, language: 'th' })
      const res = await call('/api/liff/household', {
        method: 'POST',
        token: stack.emulator.issueIdToken(u.userId),
        body: householdForm({ address: { ...householdForm().address, ...a } }),
      })
      expect(res.status, res.text).toBe(201)
    }
    const open = (viewport: Viewport) =>
      openLiffPage(browser, stack, {
        app: 'admin',
        path: 'households',
        viewport,
        userId: adminUser,
        ignoreConsole: /tile|Failed to load resource/i,
      })
    const first = await open('desktop')
    await first.page.getByRole('heading', { level: 1, name: 'ทะเบียนครัวเรือนในเขตพื้นที่' }).waitFor()
    await first.page.locator('.hh-import input[type=file]').setInputFiles(SAMPLE)
    await first.page.getByText('นำเข้า 8,053 รายการ').waitFor({ timeout: 120_000 })
    await first.page.getByText('ต.เนินพระ').waitFor()
    await first.page.close()

    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await open(viewport)
      await page.getByText('ต.ท่าประดู่').waitFor()
      await expect.poll(() => page.locator('.hh-stat-registered .stat-value').textContent()).toBe('2')
      await page.getByRole('button', { name: 'แสดงรายการ' }).click()
      await page.getByText('ซ.ยมจินดา 9').waitFor()
      await fullPageShot(page, SHOTS, `admin-coverage-${viewport}`)
      expect(problems).toEqual([])
      await page.close()
    }
  }, 240_000)
})

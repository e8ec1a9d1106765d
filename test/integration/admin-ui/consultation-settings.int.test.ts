import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dashboard, Me } from '../../../bot/contracts/admin-api.js'
import type {
  CannedReply,
  CommonAnswer,
  ConsultationSettings,
  ConsultationStats,
} from '../../../bot/contracts/consultations.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { openLiffPage, VIEWPORTS, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { ANSWERS, CANNED, json, recordRequests, SETTINGS, STATS } from './consultation-fixtures.js'
import { expectTapTargets, SHOTS, shot } from './pages.js'
import { seedOfficer } from './seed.js'

// Issue #12: the station's consultation settings (office hours, holidays, topics' answer times, common answers,
// canned replies) and the dashboard's consultation block, in headless Chromium at phone and desktop size. C1 writes
// the endpoints at the same time: they are answered here with JSON typed by the contract, and what the page sends is
// checked against what was entered. Screenshots: $ADMIN_SHOTS_DIR (/tmp/admin-shots).
describe.skipIf(!hasChromium)('officers page: consultation settings and dashboard', () => {
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

  /** The page with C1's endpoints answered; the admin has 'consultations.settings' even before C1's contract. */
  function open(path: string, viewport: Viewport) {
    return openLiffPage(browser, stack, {
      app: 'admin',
      path,
      viewport,
      userId: admin.user.userId,
      ignoreConsole: /status of 40[13]/,
      prepare: async (page: Page) => {
        await page.route('**/api/admin/me', async (route) => {
          const res = await route.fetch()
          if (!res.ok()) {
            return route.fulfill({ response: res }) // signed out: the sign-in probe's 401 as it is
          }
          const me = (await res.json()) as Me
          await json(route, { ...me, permissions: [...new Set([...me.permissions, 'consultations.settings'])] })
        })
        await page.route('**/api/admin/consultations/settings', (route) =>
          json(route, route.request().method() === 'PUT' ? route.request().postDataJSON() : SETTINGS),
        )
        await page.route('**/api/admin/consultations/answers**', (route) => {
          if (route.request().method() !== 'GET') {
            return json(route, {}, route.request().method() === 'POST' ? 201 : 200)
          }
          const topic = new URL(route.request().url()).searchParams.get('topic')
          const items: CommonAnswer[] = ANSWERS.filter((a) => a.topic === topic)
          return json(route, { items })
        })
        await page.route('**/api/admin/canned-replies**', (route) => {
          const items: CannedReply[] = CANNED
          return route.request().method() === 'GET' ? json(route, { items }) : json(route, {}, 201)
        })
        await page.route(
          (url) => url.pathname === '/api/admin/dashboard',
          async (route) => {
            const d = (await (await route.fetch()).json()) as Dashboard
            const body: Dashboard & { consultations: ConsultationStats } = { ...d, consultations: STATS }
            await json(route, body)
          },
        )
      },
    })
  }

  /** Closes a page whose routed answers may still be in flight (a reload the last action started). */
  async function done(page: Page) {
    await page.unrouteAll({ behavior: 'ignoreErrors' })
    await page.close()
  }

  async function expectNoSideScroll(page: Page, viewport: Viewport) {
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
    expect(width, 'nothing overflows sideways').toBeLessThanOrEqual(VIEWPORTS[viewport].width)
  }

  it('hours, holidays and topics: the PUT carries what was entered (phone, reached from the menu)', async () => {
    const { page, problems } = await open('menu', 'phone')
    const sent = recordRequests(page)
    await page.getByRole('link', { name: 'ตั้งค่าการปรึกษา' }).click()
    await page.getByRole('heading', { level: 1, name: 'ตั้งค่าการปรึกษากฎหมาย' }).waitFor()
    await page.getByRole('group', { name: 'จันทร์' }).waitFor()

    // Saturday morning opens; Friday loses its afternoon period.
    const saturday = page.getByRole('group', { name: 'เสาร์' })
    await saturday.getByRole('checkbox').check()
    await saturday.getByLabel('เสาร์ ถึง 1').fill('12:00')
    const friday = page.getByRole('group', { name: 'ศุกร์' })
    await friday.getByRole('button', { name: 'ลบช่วงเวลา ศุกร์ 2' }).click()

    // The year 2569 lists its holidays in BE; a new one is added.
    await page.getByText('5 ธ.ค. 2569').waitFor()
    expect(await page.getByText('1 ม.ค. 2570').count(), 'other years are not listed').toBe(0)
    await page.getByRole('button', { name: 'เพิ่มวันหยุด' }).click()
    await page.getByLabel('วันที่ 3').fill('2026-12-31')
    await page.getByText('31 ธ.ค. 2569').waitFor()
    await page.getByRole('textbox', { name: 'ชื่อวันหยุด (ไทย)' }).nth(2).fill('วันสิ้นปี')
    await page.getByRole('textbox', { name: 'ชื่อวันหยุด (อังกฤษ)' }).nth(2).fill("New Year's Eve")

    // Topics: family first, scam answered within 90 minutes, cyber not offered.
    await page.getByRole('button', { name: 'เลื่อน ครอบครัว / มรดก ขึ้น' }).click()
    await page.getByLabel('ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์: ตอบครั้งแรกภายใน (นาที)').fill('90')
    await page.getByLabel('แสดงหัวข้อนี้: ถูกคุกคามออนไลน์').uncheck()
    await shot(page, 'consultation-settings', 'phone')
    // A phone's full page is too tall to read: each card as a person sees it.
    for (const [name, title] of [
      ['hours', 'เวลาทำการ'],
      ['holidays', 'วันหยุด'],
      ['topics', 'หัวข้อและเวลาที่ต้องตอบ'],
    ] as const) {
      await page
        .locator('.card', { has: page.getByRole('heading', { name: title, exact: true }) })
        .screenshot({ path: join(SHOTS, `consultation-settings-${name}-390.png`) })
    }
    await expectNoSideScroll(page, 'phone')
    await expectTapTargets(page)

    await page.getByRole('button', { name: 'บันทึกเวลาทำการ วันหยุด และหัวข้อ' }).click()
    await page.getByText('บันทึกการตั้งค่าแล้ว').waitFor()
    const put = sent.find((r) => r.method === 'PUT' && r.path === '/api/admin/consultations/settings')
    const topics = SETTINGS.topics.map((s) =>
      s.topic === 'scam'
        ? { ...s, position: 2, firstResponseMinutes: 90 }
        : s.topic === 'family'
          ? { ...s, position: 1 }
          : s.topic === 'cyber'
            ? { ...s, active: false }
            : s,
    )
    const expected: ConsultationSettings = {
      officeHours: {
        ...SETTINGS.officeHours,
        '5': [{ from: '08:30', to: '12:00' }],
        '6': [{ from: '08:30', to: '12:00' }],
      },
      holidays: [
        ...SETTINGS.holidays.slice(0, 2),
        { date: '2026-12-31', nameTh: 'วันสิ้นปี', nameEn: "New Year's Eve" },
        ...SETTINGS.holidays.slice(2),
      ],
      topics: [...topics].sort((a, b) => a.position - b.position),
    }
    expect(put?.body).toEqual(expected)
    expect(problems).toEqual([])
    await done(page)
  })

  it('common answers and the station canned replies: add and edit send what was typed (desktop)', async () => {
    const { page, problems } = await open('consultations', 'desktop')
    const sent = recordRequests(page)
    await page.getByRole('heading', { level: 1, name: 'ตั้งค่าการปรึกษากฎหมาย' }).waitFor()
    const first = page.locator('[data-answer="a-1"]')
    await first.getByRole('textbox', { name: 'หัวเรื่อง (ไทย)' }).fill('ถูกหลอกโอนเงิน ต้องทำอะไรก่อน')
    await first.getByRole('button', { name: 'บันทึก' }).click()
    await expect
      .poll(() => sent.find((r) => r.method === 'PATCH')?.body)
      .toMatchObject({ topic: 'scam', titleTh: 'ถูกหลอกโอนเงิน ต้องทำอะไรก่อน', position: 1, active: true })
    expect(sent.find((r) => r.method === 'PATCH')?.path).toBe('/api/admin/consultations/answers/a-1')

    await page.getByRole('button', { name: 'เพิ่มคำตอบ' }).click()
    const added = page.locator('[data-answer="new"]')
    await added.getByRole('textbox', { name: 'หัวเรื่อง (ไทย)' }).fill('ถูกขู่ให้โอนเงิน')
    await added.getByRole('textbox', { name: 'หัวเรื่อง (อังกฤษ)' }).fill('Threatened into paying')
    await added.getByRole('textbox', { name: 'คำตอบ (ไทย)' }).fill('อย่าโอนเงิน โทร 1441')
    await added.getByRole('textbox', { name: 'คำตอบ (อังกฤษ)' }).fill('Do not pay; call 1441')
    await shot(page, 'consultation-settings', 'desktop')
    await added.getByRole('button', { name: 'บันทึก' }).click()
    const newAnswer: Omit<CommonAnswer, 'id'> = {
      topic: 'scam',
      titleTh: 'ถูกขู่ให้โอนเงิน',
      titleEn: 'Threatened into paying',
      bodyTh: 'อย่าโอนเงิน โทร 1441',
      bodyEn: 'Do not pay; call 1441',
      position: 3,
      active: true,
    }
    await expect
      .poll(() => sent.find((r) => r.method === 'POST' && r.path === '/api/admin/consultations/answers')?.body)
      .toEqual(newAnswer)

    await page.getByRole('button', { name: 'เพิ่มข้อความสำเร็จรูป' }).click()
    const canned = page.locator('[data-canned="new"]')
    await canned.getByRole('textbox', { name: 'ชื่อข้อความ' }).fill('นัดหมาย')
    await canned.getByRole('textbox', { name: 'ข้อความ', exact: true }).fill('เรียนคุณ{name} เชิญที่ {station}')
    await canned.getByRole('button', { name: 'บันทึก' }).click()
    await expect
      .poll(() => sent.find((r) => r.method === 'POST' && r.path === '/api/admin/canned-replies')?.body)
      .toEqual({ scope: 'station', title: 'นัดหมาย', body: 'เรียนคุณ{name} เชิญที่ {station}', position: 3 })
    await expectNoSideScroll(page, 'desktop')
    expect(problems).toEqual([])
    await done(page)
  })

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`the dashboard's consultation block at ${viewport} size`, async () => {
      const { page, problems } = await open('dashboard', viewport)
      await page.getByRole('heading', { name: 'การปรึกษากฎหมาย', exact: true }).waitFor()
      const block = page.locator('.con-dash[aria-labelledby="con-dash-title"]')
      await block.getByText('ร.ต.อ. สมชาย ใจดี').waitFor()
      await block.getByText('★ 4.4').waitFor()
      await block.getByText('35%').waitFor()
      await block.getByRole('row', { name: /ธ\.ค\. 2569/ }).waitFor()
      await block.getByRole('columnheader', { name: 'ปรึกษากฎหมาย' }).waitFor()
      // Response times say they are office time; the month table shows what replies saved.
      await block.getByRole('columnheader', { name: 'ตอบครั้งถัดไป (เวลาทำการ)' }).waitFor()
      await block.getByRole('row', { name: /สมชาย.*41 นาที ถัดไป 15 นาที/ }).waitFor()
      await block.getByText('นับเฉพาะเวลาทำการของสถานี', { exact: false }).first().waitFor()
      await block.getByRole('columnheader', { name: 'ตอบกลับ (ฟรี)' }).waitFor()
      await block.getByRole('row', { name: /ธ\.ค\. 2569 .*51/ }).waitFor()
      await block.scrollIntoViewIfNeeded()
      await expectNoSideScroll(page, viewport)
      await shot(page, 'consultation-dashboard', viewport)
      await block.screenshot({ path: join(SHOTS, `consultation-dashboard-block-${VIEWPORTS[viewport].width}.png`) })
      expect(problems).toEqual([])
      await done(page)
    })
  }
})

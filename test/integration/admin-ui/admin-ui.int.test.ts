import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { openLiffPage } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { expectTapTargets, openAdmin, shot, type Viewport } from './pages.js'
import { fileLiveCase, seedCases, seedOfficer, XSS_SUMMARY } from './seed.js'

// The officers' page (liff/admin) built and served at /admin/, signed in through the emulator like the simulator
// does, against the whole stack (real officers' API, real database). Screenshots: $ADMIN_SHOTS_DIR (/tmp/admin-shots).
describe.skipIf(!hasChromium)('officers page in a browser', () => {
  let stack: Stack
  let browser: Browser
  let admin: Awaited<ReturnType<typeof seedOfficer>>
  let seeded: Awaited<ReturnType<typeof seedCases>>

  beforeAll(async () => {
    await buildAdminOnce() // only the admin app: the citizen app's test builds dist/liff at the same time
    stack = await startStack({ worker: false })
    admin = await seedOfficer(stack, 'admin', 'ร.ต.อ. สมชาย ใจดี')
    seeded = await seedCases(stack)
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it('a LINE user who is not an officer can request access, then sees the request pending', async () => {
    const stranger = stack.emulator.createUser({ displayName: 'ด.ต. มานะ อดทน', language: 'th' })
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await openAdmin(browser, stack, '', viewport, stranger.userId)
      const form = page.getByRole('textbox', { name: /ยศ ชื่อ และหน่วยงาน/ })
      const pending = page.getByRole('heading', { name: 'ส่งคำขอแล้ว รอการอนุมัติ' })
      await Promise.race([form.waitFor(), pending.waitFor()])
      if (viewport === 'phone') {
        expect(new URL(page.url()).search, 'the ID token must not stay in the address bar').toBe('')
        await shot(page, 'sign-in-request-access', viewport)
        await form.fill('ด.ต. มานะ อดทน งานป้องกันปราบปราม')
        await page.getByRole('button', { name: 'ส่งคำขอสิทธิ์' }).click()
      }
      await pending.waitFor()
      await shot(page, 'sign-in-pending', viewport)
      expect(problems).toEqual([])
      await page.close()
    }
  })

  it('a token LINE does not accept: the error in Thai and English, with a retry', async () => {
    const { page } = await openLiffPage(browser, stack, {
      app: 'admin',
      path: '',
      viewport: 'phone',
      idToken: 'aaa.bbb.ccc',
    })
    const alert = page.getByRole('alert')
    await alert.waitFor()
    const text = (await alert.textContent()) ?? ''
    expect(text).toMatch(/[\u0E00-\u0E7F]/)
    expect(text).toMatch(/[A-Za-z]{4,}/)
    await alert.getByRole('button', { name: /ลองใหม่/ }).waitFor()
    await shot(page, 'sign-in-error', 'phone')
    await page.close()
  })

  for (const viewport of ['phone', 'desktop'] as const satisfies Viewport[]) {
    it(`inbox, case and dashboard at ${viewport} size; citizen text stays text`, async () => {
      const { page, problems, dialogs } = await openAdmin(browser, stack, '', viewport, admin.user.userId)
      await page.getByRole('heading', { level: 1, name: 'งานเข้า' }).waitFor()
      // The SOS alarm bar names the same case: the inbox's row is the one waited for.
      await page.locator('.case-row').getByText(seeded.urgent.referenceNumber).waitFor()
      await page.locator('.live-live').waitFor()
      const hostileRow = page.locator('.case-row', { hasText: seeded.hostile.referenceNumber })
      await expect(hostileRow.getByText(XSS_SUMMARY, { exact: true }).isVisible()).resolves.toBe(true)
      expect(await page.locator('main img').count(), 'a summary must never become an element').toBe(0)
      await expect(page.locator('.case-row.is-urgent').count()).resolves.toBeGreaterThan(0)
      expect(await page.getByText(/\d{1,2} [ก-๙.]+ 25\d\d \d\d:\d\d น\./).count(), 'BE dates').toBeGreaterThan(0)
      await shot(page, 'inbox', viewport)
      await expectTapTargets(page)

      await hostileRow.getByRole('link').click()
      await page.getByRole('heading', { level: 1, name: seeded.hostile.referenceNumber }).waitFor()
      await page.getByText('บัตรประชาชนหายที่ตลาดบ้านเพ <b>ด่วน</b>').waitFor()
      await expect(page.getByText(XSS_SUMMARY, { exact: true }).isVisible()).resolves.toBe(true)
      // No element from the citizen's text; the nearby-cameras map's own tiles and pins are the page's.
      expect(await page.locator('main img:not(.leaflet-container img)').count()).toBe(0)
      await shot(page, 'case', viewport)
      await expectTapTargets(page)

      await page.getByRole('navigation').getByRole('link', { name: 'ภาพรวม' }).first().click()
      await page.getByRole('heading', { level: 1, name: 'ภาพรวม' }).waitFor()
      await page.locator('.chart svg rect').first().waitFor()
      await page.locator('.gauge svg').waitFor()
      await shot(page, 'dashboard', viewport)
      expect(dialogs, 'no script from citizen text may run').toEqual([])
      expect(problems).toEqual([])
      await page.close()
    })
  }

  it('acts on a case: claim, reveal with a reason, status with a message, note, message', async () => {
    const { page, problems } = await openAdmin(browser, stack, `cases/${seeded.hostile.id}`, 'phone', admin.user.userId)
    await page.getByRole('heading', { level: 1, name: seeded.hostile.referenceNumber }).waitFor()
    await page.getByRole('button', { name: 'รับเรื่องนี้' }).click()
    await page.getByText('ฉันรับผิดชอบ').first().waitFor()

    await page.getByRole('button', { name: /แสดง/ }).first().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox').fill('โทรนัดผู้แจ้งมารับบันทึก')
    await shot(page, 'case-reveal', 'phone')
    await dialog.getByRole('button', { name: 'แสดงข้อมูล' }).click()
    await page.locator('.revealed', { hasText: 'สมหญิง รักสงบ' }).waitFor()

    await page.getByRole('radio', { name: 'กำลังตรวจสอบ' }).check()
    await page
      .getByRole('textbox', { name: /ข้อความถึงผู้แจ้ง/ })
      .first()
      .fill('กรุณาเตรียมสำเนาบัตรประชาชน')
    await page.locator('.preview .bubble').waitFor()
    await shot(page, 'case-status-preview', 'phone')
    await page.getByRole('button', { name: 'เปลี่ยนสถานะและแจ้งผู้แจ้ง' }).click()
    await page.locator('.event', { hasText: 'กรุณาเตรียมสำเนาบัตรประชาชน' }).waitFor()

    await page.getByText('บันทึกภายใน', { exact: true }).first().click()
    await page.getByRole('textbox', { name: 'บันทึกภายใน' }).fill('ตรวจสอบกล้อง CCTV ตลาดแล้ว')
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click()
    await page.locator('.event-note', { hasText: 'ตรวจสอบกล้อง CCTV ตลาดแล้ว' }).waitFor()
    await shot(page, 'case-after-actions', 'phone')
    expect(problems).toEqual([])
    await page.close()
  })

  it('a case filed while the inbox is open appears at the top, highlighted, without a reload', async () => {
    const { page } = await openAdmin(browser, stack, '', 'phone', admin.user.userId)
    await page.locator('.live-live').waitFor()
    const live = await fileLiveCase(stack)
    const row = page.locator('.case-row.is-fresh', { hasText: live.referenceNumber })
    await row.waitFor({ timeout: 10_000 })
    expect(await page.locator('.case-row').first().textContent()).toContain(live.referenceNumber)
    await shot(page, 'inbox-live', 'phone')
    await page.close()
  })

  it('English is one tap away and remembered; the keyboard reaches everything with a visible focus', async () => {
    const { page } = await openAdmin(browser, stack, '', 'desktop', admin.user.userId)
    await page.getByRole('heading', { level: 1, name: 'งานเข้า' }).waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate('document.activeElement.textContent')).toBe('ข้ามไปยังเนื้อหา')
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor()
    await page.locator('.case-row .status', { hasText: 'Received' }).first().waitFor()
    await shot(page, 'inbox-en', 'desktop')
    const search = page.getByRole('searchbox')
    await search.focus()
    const ring = await page.evaluate('getComputedStyle(document.activeElement).boxShadow')
    expect(ring).not.toBe('none')
    await page.getByRole('button', { name: 'ภาษาไทย' }).click()
    await page.getByRole('heading', { level: 1, name: 'งานเข้า' }).waitFor()
    await page.close()
  })
})

import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { personalBody } from '../../../bot/cases/pii.js'
import { caseEvents, cases, dataRequests, stations } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { expectTapTargets, openAdmin, shot } from '../admin-ui/pages.js'
import { seedOfficer } from '../admin-ui/seed.js'
import { insertReport, lineFriend } from '../lost-documents/record-fixtures.js'

// The officers' PDPA pieces in the built admin page: the requests queue (erase, refuse), a masked answer in a
// case's timeline revealed with a reason, the station's retention period. Screenshots: $ADMIN_SHOTS_DIR.
const ANSWER = 'บ้านเลขที่ 77/7 หมู่ 3 โทร 0867778888'

describe.skipIf(!hasChromium)('officers page: personal data (PDPA)', () => {
  let s: Stack
  let browser: Browser
  let admin: Awaited<ReturnType<typeof seedOfficer>>
  let caseId = ''

  const askErasure = async (name: string) => {
    const user = lineFriend(s, name)
    await insertReport(s, { lineUserId: user.userId })
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/liff/me/deletion-request',
      headers: { authorization: `Bearer ${s.emulator.issueIdToken(user.userId)}` },
    })
    return res.json().request.id as string
  }

  beforeAll(async () => {
    await buildAdminOnce()
    s = await startStack({ worker: false })
    admin = await seedOfficer(s, 'admin', 'พ.ต.ท. วิชัย รักษาดี')
    caseId = (await insertReport(s, { lineUserId: lineFriend(s, 'ผู้แจ้ง ตอบคำถาม').userId })).caseId
    await s.db.db.update(cases).set({ status: 'awaiting_info' }).where(eq(cases.id, caseId))
    await s.db.db
      .insert(caseEvents)
      .values({ caseId, type: 'message_in', actorType: 'citizen', ...personalBody(s.deps.cipher, ANSWER) })
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await s?.close()
  })

  it('the requests queue: due dates, erase after a confirmation, refuse with a legal ground', async () => {
    const toErase = await askErasure('นายลบ ทิ้ง')
    const toRefuse = await askErasure('นางเก็บ ไว้')
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await openAdmin(browser, s, 'privacy', viewport, admin.user.userId)
      await page.getByRole('heading', { level: 1, name: 'คำขอตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล' }).waitFor()
      await page.locator('.privacy-request').nth(1).waitFor()
      expect(await page.locator('.privacy-request', { hasText: 'ต้องตอบภายใน' }).count()).toBe(2)
      await shot(page, 'privacy-requests', viewport)
      if (viewport === 'phone') {
        await expectTapTargets(page)
      }
      expect(problems).toEqual([])
      await page.close()
    }

    const { page, problems } = await openAdmin(browser, s, 'privacy', 'phone', admin.user.userId)
    // Oldest first: the first one asked is the first in the queue.
    const first = page.locator('.privacy-request').first()
    await first.waitFor()
    const queued = await page.locator('.privacy-request').count()
    await first.getByRole('button', { name: 'ลบข้อมูล' }).click()
    await page.getByRole('dialog').getByText('ย้อนกลับไม่ได้', { exact: false }).waitFor()
    await shot(page, 'privacy-erase-confirm', 'phone')
    await page.getByRole('dialog').getByRole('button', { name: 'ยืนยันลบข้อมูล' }).click()
    await page.locator('.toast', { hasText: 'ลบข้อมูลแล้ว' }).waitFor()
    const [erased] = await s.db.db.select().from(dataRequests).where(eq(dataRequests.id, toErase))
    expect(erased?.status).toBe('done')
    // The queue reloads after the toast: the erased request leaves it before the next one is acted on (on a loaded
    // machine the click landed on the erased one still shown, and its dialog went with it).
    await expect.poll(() => page.locator('.privacy-request').count()).toBe(queued - 1)

    await page.locator('.privacy-request').first().getByRole('button', { name: /ปฏิเสธ/ }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox').selectOption('legal_claims')
    await dialog.getByRole('textbox').fill('ต้องใช้ประกอบคดีที่ยังไม่สิ้นสุด')
    await shot(page, 'privacy-refuse', 'phone')
    await dialog.getByRole('button', { name: 'ส่งคำปฏิเสธ' }).click()
    await page.getByText('ไม่มีคำขอในรายการนี้').waitFor()
    const [refused] = await s.db.db.select().from(dataRequests).where(eq(dataRequests.id, toRefuse))
    expect(refused).toMatchObject({ status: 'declined', refusalGround: 'legal_claims' })

    await page.getByRole('combobox', { name: 'แสดง' }).selectOption('declined')
    await page.getByText('ต้องใช้ประกอบคดีที่ยังไม่สิ้นสุด', { exact: false }).waitFor()
    await shot(page, 'privacy-refused-list', 'phone')
    expect(problems).toEqual([])
    await page.close()
  })

  it("a case's timeline shows the citizen's answer masked; revealing it asks a reason", async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await openAdmin(browser, s, `cases/${caseId}`, viewport, admin.user.userId)
      await page.getByText('ข้อความส่วนบุคคล (ซ่อนไว้)').waitFor()
      expect(await page.content()).not.toContain('77/7')
      await shot(page, 'case-timeline-masked', viewport)
      if (viewport === 'phone') {
        await page.locator('.masked-text').getByRole('button', { name: 'แสดง' }).click()
        await page.getByRole('dialog').getByRole('textbox').fill('ยืนยันที่อยู่เพื่อออกบันทึก')
        await page.getByRole('dialog').getByRole('button', { name: 'แสดงข้อมูล' }).click()
        await page.getByText(ANSWER).waitFor()
        await shot(page, 'case-timeline-revealed', viewport)
      }
      expect(problems).toEqual([])
      await page.close()
    }
  })

  it('the station screen sets how long ended cases keep their personal data', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await openAdmin(browser, s, 'station', viewport, admin.user.userId)
      const field = page.getByRole('spinbutton', { name: /ระยะเวลาเก็บข้อมูลส่วนบุคคล/ })
      await field.waitFor()
      expect(await field.inputValue()).toBe(viewport === 'phone' ? '365' : '400') // the phone run saves 400
      if (viewport === 'phone') {
        await field.fill('400')
        await page.getByRole('button', { name: 'บันทึก' }).last().click()
        await page.locator('.toast').waitFor()
        const [station] = await s.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
        expect(station?.personalDataRetentionDays).toBe(400)
        await field.scrollIntoViewIfNeeded()
        await page.screenshot({ path: '/tmp/admin-shots/station-retention-390x844.png' })
      } else {
        await shot(page, 'station-retention', viewport)
      }
      expect(problems).toEqual([])
      await page.close()
    }
  })
})

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineGroups } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { expectTapTargets, openAdmin, shot } from './pages.js'
import { seedCases, seedOfficer } from './seed.js'

// The supervisors' and admins' pages (officers and access, audit log, status messages, station, the phone menu),
// and what a viewer does not see; against the whole stack. Screenshots: $ADMIN_SHOTS_DIR (/tmp/admin-shots).
describe.skipIf(!hasChromium)('officers page: admin pages and roles', () => {
  let stack: Stack
  let browser: Browser
  let admin: Awaited<ReturnType<typeof seedOfficer>>
  let seeded: Awaited<ReturnType<typeof seedCases>>

  beforeAll(async () => {
    await buildAdminOnce() // only the admin app: the citizen app's test builds dist/liff at the same time
    stack = await startStack({ worker: false })
    admin = await seedOfficer(stack, 'admin', 'พ.ต.ท. วิชัย รักษาดี')
    seeded = await seedCases(stack)
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it('an admin approves an access request with a role; the new officer can sign in', async () => {
    const newcomer = stack.emulator.createUser({ displayName: 'ส.ต.อ. ปิติ ขยัน', language: 'th' })
    const asked = await stack.app.inject({
      method: 'POST',
      url: '/api/admin/access-requests',
      headers: { authorization: `Bearer ${stack.emulator.issueIdToken(newcomer.userId)}` },
      payload: { note: 'งานสายตรวจ ผลัด 2' },
    })
    expect(asked.statusCode, asked.body).toBe(201)

    const { page, problems } = await openAdmin(browser, stack, 'officers', 'phone', admin.user.userId)
    await page.getByRole('heading', { level: 1, name: 'เจ้าหน้าที่และสิทธิ์' }).waitFor()
    const request = page.locator('.row-card', { hasText: 'งานสายตรวจ ผลัด 2' })
    await request.getByRole('combobox').selectOption('patrol_officer')
    await shot(page, 'officers', 'phone')
    await expectTapTargets(page)
    await request.getByRole('button', { name: 'อนุมัติ' }).click()
    await page.getByText('ไม่มีคำขอที่รอการอนุมัติ').waitFor()
    await page.locator('.row-card', { hasText: 'ส.ต.อ. ปิติ ขยัน' }).getByRole('combobox').waitFor()
    expect(problems).toEqual([])
    await page.close()

    const desk = await openAdmin(browser, stack, 'officers', 'desktop', admin.user.userId)
    await desk.page.getByRole('heading', { level: 1, name: 'เจ้าหน้าที่และสิทธิ์' }).waitFor()
    await desk.page.locator('.row-card select').first().waitFor()
    await shot(desk.page, 'officers', 'desktop')
    await desk.page.close()

    const first = await openAdmin(browser, stack, '', 'phone', newcomer.userId)
    await first.page.getByRole('heading', { level: 1, name: 'งานเข้า' }).waitFor()
    expect(await first.page.getByRole('link', { name: 'ภาพรวม' }).count(), 'patrol officers have no dashboard').toBe(0)
    await first.page.close()
  })

  it('audit log: filters, pages and a CSV export of the same selection', async () => {
    const { page, problems } = await openAdmin(browser, stack, 'audit', 'desktop', admin.user.userId)
    await page.getByRole('heading', { level: 1, name: 'บันทึกการใช้งาน' }).waitFor()
    await page.locator('.audit-row').first().waitFor()
    await page.getByRole('combobox', { name: 'การกระทำ' }).fill('auth.*')
    await page.getByRole('button', { name: 'ค้นหา' }).click()
    await page.locator('.audit-row', { hasText: 'auth.sign_in' }).first().waitFor()
    const href = (await page.getByRole('link', { name: 'ส่งออก CSV' }).getAttribute('href')) ?? ''
    expect(href).toContain('/api/admin/audit.csv?action=auth.*')
    const csv = await page.request.get(`${stack.baseUrl}${href}`)
    expect(csv.status(), await csv.text()).toBe(200)
    expect(csv.headers()['content-type']).toContain('text/csv')
    await shot(page, 'audit', 'desktop')
    expect(problems).toEqual([])
    await page.close()
  })

  it('status messages: edit with a live preview, save', async () => {
    const { page, problems } = await openAdmin(browser, stack, 'templates', 'phone', admin.user.userId)
    await page.getByRole('heading', { level: 1, name: 'ข้อความแจ้งสถานะ' }).waitFor()
    const body = page.getByRole('textbox', { name: /ข้อความเมื่อสถานะเป็น/ })
    await body.fill('เรื่อง {reference} ได้รับแล้ว ขอบคุณที่แจ้ง{station}\n{message}')
    await page.locator('.preview .bubble', { hasText: 'ขอบคุณที่แจ้งสถานีตำรวจภูธรเมืองระยอง' }).waitFor()
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click()
    await page.getByRole('status').getByText('บันทึกข้อความแล้ว').waitFor()
    await shot(page, 'templates', 'phone')
    expect(problems).toEqual([])
    await page.close()
  })

  it('station: edit the hours, save; bind the LINE group that gets the alerts', async () => {
    // The bot is in a group (what a join webhook records; the worker is off in this file).
    const group = stack.emulator.createGroup({ groupName: 'เวรสภ.เมืองระยอง', memberIds: [admin.user.userId] })
    await stack.db.db.insert(lineGroups).values({ groupId: group.groupId, name: 'เวรสภ.เมืองระยอง' })
    const { page, problems } = await openAdmin(browser, stack, 'station', 'desktop', admin.user.userId)
    await page.getByRole('heading', { level: 1, name: 'ข้อมูลสถานี' }).waitFor()
    await page.getByRole('textbox', { name: 'เวลาทำการ (ไทย)' }).fill('เปิดทุกวัน ตลอด 24 ชั่วโมง')
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click()
    await page.getByRole('status').getByText('บันทึกข้อมูลสถานีแล้ว').waitFor()
    const row = page.locator('.row-card', { hasText: 'เวรสภ.เมืองระยอง' })
    await row.getByRole('button', { name: 'ผูกกับสถานี' }).click()
    await row.getByText('ผูกแล้ว').waitFor()
    await row.getByRole('button', { name: 'ยกเลิกการผูก' }).waitFor()
    await shot(page, 'station', 'desktop')
    expect(problems).toEqual([])
    await page.close()
  })

  it('phones: the menu lists the pages the role may open, and sign-out', async () => {
    const { page } = await openAdmin(browser, stack, 'menu', 'phone', admin.user.userId)
    await page.getByRole('heading', { level: 1, name: 'เมนู' }).waitFor()
    await shot(page, 'menu', 'phone')
    await expectTapTargets(page)
    await page.getByRole('button', { name: 'ออกจากระบบ' }).click()
    await page.getByRole('heading', { name: 'ออกจากระบบแล้ว' }).waitFor()
    const me = await page.request.get(`${stack.baseUrl}/api/admin/me`)
    expect(me.status(), 'the session is revoked').toBe(401)
    await page.close()
  })

  it('a viewer reads cases but sees no action, no reveal and no admin page', async () => {
    const viewer = await seedOfficer(stack, 'viewer', 'ร.ต.ท. ดูแล เฝ้าระวัง')
    const { page } = await openAdmin(browser, stack, `cases/${seeded.hostile.id}`, 'phone', viewer.user.userId)
    await page.getByRole('heading', { level: 1, name: seeded.hostile.referenceNumber }).waitFor()
    await page.getByRole('heading', { name: 'ความเคลื่อนไหว' }).waitFor()
    for (const name of ['รับเรื่องนี้', 'เปลี่ยนสถานะและแจ้งผู้แจ้ง', 'ส่งข้อความ', /แสดง/]) {
      expect(await page.getByRole('button', { name }).count(), String(name)).toBe(0)
    }
    await page.goto(`${stack.baseUrl}/admin/officers`)
    await page.getByRole('heading', { level: 1, name: 'ไม่มีสิทธิ์เปิดหน้านี้' }).waitFor()
    await page.close()
  })
})

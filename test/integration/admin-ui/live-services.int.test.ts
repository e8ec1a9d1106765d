import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase } from '../../../bot/cases/cases.service.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { openAdmin, shot } from './pages.js'
import { seedOfficer, stationOf } from './seed.js'

// Issue #8, point 8: the dashboard and the status messages list the services that exist (lost documents, legal
// consultation since issue #12, house watch since issue #13, SOS).
describe.skipIf(!hasChromium)('officers page: only services that exist', () => {
  let stack: Stack
  let browser: Browser
  let admin: Awaited<ReturnType<typeof seedOfficer>>

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack({ worker: false })
    admin = await seedOfficer(stack, 'admin', 'พ.ต.ท. วิชัย รักษาดี')
    const station = await stationOf(stack)
    await stack.db.db.transaction((tx) =>
      createCase(tx, { station, kind: 'lost_document', citizenId: null, summary: 'บัตรประชาชน' }),
    )
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it('the dashboard legend and the status-message kinds', async () => {
    const { page, problems } = await openAdmin(browser, stack, 'dashboard', 'desktop', admin.user.userId)
    const legend = page.locator('.legend').first()
    await legend.getByText(/แจ้งเอกสารหาย/).waitFor()
    const text = (await legend.textContent()) ?? ''
    expect(text).toContain('เหตุด่วน SOS')
    expect(text).toContain('ปรึกษากฎหมาย')
    expect(text).toContain('ฝากบ้าน') // live since issue #13
    await shot(page, 'dashboard-live-kinds', 'desktop')
    await page.close()

    const tpl = await openAdmin(browser, stack, 'templates', 'phone', admin.user.userId)
    await tpl.page.getByRole('heading', { level: 1, name: 'ข้อความแจ้งสถานะ' }).waitFor()
    const kinds = tpl.page.getByRole('combobox', { name: 'ประเภท' })
    await kinds.waitFor()
    expect(await kinds.locator('option').allTextContents()).toEqual([
      'แจ้งเอกสารหาย',
      'ฝากบ้าน',
      'ปรึกษากฎหมาย',
      'เหตุด่วน SOS',
    ])
    expect(problems).toEqual([])
    expect(tpl.problems).toEqual([])
    await tpl.page.close()
  })
})

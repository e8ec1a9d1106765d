import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { footageRequests } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { seedOfficer } from '../admin-ui/seed.js'
import { apiAs, fileCase, station } from '../cases/fixtures.js'
import { east, insertCamera, LNG, north } from './camera-fixtures.js'

// Issue #15: the CCOC queue (overdue first, filters, take / close) through the API, then the case's nearby cameras
// section and the queue page in headless Chromium at 390×844 and 1280×800 (a request sent from the section).
const SHOTS = process.env.CAM_SHOTS_DIR ?? '/tmp/shots-cam-requests'
const DAY = 86_400_000

let stack: Stack
beforeAll(async () => {
  stack = await startStack()
}, 180_000)
afterAll(async () => {
  await stack?.close()
})

type Queue = {
  items: { id: string; overdue: boolean; status: string; cameraCode: string; assigneeId: string | null }[]
}

/** A case and four cameras around it; `away` metres north keeps each test's cameras out of the other's radius. */
async function seedCase(s: Stack, p = 'RYG', away = 0) {
  const st = await station(s)
  const c = await fileCase(s, { kind: 'sos', summary: 'ถูกกระชากกระเป๋า' }, { latitude: north(away), longitude: LNG })
  const cams = [
    await insertCamera(s, st.id, {
      code: `${p}-P-001`,
      name: 'แยกตลาดเทศบาล',
      latitude: north(away + 60),
      longitude: east(20),
    }),
    await insertCamera(s, st.id, {
      code: `${p}-A-014`,
      name: 'หน้าศาลากลาง',
      ownerType: 'agency',
      ownerName: 'เทศบาลนครระยอง',
      retentionDays: 30,
      latitude: north(away + -90),
      longitude: east(40),
    }),
    await insertCamera(s, st.id, {
      code: `${p}-V-101`,
      name: 'ร้านทองเยาวราช',
      ownerType: 'private',
      ownerName: 'ร้านทองเยาวราช',
      contactPreference: 'phone',
      retentionDays: 2,
      latitude: north(away + 130),
      longitude: east(-110),
    }),
    await insertCamera(s, st.id, {
      code: `${p}-V-102`,
      name: 'บ้านเลขที่ 12 ซอย 3',
      ownerType: 'private',
      retentionDays: null,
      latitude: north(away + -200),
      longitude: east(-150),
    }),
  ]
  return { st, c, cams }
}

describe('the CCOC queue', () => {
  it('overdue first; filters; take a task; close; a closed request does not move again', async () => {
    const { c, cams } = await seedCase(stack, 'QQ', 5000)
    const op = await signInOfficer(stack.db.db, { role: 'ccoc_operator' })
    const api = apiAs(stack, op.headers)
    const sent = await api<{ items: { id: string; cameraId: string }[] }>(
      'POST',
      `/api/admin/cases/${c.id}/footage-requests`,
      {
        cameraIds: cams.map((x) => x.id),
        windowFrom: new Date(Date.now() - 3 * DAY).toISOString(),
        windowTo: new Date(Date.now() - 3 * DAY + 3_600_000).toISOString(),
        ask: 'ภาพคนร้ายขี่รถจักรยานยนต์หลบหนี',
      },
    )
    expect(sent.status, JSON.stringify(sent.json)).toBe(201)
    // One request's deadline passes (as a day going by would leave it).
    const late = sent.json.items.find((r) => r.cameraId === cams[2]?.id)?.id ?? ''
    await stack.db.db
      .update(footageRequests)
      .set({ deadlineAt: new Date(Date.now() - 3_600_000) })
      .where(eq(footageRequests.id, late))
    const all = await api<Queue>('GET', `/api/admin/footage-requests?caseId=${c.id}`)
    expect(all.json.items[0]?.id).toBe(late)
    expect(all.json.items[0]?.overdue).toBe(true)
    expect(all.json.items.slice(1).every((i) => !i.overdue)).toBe(true)
    const overdue = await api<Queue>('GET', '/api/admin/footage-requests?overdue=true')
    expect(overdue.json.items.map((i) => i.id)).toContain(late)
    expect(overdue.json.items.every((i) => i.overdue)).toBe(true)

    expect(
      (
        await api('PATCH', `/api/admin/footage-requests/${late}`, {
          assigneeId: 'me',
          status: 'nothing_recorded',
          note: 'โทรแล้ว เจ้าของแจ้งว่าไม่มีภาพ',
        })
      ).status,
    ).toBe(200)
    const mine = await api<Queue>('GET', '/api/admin/footage-requests?mine=true')
    // Mine: the task taken, and the police camera's task the operator was given when it was sent.
    const police = sent.json.items.find((r) => r.cameraId === cams[0]?.id)?.id ?? ''
    expect(mine.json.items.map((i) => i.id).sort()).toEqual([late, police].sort())
    expect((await api('PATCH', `/api/admin/footage-requests/${late}`, { status: 'closed' })).status).toBe(200)
    const again = await api<{ error: { code: string } }>('PATCH', `/api/admin/footage-requests/${late}`, {
      status: 'received',
    })
    expect(again.status).toBe(409)
    expect(again.json.error.code).toBe('request_closed')
  })
})

describe.skipIf(!hasChromium)('pages: nearby cameras on the case, the CCOC queue', () => {
  let browser: Browser
  let adminUser: string
  beforeAll(async () => {
    await buildAdminOnce()
    adminUser = (await seedOfficer(stack, 'admin', 'พ.ต.ท. วิชัย รักษาดี')).user.userId
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
  })
  const open = (path: string, viewport: Viewport) =>
    openLiffPage(browser, stack, {
      app: 'admin',
      path,
      viewport,
      userId: adminUser,
      ignoreConsole: /tile|Failed to load resource/i,
    })

  it('the case section lists the cameras nearest first, sends a request, shows it; the queue page at both sizes', async () => {
    const { c } = await seedCase(stack)
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await open(`cases/${c.id}`, viewport)
      await page.getByText('กล้องใกล้เคียง / Nearby cameras').waitFor()
      await page.getByText(/ยังอยู่ในระยะเวลาเก็บภาพ/).waitFor()
      const names = await page.locator('.cam-item .cam-name').allInnerTexts()
      expect(names.slice(0, 2).map((n) => n.replace(/\s+/g, ' '))).toEqual([
        '1. แยกตลาดเทศบาล (RYG-P-001)',
        '2. หน้าศาลากลาง (RYG-A-014)',
      ])
      if (viewport === 'phone') {
        await page.getByLabel('RYG-A-014 หน้าศาลากลาง').check()
        await page.getByLabel('สิ่งที่ขอ').fill('ภาพรถจักรยานยนต์สีแดงผ่านหน้าศาลากลาง')
        await page.getByRole('button', { name: 'ส่งคำขอภาพ' }).click()
        await page.locator('.fr-row').first().waitFor()
      }
      await page.locator('.cam-item').first().scrollIntoViewIfNeeded()
      await fullPageShot(page, SHOTS, `case-cameras-${viewport}`)
      expect(problems).toEqual([])
      await page.close()
    }
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await open('ccoc', viewport)
      await page.getByRole('heading', { level: 1, name: 'คิวงาน CCOC คำขอภาพ' }).waitFor()
      await page.locator('.fr-row').first().waitFor()
      await fullPageShot(page, SHOTS, `ccoc-queue-${viewport}`)
      expect(problems).toEqual([])
      await page.close()
    }
  })
})

import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeSettings } from '../../../bot/announcements/settings.js'
import { messageRules } from '../../../bot/emulator/spec/message-rules.js'
import { specValidator } from '../../../bot/emulator/spec/spec-validator.js'
import { announcementSettings, broadcasts, officers, stations } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, VIEWPORTS, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { expectTapTargets } from '../admin-ui/pages.js'
import { friendCitizen, household, statusOf } from './fixtures.js'

// Issue #14, acceptance 3, 4, 5 and 9: the composer and the progress screen in headless Chromium at phone and desktop
// size, against the real server (every route of the stack, the worker fanning out to the LINE emulator): the estimate
// is the registry's, the send goes through approval (or not, as the station's settings say), the progress page polls
// until "sent" and the emulator holds what the citizens received.
const SHOTS = '/tmp'
const EXPECTED = /status of 40[134]|net::ERR_|Failed to load resource/

/** What LINE would say about the messages (the emulator's own spec validator and limits). */
function lineErrors(messages: unknown[]) {
  return [
    ...specValidator('messaging-api.yml').validate('PushMessageRequest', { to: `U${'0'.repeat(32)}`, messages }),
    ...messageRules(messages),
  ]
}

function tomorrowBangkok(): string {
  return new Date(Date.now() + 7 * 3600_000 + 86_400_000).toISOString().slice(0, 10)
}

describe.skipIf(!hasChromium)('officers page: announcements composer and progress (real API)', () => {
  let stack: Stack
  let browser: Browser
  let stationId = ''
  const staff: Record<'admin' | 'supervisor', { userId: string; officerId: string }> = {
    admin: { userId: '', officerId: '' },
    supervisor: { userId: '', officerId: '' },
  }
  const people: Record<string, { citizenId: string; lineUserId: string }> = {}

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack()
    stack.emulator.state.quota = { type: 'none', value: 0 }
    const [ryg] = await stack.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
    stationId = ryg?.id ?? ''
    for (const [role, name, full] of [
      ['admin', 'วิชัย', 'พ.ต.ท. วิชัย รักษาดี'],
      ['supervisor', 'สมศรี', 'พ.ต.อ. สมศรี ใจดี'],
    ] as const) {
      const user = stack.emulator.createUser({ displayName: name, language: 'th' })
      const stored = stack.emulator.state.users.get(user.userId)
      if (stored) {
        stored.friendship = 'friend'
      }
      const [o] = await stack.db.db
        .insert(officers)
        .values({ stationId, lineUserId: user.userId, displayName: name, fullName: full, role })
        .returning({ id: officers.id })
      staff[role] = { userId: user.userId, officerId: o?.id ?? '' }
    }
    // Three LINE users in two households of ต.ท่าประดู่ (one reads English), one in ต.เชิงเนิน outside a municipality.
    for (const [name, lang] of [
      ['a', 'th'],
      ['b', 'th'],
      ['c', 'en'],
      ['d', 'th'],
    ] as const) {
      people[name] = await friendCitizen(stack, `person ${name}`, lang)
    }
    const id = (n: string) => people[n]?.citizenId ?? ''
    await household(
      stack.db.db,
      stationId,
      { subdistrict: 'ท่าประดู่', municipality: 'เทศบาลนครระยอง', soi: 'ซอยราชชุมพล 1', lat: 12.68, lng: 101.27 },
      [id('a'), id('b')],
    )
    await household(
      stack.db.db,
      stationId,
      { subdistrict: 'ท่าประดู่', municipality: 'เทศบาลนครระยอง', soi: 'ซอยราชชุมพล 2', lat: 12.69, lng: 101.28 },
      [id('c')],
    )
    await household(stack.db.db, stationId, { subdistrict: 'เชิงเนิน', soi: 'ซอย 9' }, [id('d')])
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  async function open(path: string, viewport: Viewport, as: 'admin' | 'supervisor' = 'admin') {
    return openLiffPage(browser, stack, {
      app: 'admin',
      path,
      viewport,
      userId: staff[as].userId,
      ignoreConsole: EXPECTED,
      prepare: async (page) => {
        await page.route('**/tile.openstreetmap.org/**', (route) => route.abort('internetdisconnected'))
      },
    })
  }

  async function requireApproval(on: boolean) {
    await stack.db.db.transaction((tx) =>
      writeSettings(tx, stationId, { requireApproval: on, monthlyBudget: null }, staff.admin.officerId),
    )
  }

  async function expectNoSideScroll(page: Page, viewport: Viewport) {
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
    const wide = await page.evaluate(
      `[...document.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > ${VIEWPORTS[viewport].width} + 1).slice(0, 8).map((e) => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))`,
    )
    expect(width, `nothing overflows sideways: ${JSON.stringify(wide)}`).toBeLessThanOrEqual(VIEWPORTS[viewport].width)
  }

  /** The composer: a name, the text kind, Thai (and optionally English) text. */
  async function composeText(page: Page, title: string, th: string, en?: string) {
    await page.getByRole('heading', { level: 1, name: 'เขียนประกาศ' }).waitFor()
    await page.locator('#ann-title').fill(title)
    await page
      .locator('label.segment')
      .filter({ hasText: /^ข้อความ$/ })
      .click()
    await page.locator('#ann-th-body').fill(th)
    if (en) {
      await page.getByRole('tab', { name: 'English' }).click()
      await page.locator('#ann-en-body').fill(en)
    }
  }

  async function lastBroadcastId(): Promise<string> {
    const rows = await stack.db.db.select().from(broadcasts).where(eq(broadcasts.stationId, stationId))
    const last = rows.sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())[0]
    return last?.id ?? ''
  }

  const texts = (lineUserId: string) =>
    stack.emulator.messagesTo(lineUserId).map((m) => (m.message as { text?: string }).text)

  it('approval off in the settings, a text to a tambon\'s households: estimate, send, progress to "sent" (phone)', async () => {
    const viewport = 'phone'
    const size = '390x844'
    await requireApproval(true)
    const { page, problems } = await open('announcements', viewport)
    // The settings card (broadcasts.approve): turn approval off and save.
    await page.getByRole('heading', { name: 'ตั้งค่าประกาศ' }).waitFor()
    const approval = page.getByLabel('ต้องให้หัวหน้าอนุมัติก่อนส่งทุกครั้ง')
    await expect.poll(() => approval.isChecked()).toBe(true)
    await approval.uncheck()
    await page.getByRole('button', { name: 'บันทึกการตั้งค่าประกาศ' }).click()
    await page.getByText('บันทึกการตั้งค่าแล้ว').waitFor()
    await expect
      .poll(async () => (await stack.db.db.select().from(announcementSettings))[0]?.requireApproval)
      .toBe(false)
    await page.close()

    const opened = await open('announcements/new', viewport)
    const p = opened.page
    await composeText(
      p,
      'น้ำประปาไม่ไหล ต.ท่าประดู่',
      'พรุ่งนี้ 09:00–12:00 น. น้ำประปาไม่ไหลใน ต.ท่าประดู่',
      'No tap water tomorrow 09:00–12:00 in Tha Pradu.',
    )
    // Every household first (a, b, c; d too: 4), then one tambon from the registry's areas: 3 (2 Thai, 1 English).
    await p.getByText('ผู้รับ 4 คน', { exact: true }).waitFor()
    await p.getByText('เลือกพื้นที่', { exact: true }).click()
    await p.getByText('นอกเขตเทศบาล').waitFor()
    await p.getByLabel('ซอยราชชุมพล 1').waitFor()
    await p.getByLabel('ต.ท่าประดู่').check()
    await p.getByText('ผู้รับ 3 คน', { exact: true }).waitFor()
    await p.getByText('โควตาพอ ส่งได้ครบทุกคน').waitFor()
    await p.locator('.lp-chat').getByText('No tap water tomorrow', { exact: false }).first().waitFor()
    await fullPageShot(p, SHOTS, `bc-ui-compose-${size}`)
    await expectNoSideScroll(p, viewport)
    await expectTapTargets(p)

    await p.getByRole('button', { name: 'ส่งทันที' }).click()
    await p.waitForURL(/\/admin\/announcements\/[0-9a-f-]{36}$/)
    const id = new URL(p.url()).pathname.split('/').at(-1) ?? ''
    await p.getByRole('progressbar').waitFor()
    await p.locator('.ann-status-sent').waitFor({ timeout: 60_000 })
    expect(await p.locator('.ann-figure dd').allTextContents()).toEqual(['3', '3', '0', '0'])
    await p.locator('.ann-req-delivered').first().waitFor()
    await p.getByRole('button', { name: 'ยกเลิกการส่ง' }).waitFor({ state: 'detached' })
    await fullPageShot(p, SHOTS, `bc-ui-progress-sent-${size}`)
    await expectNoSideScroll(p, viewport)
    await expectTapTargets(p)

    // The emulator received it: Thai for a and b, English for c, nothing for d (another tambon).
    const b = await statusOf(stack.db.db, id)
    expect(b?.status).toBe('sent')
    expect(lineErrors(b?.messages.th ?? [])).toEqual([])
    expect(texts(people.a?.lineUserId ?? '')).toContain('พรุ่งนี้ 09:00–12:00 น. น้ำประปาไม่ไหลใน ต.ท่าประดู่')
    expect(texts(people.b?.lineUserId ?? '')).toContain('พรุ่งนี้ 09:00–12:00 น. น้ำประปาไม่ไหลใน ต.ท่าประดู่')
    expect(texts(people.c?.lineUserId ?? '')).toContain('No tap water tomorrow 09:00–12:00 in Tha Pradu.')
    expect(texts(people.d?.lineUserId ?? '')).toEqual([])

    // The list shows it with its figures.
    await p.getByRole('link', { name: 'ประกาศถึงประชาชน' }).first().click()
    await p.getByRole('heading', { level: 1, name: 'ประกาศถึงประชาชน' }).waitFor()
    await p.locator('.ann-row', { hasText: 'น้ำประปาไม่ไหล ต.ท่าประดู่' }).getByText('ส่งแล้ว 3').waitFor()
    await fullPageShot(p, SHOTS, `bc-ui-list-${size}`)
    await expectNoSideScroll(p, viewport)
    expect([...problems, ...opened.problems]).toEqual([])
    await p.close()
  })

  it('approval on: the author submits, cannot approve their own, a supervisor approves, it goes out (desktop)', async () => {
    const viewport = 'desktop'
    const size = '1280x800'
    await requireApproval(true)
    const { page, problems } = await open('announcements/new', viewport)
    await composeText(page, 'เตือนภัยแก๊งคอลเซ็นเตอร์', 'ระวังมิจฉาชีพโทรอ้างเป็นตำรวจ ตำรวจไม่ขอให้โอนเงิน')
    await page.locator('label.ann-choice', { hasText: 'ผู้ติดตามทุกคนที่ระบบรู้จัก' }).click()
    await page.getByText('ผู้รับ 4 คน', { exact: true }).waitFor()
    await page.getByText('สถานีกำหนดให้หัวหน้าอนุมัติก่อนส่ง').waitFor()
    await fullPageShot(page, SHOTS, `bc-ui-compose-${size}`)
    await expectNoSideScroll(page, viewport)
    await expectTapTargets(page)
    await page.getByRole('button', { name: 'ส่งให้หัวหน้าอนุมัติ' }).click()
    await page.waitForURL(/\/admin\/announcements\/[0-9a-f-]{36}$/)
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    await page.locator('.ann-status-awaiting_approval').waitFor()
    // The author is an admin (broadcasts.approve) but the server refuses their own approval: no button, a hint.
    await page.getByText('รอผู้บังคับบัญชาท่านอื่นอนุมัติ', { exact: false }).waitFor()
    expect(await page.getByRole('button', { name: 'อนุมัติ', exact: true }).count()).toBe(0)
    await fullPageShot(page, SHOTS, `bc-ui-progress-awaiting-${size}`)
    expect(texts(people.a?.lineUserId ?? '')).not.toContain('ระวังมิจฉาชีพโทรอ้างเป็นตำรวจ ตำรวจไม่ขอให้โอนเงิน')

    // The supervisor approves: it goes out; the author's page (polling) reaches "sent" too.
    const sup = await open(`announcements/${id}`, viewport, 'supervisor')
    await sup.page.getByRole('button', { name: 'อนุมัติ', exact: true }).click()
    await sup.page.locator('.ann-status-sending, .ann-status-sent').first().waitFor()
    await page.locator('.ann-status-sent').waitFor({ timeout: 60_000 })
    expect(await page.locator('.ann-figure dd').allTextContents()).toEqual(['4', '4', '0', '0'])
    await page
      .getByText('พ.ต.อ. สมศรี ใจดี', { exact: false })
      .or(page.getByText('สมศรี', { exact: false }))
      .first()
      .waitFor()
    await page.locator('.ann-req-delivered').first().waitFor()
    await fullPageShot(page, SHOTS, `bc-ui-progress-sent-${size}`)
    await expectNoSideScroll(page, viewport)
    await expectTapTargets(page)
    for (const n of ['a', 'b', 'c', 'd']) {
      expect(texts(people[n]?.lineUserId ?? '')).toContain('ระวังมิจฉาชีพโทรอ้างเป็นตำรวจ ตำรวจไม่ขอให้โอนเงิน')
    }
    expect(await statusOf(stack.db.db, id)).toMatchObject({ status: 'sent', approvedBy: staff.supervisor.officerId })
    expect([...problems, ...sup.problems]).toEqual([])
    await sup.page.close()
    await page.close()
  })

  it('a scheduled announcement: cancel asks first and stops it; nothing is sent (desktop)', async () => {
    await requireApproval(false)
    const { page, problems } = await open('announcements/new', 'desktop')
    await composeText(page, 'งานลอยกระทง', 'งานลอยกระทงปีนี้ ระวังทรัพย์สินและเด็กเล็ก')
    await page.locator('label.ann-choice', { hasText: 'ผู้ติดตามทุกคนที่ระบบรู้จัก' }).click()
    await page.getByText('ผู้รับ 4 คน', { exact: true }).waitFor()
    await page.getByText('ตั้งเวลา', { exact: true }).click()
    await page.getByLabel('วันที่', { exact: true }).fill(tomorrowBangkok())
    await page.locator('.ann-when-fields input[type=time]').fill('05:30')
    await page.getByText(/จะส่ง .* 25\d\d 05:30 น\./).waitFor()
    await page.getByRole('button', { name: 'ตั้งเวลาส่ง' }).click()
    await page.waitForURL(/\/admin\/announcements\/[0-9a-f-]{36}$/)
    const id = await lastBroadcastId()
    await page.locator('.ann-status-scheduled').waitFor()
    await page.getByRole('button', { name: 'ยกเลิกการส่ง' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('ข้อความที่ส่งไปแล้วเรียกคืนไม่ได้', { exact: false }).waitFor()
    await fullPageShot(page, SHOTS, 'bc-ui-progress-cancel-1280x800')
    await dialog.getByRole('button', { name: 'ยกเลิกการส่ง' }).click()
    await page.locator('.ann-status-cancelled').waitFor()
    expect((await statusOf(stack.db.db, id))?.status).toBe('cancelled')
    expect(texts(people.a?.lineUserId ?? '')).not.toContain('งานลอยกระทงปีนี้ ระวังทรัพย์สินและเด็กเล็ก')
    expect(problems).toEqual([])
    await page.close()
  })

  it('a card (headline, body, link button) in Thai and English: previewed, sent, valid Flex at LINE (phone)', async () => {
    await requireApproval(false)
    const { page, problems } = await open('announcements/new', 'phone')
    await page.getByRole('heading', { level: 1, name: 'เขียนประกาศ' }).waitFor()
    await page.locator('#ann-title').fill('ปิดถนนสุขุมวิท')
    await page
      .locator('label.segment')
      .filter({ hasText: /^การ์ดประกาศ$/ })
      .click()
    await page.getByLabel('ลิงก์ของปุ่ม').fill('https://www.rayongcity.go.th/road-closure')
    await page.locator('#ann-th-headline').fill('ปิดถนนสุขุมวิท 5 ธ.ค.')
    await page.locator('#ann-th-body').fill('ปิดการจราจรช่วงหน้าศาลากลาง 06:00–10:00 น. โปรดใช้เส้นทางเลี่ยง')
    await page.getByLabel('ข้อความบนปุ่ม').fill('ดูเส้นทางเลี่ยง')
    await page.getByRole('tab', { name: 'English' }).click()
    await page.locator('#ann-en-headline').fill('Sukhumvit Rd closed on 5 Dec')
    await page.locator('#ann-en-body').fill('Closed in front of the city hall 06:00–10:00. Please take a detour.')
    await page.getByLabel('ข้อความบนปุ่ม').fill('See the detour')
    await page.locator('label.ann-choice', { hasText: 'ผู้ติดตามทุกคนที่ระบบรู้จัก' }).click()
    await page.getByText('ผู้รับ 4 คน', { exact: true }).waitFor()
    // The preview draws the card as LINE will: headline, body and the button.
    // The preview draws the card as LINE will (headline, body, the button), in the language of the tab being written,
    // and in Thai when asked.
    const preview = page.locator('.lp-chat')
    await preview.getByText('Sukhumvit Rd closed on 5 Dec').first().waitFor()
    await preview.getByText('See the detour').first().waitFor()
    await page
      .locator('label.segment')
      .filter({ hasText: /^ผู้ใช้ภาษาไทย$/ })
      .click()
    await preview.getByText('ปิดถนนสุขุมวิท 5 ธ.ค.').first().waitFor()
    await preview.getByText('ดูเส้นทางเลี่ยง').first().waitFor()
    await fullPageShot(page, SHOTS, 'bc-ui-compose-card-390x844')
    await expectNoSideScroll(page, 'phone')
    await expectTapTargets(page)

    await page.getByRole('button', { name: 'ส่งทันที' }).click()
    await page.waitForURL(/\/admin\/announcements\/[0-9a-f-]{36}$/)
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? ''
    await page.locator('.ann-status-sent').waitFor({ timeout: 60_000 })
    const b = await statusOf(stack.db.db, id)
    for (const messages of [b?.messages.th ?? [], b?.messages.en ?? []]) {
      expect(messages.map((m) => (m as { type: string }).type)).toEqual(['flex'])
      expect(lineErrors(messages)).toEqual([])
    }
    // Each citizen got the card in their language; its button opens the link.
    const flexTo = (n: string) =>
      JSON.stringify(stack.emulator.messagesTo(people[n]?.lineUserId ?? '').map((m) => m.message))
    expect(flexTo('a')).toContain('ปิดถนนสุขุมวิท 5 ธ.ค.')
    expect(flexTo('a')).toContain('https://www.rayongcity.go.th/road-closure')
    expect(flexTo('c')).toContain('Sukhumvit Rd closed on 5 Dec')
    expect(flexTo('c')).not.toContain('ปิดถนนสุขุมวิท 5 ธ.ค.')
    expect(problems).toEqual([])
    await page.close()
  })

  it("a saved draft's own page says what its button does: to a supervisor when approval is on, else now (phone)", async () => {
    await requireApproval(true)
    const { page, problems } = await open('announcements/new', 'phone')
    await composeText(page, 'ร่าง: ตรวจบ้านช่วงปีใหม่', 'ฝากบ้านกับตำรวจได้ตลอดช่วงปีใหม่')
    await page.getByRole('button', { name: 'บันทึกฉบับร่าง' }).click()
    await expect.poll(async () => (await statusOf(stack.db.db, await lastBroadcastId()))?.status).toBe('draft')
    const id = await lastBroadcastId()
    const draft = await open(`announcements/${id}`, 'phone')
    await draft.page.getByRole('button', { name: 'ส่งให้หัวหน้าอนุมัติ' }).waitFor()
    expect(await draft.page.getByRole('button', { name: 'ส่งทันที' }).count()).toBe(0)
    await draft.page.close()
    await requireApproval(false)
    const again = await open(`announcements/${id}`, 'phone')
    await again.page.getByRole('button', { name: 'ส่งทันที' }).waitFor()
    expect([...problems, ...draft.problems, ...again.problems]).toEqual([])
    await again.page.close()
    await page.close()
  })
})

import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePng } from '../../../bot/emulator/core/png.js'
import { addDays, bangkokDay } from '../../../bot/house-watch/lifecycle/days.js'
import { patrolVisits } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { befriend, caseOf, insertPatrolOfficer, insertVisit, insertWatch } from './fixtures-owner.js'

// The owner's house-watch page in headless Chromium with liff-mock, at a phone's and a desktop's size: status and
// period in BE, the visit log with the officer and the photo, extend, "I'm home". Screenshots go to
// $LIFF_SHOTS_DIR (default /tmp/shots-hw-owner) for people to look at.
const SHOTS = process.env.LIFF_SHOTS_DIR ?? '/tmp/shots-hw-owner'
const today = bangkokDay(new Date())
const H = 3_600_000

describe.skipIf(!hasChromium)("citizen LIFF: the owner's house watch", () => {
  let stack: Stack
  let browser: Browser

  beforeAll(async () => {
    await buildCitizenLiffOnce()
    stack = await startStack()
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  async function watchFor(name: string, lang: 'th' | 'en') {
    const { user, citizen } = await befriend(stack, name, lang)
    const w = await insertWatch(stack, {
      citizenId: citizen.id,
      startsOn: addDays(today, -2),
      endsOn: addDays(today, 4),
    })
    const officer = await insertPatrolOfficer(stack, w.point.stationId)
    const now = Date.now()
    await insertVisit(stack, { point: w.point, officerId: officer.id, at: new Date(now - 40 * H) })
    const finding = await insertVisit(stack, {
      point: w.point,
      officerId: officer.id,
      at: new Date(now - 20 * H),
      result: 'window_open',
      note: lang === 'th' ? 'หน้าต่างชั้นสองเปิดอยู่ แจ้งญาติปิดให้แล้ว' : 'Upstairs window open; your relative closed it.',
    })
    const photographed = await insertVisit(stack, { point: w.point, officerId: officer.id, at: new Date(now - 3 * H) })
    const png = makePng(320, 240, [120, 170, 220], [70, 120, 60])
    await stack.db.db
      .update(patrolVisits)
      .set({ photoContentType: 'image/png', photoBytesEnc: stack.deps.cipher.encryptBytes(png) })
      .where(eq(patrolVisits.id, photographed.id))
    return { user, w, finding }
  }

  it.each<[Viewport, 'th' | 'en']>([
    ['phone', 'th'],
    ['desktop', 'en'],
  ])(
    '%s (%s): home link, list, the watch with its visit log and photo; extend, then "I\'m home"',
    async (viewport, lang) => {
      const th = lang === 'th'
      const { user, w } = await watchFor(th ? 'สมศรี หน้าเว็บ' : 'Somsri Web', lang)
      const { page, problems } = await openLiffPage(browser, stack, {
        app: 'citizen',
        path: '',
        viewport,
        userId: user.userId,
        lang,
      })
      const homeLink = page.getByRole('link', { name: th ? /ฝากบ้านของฉัน/ : /My house watches/ })
      await homeLink.waitFor()
      await fullPageShot(page, SHOTS, `home-${viewport}-${lang}`)
      await homeLink.click()
      await page.getByRole('heading', { level: 1, name: th ? 'ฝากบ้านของฉัน' : 'My house watches' }).waitFor()
      await page.getByText(w.referenceNumber).waitFor()
      await fullPageShot(page, SHOTS, `list-${viewport}-${lang}`)
      await page.getByText(w.referenceNumber).click()

      await page
        .getByRole('heading', {
          level: 1,
          name: th ? `ฝากบ้าน ${w.referenceNumber}` : `House watch ${w.referenceNumber}`,
        })
        .waitFor()
      await page.getByText('ส.ต.อ. สมปอง ตรวจดี').first().waitFor()
      await page.getByText(th ? 'หน้าต่างเปิดอยู่' : 'Window open', { exact: true }).waitFor()
      // BE years in Thai; the photo loaded through the owner's token.
      if (th) {
        await page
          .getByText(/25\d\d/)
          .first()
          .waitFor()
      }
      const img = page.getByRole('img', { name: th ? 'รูปถ่ายจากสายตรวจ' : "The patrol's photo" })
      await img.waitFor()
      await page.waitForFunction("document.querySelector('img.visit-photo')?.naturalWidth === 320")
      await fullPageShot(page, SHOTS, `watch-${viewport}-${lang}`)

      await page.locator('#extend-days').fill('5')
      await page.getByRole('button', { name: th ? 'ขยายเวลา' : 'Extend', exact: true }).click()
      await page
        .getByText(th ? 'ขยายเวลาถึงวันที่' : 'Extended until')
        .first()
        .waitFor()
      expect((await caseOf(stack, w.caseId)).w?.endsOn).toBe(addDays(today, 9))

      await page.getByRole('button', { name: th ? 'กลับบ้านแล้ว' : "I'm home" }).click()
      await page.getByRole('dialog').waitFor()
      await fullPageShot(page, SHOTS, `home-confirm-${viewport}-${lang}`)
      await page.getByRole('button', { name: th ? 'ยืนยัน กลับบ้านแล้ว' : "Yes, I'm home" }).click()
      await page.getByText(th ? 'การฝากบ้านสิ้นสุดเมื่อ' : 'The watch ended on').waitFor()
      await fullPageShot(page, SHOTS, `ended-${viewport}-${lang}`)
      const { w: row, p } = await caseOf(stack, w.caseId)
      expect(row?.endReason).toBe('returned')
      expect(p?.active).toBe(false)
      expect(problems).toEqual([])
      await page.close()
    },
  )

  it('another citizen\'s link shows "not in your list", not the watch', async () => {
    const { w } = await watchFor('เจ้าของ จริง', 'th')
    const { user: other } = await befriend(stack, 'คนอื่น เปิดลิงก์')
    const { page } = await openLiffPage(browser, stack, {
      app: 'citizen',
      path: `house-watch/${w.caseId}`,
      viewport: 'phone',
      userId: other.userId,
      lang: 'th',
      ignoreConsole: /404/,
    })
    await page.getByText('ไม่พบการฝากบ้านนี้ในรายการของท่าน').waitFor()
    expect(await page.getByText('ส.ต.อ. สมปอง ตรวจดี').count()).toBe(0)
    await fullPageShot(page, SHOTS, 'not-theirs-phone-th')
    await page.close()
  })
})

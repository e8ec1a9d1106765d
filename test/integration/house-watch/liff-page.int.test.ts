import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { day, IN_ZONE, NEAR_MAP_TA_PHUT } from './fixtures-enrol.js'

// Issue #13, acceptance 1 and 10: the citizen's house-watch form in headless Chromium (liff-mock sign-in, a mocked
// geolocation), at a phone's and a desktop's size. Screenshots go to /tmp/shots-hw-enrol for people to look at.
const SHOTS = process.env.HW_SHOTS_DIR ?? '/tmp/shots-hw-enrol'

async function fillForm(page: Page, th: boolean) {
  await page.locator('#f-phone').fill('0812345678')
  await page.locator('#f-address-houseNo').fill('45/6')
  await page.locator('#f-address-road').fill(th ? 'ยมจินดา' : 'Yomjinda Road')
  await page.locator('#f-address-subdistrict').fill(th ? 'ท่าประดู่' : 'Tha Pradu')
  await page.locator('#f-address-district').fill(th ? 'เมืองระยอง' : 'Mueang Rayong')
  const end = day(4)
  await page.locator('#f-endsOn').selectOption(String(Number(end.slice(8, 10))))
  await page.locator('#f-endsOn-m').selectOption(String(Number(end.slice(5, 7))))
  await page.locator('#f-endsOn-y').selectOption(end.slice(0, 4))
  await page.locator('#f-emergencyName').fill(th ? 'สมหญิง ใจดี' : 'Somying Jaidee')
  await page.locator('#f-emergencyPhone').fill('0898765432')
  await page.locator('#f-notes').fill(th ? 'แมว 1 ตัว ไฟหน้าบ้านตั้งเวลาไว้' : 'One cat; porch light on a timer')
  await page.locator('#f-consent').check()
}

describe.skipIf(!hasChromium)('citizen LIFF: the house-watch form', () => {
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

  it.each<[Viewport, 'th' | 'en']>([
    ['phone', 'th'],
    ['desktop', 'en'],
  ])(
    '%s (%s): problems named, a house outside the zone answered with the station, then the receipt',
    async (viewport, lang) => {
      const th = lang === 'th'
      const user = stack.emulator.createUser({ displayName: th ? 'สมชาย ฝากบ้าน' : 'Somchai Away', language: lang })
      await stack.emulator.follow(user.userId)
      await stack.emulator.waitForMessages(user.userId, 2)
      const { page, problems } = await openLiffPage(browser, stack, {
        app: 'citizen',
        path: 'house-watch/new',
        viewport,
        userId: user.userId,
        lang,
        // The outside-the-zone answer is a 422 the page shows; the browser logs the failed request.
        ignoreConsole: /422|tile|Failed to load resource/i,
        prepare: async (p) => {
          await p.context().grantPermissions(['geolocation'])
          await p.context().setGeolocation({ latitude: NEAR_MAP_TA_PHUT.lat, longitude: NEAR_MAP_TA_PHUT.lng })
        },
      })
      await page.getByRole('heading', { level: 1, name: th ? 'ฝากบ้านกับตำรวจ' : 'House watch' }).waitFor()
      await fullPageShot(page, SHOTS, `form-empty-${viewport}-${lang}`)

      // Sent empty: each problem named on the page, nothing sent.
      await page.getByRole('button', { name: th ? 'ส่งคำขอฝากบ้าน' : 'Send the house-watch request' }).click()
      await page
        .getByRole('alert')
        .getByText(th ? 'กรุณาปักหมุดตำแหน่งบ้าน' : 'Please pin the house on the map', { exact: false })
        .first()
        .waitFor()
      await fullPageShot(page, SHOTS, `form-errors-${viewport}-${lang}`)

      await fillForm(page, th)
      // The phone's location is at Map Ta Phut: outside the zone, the right station is named with its phone.
      // One "use my location" on the form (the map's own), and what it sets is recorded as the phone's GPS.
      const useMyLocation = page.getByRole('button', { name: th ? 'ใช้ตำแหน่งปัจจุบันของฉัน' : 'Use my current location' })
      expect(await useMyLocation.count()).toBe(1)
      await useMyLocation.click()
      await page.getByText(th ? 'จาก GPS' : 'from GPS', { exact: false }).waitFor()
      await page.getByRole('button', { name: th ? 'ส่งคำขอฝากบ้าน' : 'Send the house-watch request' }).click()
      await page.getByText(th ? 'สถานีตำรวจภูธรมาบตาพุด' : 'Map Ta Phut Police Station', { exact: false }).waitFor()
      await fullPageShot(page, SHOTS, `form-outside-${viewport}-${lang}`)

      // At home inside the zone: the request goes through and the receipt shows.
      await page.context().setGeolocation({ latitude: IN_ZONE.lat, longitude: IN_ZONE.lng })
      await useMyLocation.click()
      await page
        .locator('.hw-pinned')
        .getByText(`${IN_ZONE.lat.toFixed(5)}`, { exact: false })
        .waitFor()
      await fullPageShot(page, SHOTS, `form-filled-${viewport}-${lang}`)
      await page.getByRole('button', { name: th ? 'ส่งคำขอฝากบ้าน' : 'Send the house-watch request' }).click()
      const ref = page.getByText(/RYG-HW-\d{4}-\d{6}/)
      await ref.waitFor()
      await page
        .getByText(th ? 'อนุมัติแล้ว' : 'Approved', { exact: false })
        .first()
        .waitFor()
      await fullPageShot(page, SHOTS, `done-${viewport}-${lang}`)
      const number = /RYG-HW-\d{4}-\d{6}/.exec((await ref.textContent()) ?? '')?.[0]
      const [receipt] = (await stack.emulator.waitForMessages(user.userId, 3)).slice(2)
      expect(JSON.stringify(receipt?.message)).toContain(number)
      expect(problems).toEqual([])
      await page.close()
    },
  )
})

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens, lostDocumentReports } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, VIEWPORTS, type Viewport } from '../../helpers/liff-page.js'
import { THAI_ID, validDraft } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// The LIFF form in headless Chromium against the whole stack, signed in the way the emulator's simulator does it.
// Screenshots go to $LOSTDOC_SHOTS_DIR (default /tmp/lostdoc-shots).
const SHOTS = process.env.LOSTDOC_SHOTS_DIR ?? '/tmp/lostdoc-shots'

describe.skipIf(!hasChromium)('lost-document LIFF pages in a browser', () => {
  let browser: Browser
  beforeAll(async () => {
    await buildCitizenLiffOnce() // a rebuild would empty dist/liff under another file's browser
    mkdirSync(SHOTS, { recursive: true })
    browser = await launchChromium()
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
  })
  const s = lostDocumentStack()

  async function friend(name: string, language: 'th' | 'en' = 'th') {
    const user = s.emulator.createUser({ displayName: name, language })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    return user
  }

  const open = (path: string, viewport: Viewport, user: { userId: string; language: string }) =>
    openLiffPage(browser, s, {
      app: 'citizen',
      path,
      viewport,
      userId: user.userId,
      lang: user.language,
      ignoreConsole: /status of 400/, // the form's validation answers
    })

  const shot = (page: Page, name: string) => fullPageShot(page, SHOTS, name)

  /** Every control a thumb must hit is at least 44 px tall. */
  async function expectTapTargets(page: Page) {
    for (const el of await page
      .locator(
        'main a, main button, main select, main input:not([type=checkbox]):not([type=radio]), label.tick, label.choice',
      )
      .all()) {
      const box = await el.boundingBox()
      if (box && (await el.isVisible())) {
        expect(box.height, (await el.getAttribute('id')) ?? (await el.textContent()) ?? '').toBeGreaterThanOrEqual(44)
      }
    }
  }

  async function pickDate(page: Page, field: string, [d, m, y]: [number, number, number]) {
    await page.locator(`#f-${field}`).selectOption(String(d))
    await page.locator(`#f-${field}-m`).selectOption(String(m))
    await page.locator(`#f-${field}-y`).selectOption(String(y))
  }

  it('fills and sends the form on a phone; the chat gets the receipt; screenshots', async () => {
    const user = await friend('สมชาย ใจดี')
    // In the chat first: the intro with its two ways, as the simulator shows it.
    await s.emulator.sendText(user.userId, 'แจ้งเอกสารหาย')
    await s.emulator.waitForMessages(user.userId, 3)
    const intro = await browser.newPage({ viewport: VIEWPORTS.phone })
    await intro.goto(`${s.emulator.url}/emulator#chat=${user.userId}`)
    await intro.getByText('กรอกแบบฟอร์ม').last().waitFor()
    await intro.screenshot({ path: join(SHOTS, 'intro-simulator-390x844.png') })
    await intro.close()

    const { page, problems } = await open('lost-document', 'phone', user)
    await page.getByRole('heading', { level: 1, name: 'แจ้งเอกสารหาย' }).waitFor()
    await page.getByText('มาตรา 137').first().waitFor()
    await shot(page, 'form-empty-th-390x844')
    await expectTapTargets(page)

    // Sending it empty: every problem at once, in Thai, and the focus on the first field.
    await page.getByRole('button', { name: 'ส่งแจ้งเอกสารหาย' }).click()
    await page
      .getByRole('alert')
      .getByText(/กรุณาแก้ไข \d+ ช่อง/)
      .waitFor()
    expect(await page.evaluate('document.activeElement?.id')).toBe('f-declarantName')
    await shot(page, 'form-errors-th-390x844')

    await page.getByLabel('ชื่อ-นามสกุล').fill('นายสมชาย ใจดี')
    await page.getByLabel('เลขบัตร').fill('1234567890122')
    await page.getByLabel('เลขบัตร').blur()
    await page.getByText('เลขบัตรประชาชนไม่ถูกต้อง').first().waitFor() // as you type: the shared rules
    await page.getByLabel('เลขบัตร').fill('1-2345-67890-12-1')
    await pickDate(page, 'dateOfBirth', [12, 5, 1987])
    expect(await page.locator('#f-dateOfBirth-y option:checked').textContent()).toBe('2530') // Buddhist Era
    await page.getByLabel('เบอร์โทรศัพท์มือถือ').fill('+66 81 234 5678')
    const address: [string, string][] = [
      ['houseNo', '12/3'],
      ['moo', '4'],
      ['road', 'สุขุมวิท'],
      ['subdistrict', 'เชิงเนิน'],
      ['district', 'เมืองระยอง'],
      ['province', 'ระยอง'],
      ['postcode', '21000'],
    ]
    for (const [key, value] of address) {
      await page.locator(`#f-address-${key}`).fill(value)
    }
    await page.locator('#f-items-0-documentType').selectOption('thai_id_card')
    await page.locator('#f-items-0-number').fill(THAI_ID)
    await page.getByRole('button', { name: /เพิ่มเอกสารอีกรายการ/ }).click()
    await page.locator('#f-items-1-documentType').selectOption('atm_card')
    await page.locator('#f-items-1-issuer').fill('ธนาคารกสิกรไทย')
    const lost = new Date(Date.now() - 2 * 24 * 3600_000)
    await pickDate(page, 'lostFrom', [lost.getDate(), lost.getMonth() + 1, lost.getFullYear()])
    await page.locator('#f-lostTime').fill('09:30')
    await page.getByLabel('สถานที่').fill('ตลาดเทศบาลนครระยอง')
    await page.getByLabel('เล่าเหตุการณ์โดยย่อ').fill('กระเป๋าสตางค์ตกหายระหว่างเดินตลาด')
    await page.getByText('ข้าพเจ้าขอยืนยันว่าข้อมูลที่แจ้งทั้งหมดเป็นความจริง').click()
    await page.getByText('ข้าพเจ้ายินยอมให้เก็บและใช้ข้อมูลส่วนบุคคล').click()
    await shot(page, 'form-filled-th-390x844')
    await page.getByRole('button', { name: 'ส่งแจ้งเอกสารหาย' }).click()

    await page.getByText('รับแจ้งเรียบร้อยแล้ว').waitFor()
    const reference = (await page.locator('.reference').textContent()) ?? ''
    expect(reference).toMatch(/^RYG-25\d\d-\d{6}$/)
    await page.getByRole('link', { name: 'ดาวน์โหลดบันทึก (PDF)' }).waitFor()
    await shot(page, 'form-done-th-390x844')
    expect(problems).toEqual([])

    const got = await s.emulator.waitForMessages(user.userId, 4)
    const receipt = got.find((m) => String(m.message.altText).startsWith(`รับแจ้งเอกสารหาย เลขที่ ${reference}`))
    expect(receipt, JSON.stringify(got.map((m) => m.message.altText))).toBeDefined()
    const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
    const [row] = await s.db.db
      .select()
      .from(lostDocumentReports)
      .where(eq(lostDocumentReports.citizenId, citizen?.id ?? ''))
    expect(row).toMatchObject({
      channel: 'liff',
      declarantName: 'นายสมชาย ใจดี',
      idNumberLast: '0121',
      phoneLast: '5678',
    })

    // The receipt as the citizen sees it in the simulator.
    const sim = await browser.newPage({ viewport: VIEWPORTS.phone })
    await sim.goto(`${s.emulator.url}/emulator#chat=${user.userId}`)
    await sim.getByText(reference).first().waitFor()
    // The simulator re-renders the whole timeline on every update, so a located bubble can be
    // replaced between finding and scrolling it: find and scroll in one step inside the page.
    await sim.evaluate(`[...document.querySelectorAll('.fx-bubble')].at(-1)?.scrollIntoView({ block: 'end' })`)
    await sim.screenshot({ path: join(SHOTS, 'receipt-simulator-390x844.png') })
    await sim.close()

    await page.getByRole('link', { name: 'ดูเรื่องที่ฉันแจ้ง' }).click()
    await page.getByRole('heading', { level: 1, name: `เรื่องเลขที่ ${reference}` }).waitFor()
    await page.getByText('x-xxxx-xxxxx-12-1').waitFor()
    await shot(page, 'report-detail-th-390x844')
    await page.close()
  })

  it('pre-fills from the last report (ID only as "use the same ID"), in English, at desktop size', async () => {
    const user = await friend('John Smith', 'en')
    await s.call('/api/liff/lost-documents', {
      method: 'POST',
      token: s.emulator.issueIdToken(user.userId),
      body: validDraft({ declarantName: 'John Smith', idType: 'passport', idNumber: 'AA1234567' }),
    })
    const { page, problems } = await open('lost-document', 'desktop', user)
    await page.getByRole('heading', { level: 1, name: 'Report lost documents' }).waitFor()
    expect(await page.getByLabel('Full name').inputValue()).toBe('John Smith')
    await page.getByText('Use the same ID as last time (xxxxx4567)').waitFor()
    expect(await page.content()).not.toContain('AA1234567')
    expect(await page.getByLabel('Mobile number').inputValue()).toBe('0812345678')
    await shot(page, 'form-prefilled-en-1280x800')
    const empty = await open('lost-document', 'desktop', await friend('สมหญิง'))
    await empty.page.getByRole('heading', { level: 1, name: 'แจ้งเอกสารหาย' }).waitFor()
    await shot(empty.page, 'form-empty-th-1280x800')
    await expectTapTargets(empty.page)
    await empty.page.close()

    await page.goto(`${s.baseUrl}/liff/my-reports`)
    await page.getByRole('heading', { level: 1, name: 'My reports' }).waitFor()
    await page.getByText('See my data').waitFor()
    await shot(page, 'my-reports-en-1280x800')
    expect(problems).toEqual([])
    await page.close()
  })

  it('the home page shows the service and my reports', async () => {
    const user = await friend('ยาย มาลี')
    const { page } = await open('', 'phone', user)
    await page.getByRole('link', { name: /แจ้งเอกสารหาย/ }).waitFor()
    await page.getByRole('link', { name: /เรื่องที่ฉันแจ้ง/ }).click()
    await page.getByRole('heading', { level: 1, name: 'เรื่องที่ฉันแจ้ง' }).waitFor()
    await page.getByText('ยังไม่มีเรื่องแจ้งเอกสารหาย').waitFor()
    await shot(page, 'my-reports-empty-th-390x844')
    await page.close()
  })
})

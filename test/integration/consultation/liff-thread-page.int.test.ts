import { mkdirSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePng } from '../../../bot/emulator/index.js'
import { attachments, citizens, officers } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiAs } from './fixtures.js'

// The citizen's own consultations in the LIFF app, in headless Chromium at a phone's and a desktop's size: the row
// under "my reports", the thread read-only (both sides, the officer by rank and name, the photo as a thumbnail
// fetched with the owner's token, the officer's file as a button), never the internal note; someone else's: refused.
const SHOTS = process.env.LIFF_SHOTS_DIR ?? '/tmp/shots-con-citizen'

describe.skipIf(!hasChromium)('citizen LIFF: my consultations', () => {
  let stack: Stack
  let browser: Browser
  let owner: { userId: string }
  let caseId = ''
  let ref = ''

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    await buildCitizenLiffOnce()
    stack = await startStack()
    browser = await launchChromium()
    owner = stack.emulator.createUser({ displayName: 'เจ้าของเรื่อง', language: 'th' })
    await stack.emulator.follow(owner.userId)
    const res = await fetch(`${stack.baseUrl}/api/liff/consultation`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${stack.emulator.issueIdToken(owner.userId)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        topic: 'debt',
        question: 'เจ้าหนี้นอกระบบโทรมาข่มขู่ทุกวัน บอกว่าจะมาที่บ้าน\nต้องทำอย่างไรครับ',
      }),
    })
    const opened = (await res.json()) as { caseId: string; referenceNumber: string }
    caseId = opened.caseId
    ref = opened.referenceNumber
    await stack.emulator.sendImage(owner.userId, { contentType: 'image/png', data: makePng(64, 48) })
    for (let i = 0; i < 200; i++) {
      const [f] = await stack.db.db.select().from(attachments).where(eq(attachments.caseId, caseId))
      if (f) {
        break
      }
      await new Promise((r) => setTimeout(r, 100))
    }
    const advisor = await signInOfficer(stack.db.db, { role: 'legal_advisor', displayName: 'line-name' })
    await stack.db.db.update(officers).set({ fullName: 'ร.ต.อ. สมชาย ใจดี' }).where(eq(officers.id, advisor.id))
    const api = apiAs(stack, advisor.headers)
    await api('POST', `/api/admin/cases/${caseId}/notes`, { body: 'บันทึกภายใน: เคยมีประวัติ' })
    const up = await fetch(`${stack.baseUrl}/api/admin/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: {
        ...advisor.headers,
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent('แบบคำร้องทุกข์.pdf'),
      },
      body: Buffer.from('%PDF-1.4\n% form\n%%EOF\n'),
    })
    const file = (await up.json()) as { id: string }
    const sent = await api('POST', `/api/admin/cases/${caseId}/messages`, {
      body: 'ได้รับเรื่องแล้วครับ การทวงหนี้ด้วยการข่มขู่เป็นความผิด แนบแบบคำร้องทุกข์ให้ กรอกแล้วนำมาที่สถานีได้เลย',
      attachmentIds: [file.id],
    })
    expect(sent.status).toBe(200)
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  it.each<[Viewport, 'th' | 'en']>([
    ['phone', 'th'],
    ['desktop', 'en'],
  ])('%s (%s): listed under my reports, the thread read-only with the photo and the file', async (viewport, lang) => {
    await stack.db.db.update(citizens).set({ language: lang }).where(eq(citizens.lineUserId, owner.userId))
    const { page, problems } = await openLiffPage(browser, stack, {
      app: 'citizen',
      path: 'my-reports',
      viewport,
      userId: owner.userId,
      lang,
    })
    const th = lang === 'th'
    await page.getByText(ref).waitFor()
    await page.getByText(th ? 'หัวข้อ: หนี้สิน / เงินกู้' : 'Topic: Debts and loans').waitFor()
    await fullPageShot(page, SHOTS, `my-consultations-${viewport}-${lang}`)
    await page.getByText(ref).click()
    await page.getByRole('heading', { level: 1, name: th ? `เรื่องปรึกษา ${ref}` : `Consultation ${ref}` }).waitFor()
    await page.getByText('ร.ต.อ. สมชาย ใจดี').waitFor()
    await page.getByText(/แบบคำร้องทุกข์\.pdf/).waitFor()
    // The photo is shown from the owner-only route (a blob fetched with the ID token), not a broken image.
    const thumb = page.locator('img.thread-thumb')
    await thumb.waitFor()
    await page.waitForFunction(
      (img) => (img as unknown as { complete: boolean; naturalWidth: number } | null)?.naturalWidth === 64,
      await thumb.elementHandle(),
    )
    const bubbles = await page
      .locator('.thread > li')
      .evaluateAll((els) => els.map((e) => ({ mine: e.classList.contains('bubble-mine'), text: e.textContent ?? '' })))
    expect(bubbles.map((b) => b.mine)).toEqual([true, true, false])
    expect(bubbles[0]?.text).toContain('เจ้าหนี้นอกระบบโทรมาข่มขู่ทุกวัน')
    expect(await page.content()).not.toContain('บันทึกภายใน')
    await fullPageShot(page, SHOTS, `consultation-thread-${viewport}-${lang}`)
    expect(problems).toEqual([])
    await page.close()
  })

  it("another citizen opening this consultation's page: not in their list, nothing of it shown", async () => {
    const stranger = stack.emulator.createUser({ displayName: 'คนอื่น', language: 'th' })
    const { page } = await openLiffPage(browser, stack, {
      app: 'citizen',
      path: `my-consultations/${caseId}`,
      viewport: 'phone',
      userId: stranger.userId,
      lang: 'th',
      ignoreConsole: /404/,
    })
    await page.getByText('ไม่พบเรื่องปรึกษานี้ในรายการของท่าน').waitFor()
    await fullPageShot(page, SHOTS, 'consultation-thread-stranger-phone-th')
    const html = await page.content()
    expect(html).not.toContain(ref)
    expect(html).not.toContain('เจ้าหนี้')
    await page.close()
  })
})

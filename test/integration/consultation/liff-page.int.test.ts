import { mkdirSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  consultationAnswerOutcomes,
  consultationAnswers,
  consultations,
  consultationTopicSettings,
  stations,
} from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'

// The citizen LIFF app's consultation page in headless Chromium, at a phone's and a desktop's size: the topic, its
// common answers first (as in the chat, recorded in the same table), then the question. Screenshots go to
// $LIFF_SHOTS_DIR (default /tmp/shots-con-citizen) for people to look at.
const SHOTS = process.env.LIFF_SHOTS_DIR ?? '/tmp/shots-con-citizen'

describe.skipIf(!hasChromium)('citizen LIFF: legal consultation page', () => {
  let stack: Stack
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    await buildCitizenLiffOnce()
    stack = await startStack()
    browser = await launchChromium()
    // Known common answers: two on scams (in the station's order), none on debts.
    const [st] = await stack.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
    const stationId = st?.id ?? ''
    await stack.db.db.delete(consultationTopicSettings).where(eq(consultationTopicSettings.stationId, stationId))
    await stack.db.db.delete(consultationAnswers).where(eq(consultationAnswers.stationId, stationId))
    await stack.db.db.insert(consultationAnswers).values([
      {
        stationId,
        topic: 'scam',
        titleTh: 'ได้รับ SMS แปลก ๆ',
        titleEn: 'A strange SMS',
        bodyTh: 'อย่ากดลิงก์ และอย่าให้รหัส OTP กับใคร',
        bodyEn: 'Do not tap the link and never give anyone an OTP.',
        position: 1,
      },
      {
        stationId,
        topic: 'scam',
        titleTh: 'โอนเงินให้มิจฉาชีพไปแล้ว',
        titleEn: 'I sent money to a scammer',
        bodyTh: 'โทรแจ้งธนาคารให้ระงับบัญชีทันที\nแล้วแจ้งความออนไลน์ที่ thaipoliceonline.go.th หรือโทร 1441',
        bodyEn:
          'Call your bank to freeze the account at once,\nthen report online at thaipoliceonline.go.th or call 1441.',
        position: 0,
      },
    ])
  }, 180_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  async function lastOutcome() {
    const rows = await stack.db.db.select().from(consultationAnswerOutcomes).orderBy(consultationAnswerOutcomes.id)
    return rows.at(-1)
  }

  async function open(viewport: Viewport, lang: 'th' | 'en', name: string) {
    const user = stack.emulator.createUser({ displayName: name, language: lang })
    await stack.emulator.follow(user.userId)
    await stack.emulator.waitForMessages(user.userId, 2)
    const opened = await openLiffPage(browser, stack, {
      app: 'citizen',
      path: 'consultation',
      viewport,
      userId: user.userId,
      lang,
    })
    const th = lang === 'th'
    await opened.page.getByRole('heading', { level: 1, name: th ? 'ปรึกษากฎหมาย' : 'Legal advice' }).waitFor()
    return { ...opened, user, th }
  }

  it.each<[Viewport, 'th' | 'en']>([
    ['phone', 'th'],
    ['desktop', 'en'],
  ])(
    '%s (%s): topic, its common answers first, "still need an officer", the question, the number',
    async (viewport, lang) => {
      const { page, problems, user, th } = await open(viewport, lang, 'หน้าเว็บ')
      await page.getByText(th ? 'เรื่องอื่น ๆ' : 'Something else').waitFor()
      await fullPageShot(page, SHOTS, `consultation-topic-${viewport}-${lang}`)
      // Nothing chosen: said on the page, nothing sent.
      await page.getByRole('button', { name: th ? 'ถัดไป' : 'Next' }).click()
      await page
        .getByRole('alert')
        .getByText(th ? 'กรุณาเลือกหัวข้อ' : 'Please choose a topic')
        .waitFor()
      await page.getByText(th ? 'ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์' : 'Scams and fraud').click()
      await page.getByRole('button', { name: th ? 'ถัดไป' : 'Next' }).click()
      const still = page.getByRole('button', { name: th ? 'ยังต้องการคุยกับเจ้าหน้าที่' : 'Still need an officer' })
      await still.waitFor()
      // The station's order, in the citizen's language; the row of what was shown is written, undecided.
      const titles = await page.locator('.card-title').allTextContents()
      expect(titles).toEqual(
        th ? ['โอนเงินให้มิจฉาชีพไปแล้ว', 'ได้รับ SMS แปลก ๆ'] : ['I sent money to a scammer', 'A strange SMS'],
      )
      expect(await lastOutcome()).toMatchObject({ topic: 'scam', sufficed: null })
      await fullPageShot(page, SHOTS, `consultation-answers-${viewport}-${lang}`)
      await still.click()
      await page.locator('#question').waitFor()
      await page
        .locator('#question')
        .fill(th ? 'โอนเงินไปแล้วสองหมื่น ธนาคารบอกให้แจ้งความก่อน' : 'I sent 20,000 baht already.')
      await fullPageShot(page, SHOTS, `consultation-question-${viewport}-${lang}`)
      await page.getByRole('button', { name: th ? 'ส่งคำถาม' : 'Send my question' }).click()
      const ref = page.getByText(/RYG-CON-\d{4}-\d{6}/)
      await ref.waitFor()
      await fullPageShot(page, SHOTS, `consultation-done-${viewport}-${lang}`)
      const number = /RYG-CON-\d{4}-\d{6}/.exec((await ref.textContent()) ?? '')?.[0]
      const [receipt] = (await stack.emulator.waitForMessages(user.userId, 3)).slice(2)
      expect(JSON.stringify(receipt?.message)).toContain(number)
      const outcome = await lastOutcome()
      expect(outcome?.sufficed).toBe(false)
      const [k] = await stack.db.db
        .select()
        .from(consultations)
        .where(eq(consultations.caseId, outcome?.caseId ?? '00000000-0000-0000-0000-000000000000'))
      expect(k).toMatchObject({ topic: 'scam', openedVia: 'liff' })
      await page.reload()
      await page.getByText(number ?? 'x').waitFor()
      expect(problems).toEqual([])
      await page.close()
    },
  )

  it.each<[Viewport, 'th' | 'en']>([
    ['phone', 'en'],
    ['desktop', 'th'],
  ])('%s (%s): "this answered my question" ends there, counted as sufficed, nothing opened', async (viewport, lang) => {
    const { page, problems, user, th } = await open(viewport, lang, 'พอแล้ว')
    await page.getByText(th ? 'ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์' : 'Scams and fraud').click()
    await page.getByRole('button', { name: th ? 'ถัดไป' : 'Next' }).click()
    await page.getByRole('button', { name: th ? 'ตอบคำถามแล้ว ขอบคุณ' : 'This answered my question' }).click()
    await page.getByText(th ? 'ยินดีครับ' : 'Glad to help').waitFor()
    await fullPageShot(page, SHOTS, `consultation-thanks-${viewport}-${lang}`)
    expect(await lastOutcome()).toMatchObject({ topic: 'scam', sufficed: true, caseId: null })
    expect(stack.emulator.messagesTo(user.userId)).toHaveLength(2) // the welcome only: no receipt
    expect(problems).toEqual([])
    await page.close()
  })

  it('a topic without common answers goes straight to the question', async () => {
    const { page, problems, th } = await open('phone', 'th', 'ตรงไป')
    await page.getByText('หนี้สิน / เงินกู้').click()
    await page.getByRole('button', { name: th ? 'ถัดไป' : 'Next' }).click()
    await page.locator('#question').waitFor()
    await page.getByText('หัวข้อ: หนี้สิน / เงินกู้').waitFor()
    expect(problems).toEqual([])
    await page.close()
  })
})

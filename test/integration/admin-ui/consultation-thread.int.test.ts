import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notifyCaseChange } from '../../../bot/cases/case-feed.js'
import type { AttachmentMeta, CaseEvent, CaseList, CaseListItem, CaseView } from '../../../bot/contracts/admin-api.js'
import type { ConsultationDetail } from '../../../bot/contracts/consultations.js'
import { auditLog, caseEvents } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { openLiffPage, VIEWPORTS, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import {
  ANSWER_FAILED,
  ANSWER_PUSH,
  ANSWER_REPLY,
  CANNED,
  consultationDetail,
  FOLLOW_UP,
  json,
  NOTE,
  QUESTION,
  recordRequests,
  seedConsultation,
  sentEvent,
} from './consultation-fixtures.js'
import { SHOTS, shot } from './pages.js'
import { seedOfficer } from './seed.js'

// Issue #12, point 4: the consultation as a chat on the officers' page, in headless Chromium at phone and desktop
// size. The case, its events and notes come from the real server (main); what B and C2 add (the consultation detail,
// canned replies, reads, attachments, messages with canned replies, close, convert) is answered here with JSON typed
// by the contract. Screenshots: $ADMIN_SHOTS_DIR (/tmp/admin-shots).
describe.skipIf(!hasChromium)('officers page: a consultation as a chat', () => {
  let stack: Stack
  let browser: Browser
  let admin: Awaited<ReturnType<typeof seedOfficer>>
  let colleague: Awaited<ReturnType<typeof seedOfficer>>
  let seeded: Awaited<ReturnType<typeof seedConsultation>>

  beforeAll(async () => {
    await buildAdminOnce()
    stack = await startStack({ worker: false })
    admin = await seedOfficer(stack, 'admin', 'ร.ต.อ. สมชาย ใจดี')
    colleague = await seedOfficer(stack, 'admin', 'ด.ต. มานะ อดทน')
    seeded = await seedConsultation(stack, admin.officer.id)
    browser = await launchChromium()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await stack?.close()
  })

  /** Opens the thread with the new endpoints answered by the test; `added` are events the page's sends create. */
  async function openThread(viewport: Viewport, detail: Partial<ConsultationDetail> = {}) {
    const id = seeded.case.id
    const added: CaseEvent[] = []
    const opened = await openLiffPage(browser, stack, {
      app: 'admin',
      path: `cases/${id}`,
      viewport,
      userId: admin.user.userId,
      ignoreConsole: /status of 40[13]/,
      prepare: async (page: Page) => {
        await page.route(
          (url) => url.pathname === `/api/admin/cases/${id}`,
          async (route) => {
            const res = await route.fetch()
            const view = (await res.json()) as CaseView
            const body: CaseView & { consultation: ConsultationDetail } = {
              ...view,
              events: [...view.events, ...added],
              consultation: { ...consultationDetail(seeded.at), ...detail },
            }
            await json(route, body)
          },
        )
        await page.route(`**/api/admin/cases/${id}/read`, (route) => route.fulfill({ status: 204 }))
        await page.route('**/api/admin/canned-replies', (route) => json(route, { items: CANNED }))
        await page.route(`**/api/admin/cases/${id}/messages`, async (route) => {
          const sent = route.request().postDataJSON() as { body?: string }
          const answer = sentEvent(900_000 + added.length, sent.body ?? '')
          added.push(answer.event)
          await json(route, answer)
        })
        await page.route(`**/api/admin/cases/${id}/attachments`, (route) => {
          const meta: AttachmentMeta = {
            id: 'att-officer-1',
            contentType: route.request().headers()['content-type'] ?? '',
            fileName: decodeURIComponent(route.request().headers()['x-file-name'] ?? ''),
            size: route.request().postDataBuffer()?.length ?? 0,
            createdAt: new Date().toISOString(),
          }
          return json(route, meta, 201)
        })
        await page.route(`**/api/admin/consultations/${id}/close`, (route) => json(route, {}))
        await page.route(`**/api/admin/consultations/${id}/convert`, (route) => json(route, { caseId: id }))
      },
    })
    const sent = recordRequests(opened.page)
    await opened.page.getByRole('heading', { level: 1, name: seeded.case.referenceNumber }).waitFor()
    return { ...opened, sent, added }
  }

  /** Closes a page whose routed answers may still be in flight (a reload the last action started). */
  async function done(page: Page) {
    await page.unrouteAll({ behavior: 'ignoreErrors' })
    await page.close()
  }

  async function expectNoSideScroll(page: Page, viewport: Viewport) {
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'))
    expect(width, 'nothing overflows sideways').toBeLessThanOrEqual(VIEWPORTS[viewport].width)
  }

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`both sides in order, delivery states, a distinct internal note and the timers at ${viewport} size`, async () => {
      const { page, problems } = await openThread(viewport)
      const chat = page.locator('.chat')
      await chat.locator('.bubble-out', { hasText: ANSWER_PUSH }).waitFor()
      const order = await chat
        .locator('.bubble, .chat-note')
        .evaluateAll((els) => els.map((el) => `${el.className.split(' ')[1] ?? el.className}`))
      expect(order).toEqual([
        'bubble-in',
        'bubble-in',
        'bubble-out',
        'chat-note',
        'bubble-out',
        'bubble-out',
        'bubble-in',
        'bubble-out',
      ])
      const delivery = await chat.locator('.bubble-out').evaluateAll((els) => els.map((el) => el.dataset.delivery))
      expect(delivery).toEqual(['reply', 'push', 'failed', 'queued'])
      await chat.locator('.bubble-out', { hasText: ANSWER_REPLY }).getByText('ไม่เสียโควตา').waitFor()
      await chat.locator('.bubble-out', { hasText: ANSWER_PUSH }).getByText('นับโควตาข้อความ').waitFor()
      await chat
        .locator('.bubble-out', { hasText: ANSWER_FAILED })
        .getByText('ส่งไม่สำเร็จ: ผู้ขอคำปรึกษาบล็อกหรือยังไม่ได้เพิ่มบัญชีไลน์ของสถานีเป็นเพื่อน โปรดติดต่อทางโทรศัพท์')
        .waitFor()
      // LINE's own words stay beside it, for whoever asks LINE about it.
      await chat
        .locator('.bubble-out', { hasText: ANSWER_FAILED })
        .getByText('LINE: The user has blocked the official account (403)')
        .waitFor()
      const note = chat.locator('.chat-note', { hasText: NOTE })
      await note.getByText('บันทึกภายใน').waitFor()
      expect(await page.evaluate("getComputedStyle(document.querySelector('.chat-note')).borderStyle")).toBe('dashed')
      // The question is stored encrypted and shown to an officer who may answer it (cases.act); the follow-up is text.
      await chat.locator('.bubble-in', { hasText: QUESTION }).first().waitFor()
      await chat.getByText(FOLLOW_UP).waitFor()
      // Two entries were unread when the page opened: a line marks where they start.
      expect(await page.evaluate("document.querySelector('.chat-unread').nextElementSibling.textContent")).toContain(
        FOLLOW_UP,
      )
      const img = chat.locator('.bubble-in img')
      await expect
        .poll(() => img.evaluate((el: { complete: boolean; naturalWidth: number }) => el.complete && el.naturalWidth))
        .toBe(320)
      // The header: topic, the waiting time, the first answer overdue in red, the officer's names, BE dates.
      await page.getByText('ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์').first().waitFor()
      await page.getByText(/รอเจ้าหน้าที่ตอบ 10 นาที/).waitFor()
      const late = page.locator('.sla-late')
      await late.getByText(/เลยกำหนด/).waitFor()
      expect(await page.evaluate("getComputedStyle(document.querySelector('.sla-late')).color")).toBe(
        'rgb(180, 35, 24)',
      )
      expect(await chat.locator('.bubble-out .bubble-who').first().textContent()).toBe(admin.officer.displayName)
      expect(await page.getByText(/\d{1,2} [ก-๙.]+ 25\d\d \d\d:\d\d น\./).count(), 'BE dates').toBeGreaterThan(0)
      await expectNoSideScroll(page, viewport)
      await shot(page, 'consultation-thread', viewport)
      // The chat and its composer as a person sees them (a phone's full page is too tall to read).
      await page
        .locator('.card', { has: page.locator('.chat') })
        .screenshot({ path: join(SHOTS, `consultation-chat-${VIEWPORTS[viewport].width}.png`) })
      expect(problems).toEqual([])
      await done(page)
    })
  }

  it('composes: Enter adds a line, a canned reply is inserted, a file attached, Ctrl+Enter sends', async () => {
    const { page, problems, sent } = await openThread('phone')
    const box = page.locator('#con-reply')
    await box.click()
    await box.type('เรียนคุณผู้ขอคำปรึกษา')
    await box.press('Enter')
    await box.type('ขั้นตอนมีดังนี้')
    expect(await box.inputValue()).toBe('เรียนคุณผู้ขอคำปรึกษา\nขั้นตอนมีดังนี้')
    expect(
      sent.filter((r) => r.path.endsWith('/messages')),
      'Enter alone sends nothing',
    ).toEqual([])

    await page.getByRole('button', { name: 'ข้อความสำเร็จรูป' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('heading', { name: 'ของสถานี' }).waitFor()
    await dialog.getByRole('heading', { name: 'ของฉัน' }).waitFor()
    // The answer being written kept as one of the officer's own replies.
    await dialog.getByRole('textbox', { name: /เก็บข้อความที่พิมพ์อยู่/ }).fill('ขั้นตอนแจ้งความ')
    await shot(page, 'consultation-canned', 'phone')
    await dialog.getByRole('button', { name: 'เก็บเป็นของฉัน' }).click()
    await expect
      .poll(() => sent.find((r) => r.method === 'POST' && r.path === '/api/admin/canned-replies')?.body)
      .toEqual({
        scope: 'personal',
        title: 'ขั้นตอนแจ้งความ',
        body: 'เรียนคุณผู้ขอคำปรึกษา\nขั้นตอนมีดังนี้',
        position: 2,
      })
    await dialog.locator('.canned-item').first().waitFor()
    await dialog
      .locator('.canned-list')
      .first()
      .screenshot({ path: join(SHOTS, 'consultation-canned-list-390.png') })
    await dialog.getByRole('searchbox').fill('รับเรื่อง')
    expect(await dialog.locator('.canned-item').count()).toBe(1)
    await dialog.locator('.canned-item', { hasText: 'รับเรื่อง' }).click()
    await expect.poll(() => box.inputValue()).toContain('สวัสดีครับคุณ{name} สถานีได้รับเรื่อง {ref} แล้ว')
    await page.locator('.ph-chip', { hasText: 'ชื่อผู้ขอคำปรึกษา' }).waitFor()
    await page.locator('.ph-chip', { hasText: 'เลขที่การปรึกษา' }).waitFor()

    await page.locator('.composer-attach input[type=file]').setInputFiles({
      name: 'ขั้นตอนแจ้งความ.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4 test'),
    })
    await page.locator('.file-chip', { hasText: 'ขั้นตอนแจ้งความ.pdf' }).waitFor()
    await box.scrollIntoViewIfNeeded()
    await page.locator('.chat-composer').screenshot({ path: join(SHOTS, 'consultation-composer-390.png') })
    await expectNoSideScroll(page, 'phone')

    const draft = await box.inputValue()
    await box.press('Control+Enter')
    await page.locator('.bubble-out[data-delivery="queued"]', { hasText: 'ขั้นตอนมีดังนี้' }).waitFor()
    const upload = sent.find((r) => r.path.endsWith('/attachments'))
    expect(upload?.method).toBe('POST')
    const message = sent.find((r) => r.path.endsWith('/messages'))
    expect(message?.body).toEqual({ body: draft.trim(), cannedReplyId: 'c-1', attachmentIds: ['att-officer-1'] })
    expect(await box.inputValue()).toBe('')
    expect(await page.locator('.file-chip').count()).toBe(0)
    expect(
      sent.some((r) => r.path.endsWith('/read')),
      'the thread is marked read',
    ).toBe(true)
    expect(problems).toEqual([])
    await done(page)
  })

  it('a citizen message arriving while the officer types shows up and the draft stays', async () => {
    const { page, problems } = await openThread('desktop')
    await page.locator('.live-live, .chat').first().waitFor()
    const box = page.locator('#con-reply')
    await box.fill('กำลังพิมพ์คำตอบ\nบรรทัดที่สอง')
    await page.waitForTimeout(1_000) // the stream is connected before the citizen writes
    await stack.db.db.transaction(async (tx) => {
      await tx.insert(caseEvents).values({
        caseId: seeded.case.id,
        type: 'message_in',
        actorType: 'citizen',
        body: 'ส่งสลิปเพิ่มให้แล้วนะคะ',
        data: { messageType: 'text' },
      })
      await notifyCaseChange(tx, seeded.case, 'updated')
    })
    await page.locator('.bubble-in', { hasText: 'ส่งสลิปเพิ่มให้แล้วนะคะ' }).waitFor({ timeout: 10_000 })
    expect(await box.inputValue()).toBe('กำลังพิมพ์คำตอบ\nบรรทัดที่สอง')
    // Leaving the page and coming back (here: a reload) keeps the half-written answer in this tab.
    await page.reload()
    await page.locator('.bubble-in', { hasText: 'ส่งสลิปเพิ่มให้แล้วนะคะ' }).waitFor()
    expect(await page.locator('#con-reply').inputValue()).toBe('กำลังพิมพ์คำตอบ\nบรรทัดที่สอง')
    expect(problems).toEqual([])
    await done(page)
  })

  it("an officer who answers reads the citizen's question in the chat; the view is audited (real server)", async () => {
    const { page, problems } = await openThread('phone')
    const question = page.locator('.bubble-in').first()
    // Stored encrypted; the thread is shown decrypted to officers who may answer it (cases.act), never masked there.
    await question.getByText(QUESTION).waitFor()
    const views = await stack.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'consultation.thread_view'), eq(auditLog.entityId, seeded.case.id)))
    expect(views.length).toBeGreaterThan(0)
    expect(JSON.stringify(views)).not.toContain(QUESTION)
    await question.screenshot({ path: join(SHOTS, 'consultation-question-390.png') })
    expect(problems).toEqual([])
    await done(page)
  })

  it('an internal note is saved (real server) and shown as a yellow band', async () => {
    const { page, problems, sent } = await openThread('phone')
    await page.getByText('บันทึกภายใน (ไม่ส่งถึงผู้ขอคำปรึกษา)').click()
    await page.locator('.chat-composer.is-note').waitFor()
    await page.locator('#con-reply').fill('นัดผู้ขอคำปรึกษามาให้ปากคำวันจันทร์')
    await page.locator('.chat-composer').getByRole('button', { name: 'บันทึก', exact: true }).click()
    await page.locator('.chat-note', { hasText: 'นัดผู้ขอคำปรึกษามาให้ปากคำวันจันทร์' }).waitFor()
    expect(sent.find((r) => r.path.endsWith('/notes'))?.body).toEqual({ body: 'นัดผู้ขอคำปรึกษามาให้ปากคำวันจันทร์' })
    expect(sent.some((r) => r.path.endsWith('/messages'))).toBe(false)
    expect(problems).toEqual([])
    await done(page)
  })

  it('actions: close with a summary sent to the citizen, convert after a confirmation, transfer with a note', async () => {
    const { page, problems, sent } = await openThread('phone')
    await page.getByRole('button', { name: 'ปิดการสนทนา' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('textbox').fill('แนะนำให้แจ้งความออนไลน์และอายัดบัญชีแล้ว')
    await dialog.getByRole('checkbox').check()
    await shot(page, 'consultation-close', 'phone')
    // The page reloads the case after an action: the next form is filled once that reload has landed.
    const reloaded = page.waitForResponse(
      (r) => r.request().method() === 'GET' && new URL(r.url()).pathname === `/api/admin/cases/${seeded.case.id}`,
    )
    await dialog.getByRole('button', { name: 'ปิดการสนทนา' }).click()
    await expect
      .poll(() => sent.find((r) => r.path.endsWith('/close'))?.body)
      .toEqual({ summary: 'แนะนำให้แจ้งความออนไลน์และอายัดบัญชีแล้ว', sendSummary: true })
    await reloaded

    await page.getByRole('combobox', { name: 'โอนให้เจ้าหน้าที่อื่น' }).selectOption(colleague.officer.id)
    const transferNote = page.getByRole('textbox', { name: /หมายเหตุถึงผู้รับโอน/ })
    await transferNote.fill('เรื่องหนี้นอกระบบ รบกวนช่วยดูต่อ')
    await expect.poll(() => transferNote.inputValue()).toBe('เรื่องหนี้นอกระบบ รบกวนช่วยดูต่อ')
    await page.getByRole('button', { name: 'โอนเรื่อง' }).click()
    await expect
      .poll(() => sent.find((r) => r.path.endsWith('/assign'))?.body)
      .toEqual({ officerId: colleague.officer.id, note: 'เรื่องหนี้นอกระบบ รบกวนช่วยดูต่อ' })
    // The real server (C2's transfer): the assignment line in the thread carries the note.
    await page.locator('.chat-log .transfer-note', { hasText: 'เรื่องหนี้นอกระบบ รบกวนช่วยดูต่อ' }).waitFor()

    // Last, as it opens the new case (re-mounting the page): converting after a confirmation.
    await page.getByRole('button', { name: 'เปลี่ยนเป็นเรื่องประเภทอื่น' }).click()
    await dialog.getByRole('radio', { name: 'เหตุด่วน SOS' }).check({ force: true })
    await shot(page, 'consultation-convert', 'phone')
    await dialog.getByRole('button', { name: 'เปลี่ยนและเปิดเรื่องใหม่' }).click()
    await expect.poll(() => sent.find((r) => r.path.endsWith('/convert'))?.body).toEqual({ kind: 'sos' })
    expect(problems).toEqual([])
    await done(page)
  })

  for (const viewport of ['phone', 'desktop'] as const) {
    it(`the inbox shows a consultation's unread count and waiting time at ${viewport} size`, async () => {
      const { page, problems } = await openLiffPage(browser, stack, {
        app: 'admin',
        path: '',
        viewport,
        userId: admin.user.userId,
        ignoreConsole: /status of 40[13]/,
        prepare: async (p: Page) => {
          await p.route(
            (url) => url.pathname === '/api/admin/cases',
            async (route) => {
              const list = (await (await route.fetch()).json()) as CaseList
              const items: (CaseListItem & { unread?: number })[] = list.items.map((item) =>
                item.id === seeded.case.id ? { ...item, unread: 3 } : item,
              )
              await json(route, { ...list, items })
            },
          )
        },
      })
      const row = page.locator('.case-row', { hasText: seeded.case.referenceNumber })
      await row.getByText('ยังไม่ได้อ่าน 3').waitFor()
      await row.getByText(/^รอ \d/).waitFor()
      await shot(page, 'consultation-inbox', viewport)
      await page.getByText('ตัวกรองเพิ่มเติม').click()
      expect(await page.getByRole('combobox', { name: 'ประเภท' }).locator('option').allTextContents()).toContain(
        'ปรึกษากฎหมาย',
      )
      await expectNoSideScroll(page, viewport)
      expect(problems, problems.join('\n')).toEqual([])
      await done(page)
    })
  }

  it('a closed, rated consultation shows the rating and no close button', async () => {
    const { page, problems } = await openThread('desktop', {
      closedAt: seeded.at(2).toISOString(),
      closedBy: 'citizen',
      rating: 4,
    })
    await page.getByRole('img', { name: '4 จาก 5' }).waitFor()
    await page.getByText(/ปิดการสนทนาเมื่อ .* \(โดยผู้ขอคำปรึกษา\)/).waitFor()
    expect(await page.getByRole('button', { name: 'ปิดการสนทนา' }).count()).toBe(0)
    await shot(page, 'consultation-closed', 'desktop')
    // English is one tap away: the same thread, every word of it in English.
    await page.getByRole('button', { name: 'English' }).click()
    await page.getByRole('heading', { name: 'Conversation' }).waitFor()
    await page.getByText('Scams and fraud').first().waitFor()
    await page.getByText('Sent by push').waitFor()
    await page.locator('.push-badge', { hasText: 'counts against the quota' }).waitFor()
    await page.locator('.chat-note').first().getByText('Internal note').waitFor()
    await page.getByText(/Closed .* \(by the citizen\)/).waitFor()
    await page.getByPlaceholder(/Write your answer/).waitFor()
    await shot(page, 'consultation-closed-en', 'desktop')
    expect(problems).toEqual([])
    await done(page)
  })
})

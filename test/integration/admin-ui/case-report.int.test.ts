import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePng } from '../../../bot/emulator/index.js'
import { createPiiCipher } from '../../../bot/privacy/pii-cipher.js'
import { attachments, auditLog, caseEvents, lostDocumentItems, lostDocumentReports } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildAdminOnce } from '../../helpers/liff-build.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { DECLARANT, insertReport, lineFriend, STREET } from '../lost-documents/record-fixtures.js'
import { openAdmin, SHOTS, shot, VIEWPORTS } from './pages.js'
import { seedOfficer } from './seed.js'

// Issue #8, point 4: officers see the whole lost-document report (every field the citizen gave, personal ones masked
// until revealed with a reason), each number under its own label, the timeline with the citizen's photo, the PDF.
const PASSPORT = 'AA1234567'
const FOREIGN_PASSPORT = 'X98765432'

type Fact = { label: { th: string; en: string }; value: { th: string; en: string } | null; field?: string }
type Section = { id: string; title: { th: string; en: string }; facts: Fact[] }

let s: Stack
let admin: Awaited<ReturnType<typeof seedOfficer>>
let report: Awaited<ReturnType<typeof insertReport>>
let png: Buffer
let apiOfficer: TestOfficer

beforeAll(async () => {
  s = await startStack({ worker: false })
  admin = await seedOfficer(s, 'admin', 'พ.ต.ท. วิชัย รักษาดี')
  report = await insertReport(s, { lineUserId: lineFriend(s, 'Mr Tourist', 'en').userId, language: 'en' })
  // A foreigner: the declarant's ID is a passport, and one lost document is a foreign passport.
  const cipher = createPiiCipher(s.deps.config.piiEncryptionKey)
  await s.db.db
    .update(lostDocumentReports)
    .set({
      idType: 'passport',
      idNumberEnc: cipher.encrypt(PASSPORT),
      idNumberLast: PASSPORT.slice(-4),
      circumstancesEnc: cipher.encrypt('ลืมกระเป๋าไว้บนรถสองแถว'),
      circumstances: null,
    })
    .where(eq(lostDocumentReports.caseId, report.caseId))
  await s.db.db
    .update(lostDocumentItems)
    .set({
      documentType: 'foreign_passport',
      numberEnc: cipher.encrypt(FOREIGN_PASSPORT),
      numberLast: FOREIGN_PASSPORT.slice(-4),
    })
    .where(and(eq(lostDocumentItems.caseId, report.caseId), eq(lostDocumentItems.position, 1)))
  apiOfficer = await signInOfficer(s.db.db, { role: 'admin' })
  const approved = await s.app.inject({
    method: 'POST',
    url: `/api/admin/lost-documents/${report.caseId}/approve`,
    headers: apiOfficer.headers,
  })
  expect(approved.statusCode, approved.body).toBe(200)
  // A photo the citizen sent, as the fetch-content job stores it (cases/media.int.test.ts drives the job itself).
  png = makePng(320, 240, [40, 120, 200])
  const [entry] = await s.db.db
    .insert(caseEvents)
    .values({ caseId: report.caseId, type: 'message_in', actorType: 'citizen', data: { messageType: 'image' } })
    .returning()
  const [file] = await s.db.db
    .insert(attachments)
    .values({
      caseId: report.caseId,
      caseEventId: entry?.id,
      contentType: 'image/png',
      fileName: 'image.png',
      size: png.length,
      sha256: createHash('sha256').update(png).digest('hex'),
      bytesEnc: s.deps.cipher.encryptBytes(png),
    })
    .returning()
  await s.db.db
    .update(caseEvents)
    .set({
      data: {
        messageType: 'image',
        content: 'stored',
        attachmentId: file?.id,
        contentType: 'image/png',
        size: png.length,
      },
    })
    .where(eq(caseEvents.id, entry?.id ?? 0))
}, 120_000)
afterAll(async () => {
  await s?.close()
})

describe('the officers see the whole lost-document report', () => {
  it('the case detail carries every field, masked, with the right labels and the reveal field of each', async () => {
    const headers = apiOfficer.headers
    const res = await s.app.inject({ method: 'GET', url: `/api/admin/cases/${report.caseId}`, headers })
    expect(res.statusCode, res.body).toBe(200)
    const c = res.json().case as { sections: Section[]; links: { id: string; href: string }[]; revealable: string[] }
    // Nothing personal in clear: name, ID, passport numbers, street, story.
    for (const secret of [
      DECLARANT,
      PASSPORT,
      FOREIGN_PASSPORT,
      STREET,
      'ลับเฉพาะ',
      'สองแถว',
      '0812345678',
      '1990-01-05',
    ]) {
      expect(res.body).not.toContain(secret)
    }
    const facts = c.sections.flatMap((x) => x.facts)
    const byField = (f: string) => facts.find((x) => x.field === f)
    expect(byField('nationalId')).toMatchObject({
      label: { th: 'เลขหนังสือเดินทาง', en: 'Passport number' },
      value: { th: 'xxxxx4567' },
    })
    expect(facts.map((f) => f.label.th)).not.toContain('เลขประจำตัวประชาชน')
    expect(byField('declarantName')?.value?.th).toMatch(/\*/)
    for (const f of ['dateOfBirth', 'phone', 'address', 'circumstances', 'document_1', 'document_2']) {
      expect(byField(f), f).toBeDefined()
      expect(c.revealable).toContain(f)
    }
    expect(byField('document_1')?.label).toEqual({ th: 'เลขหนังสือเดินทาง', en: 'Passport number' })
    expect(byField('document_2')?.label).toEqual({ th: 'เลขที่บัญชี', en: 'Account number' })
    const labels = facts.map((f) => f.label.th)
    expect(labels).toEqual(expect.arrayContaining(['วันเวลาที่หาย', 'สถานที่', 'ที่อยู่ที่ติดต่อได้', 'วันเกิด']))
    expect(facts.find((f) => f.label.th === 'สถานที่')?.value?.th).toBe('ตลาดเทศบาลนครระยอง')
    expect(c.sections.map((x) => x.title.en)).toEqual([
      "Declarant's details",
      'The loss',
      'Lost document 1: Foreign passport',
      'Lost document 2: Bank passbook',
    ])

    // Each field reveals its own value, audited with the reason.
    const reveal = async (field: string) => {
      const r = await s.app.inject({
        method: 'POST',
        url: `/api/admin/cases/${report.caseId}/reveal`,
        headers,
        payload: { field, reason: 'ตรวจสอบกับหนังสือเดินทาง' },
      })
      expect(r.statusCode, r.body).toBe(200)
      return r.json().value as string
    }
    expect(await reveal('nationalId')).toBe(PASSPORT)
    expect(await reveal('document_1')).toBe(FOREIGN_PASSPORT)
    expect(await reveal('declarantName')).toBe(DECLARANT)
    expect(await reveal('address')).toContain('ลับเฉพาะ 7')
    expect(await reveal('dateOfBirth')).toContain('2533')
    expect(await reveal('circumstances')).toBe('ลืมกระเป๋าไว้บนรถสองแถว')
    const audited = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, report.caseId), eq(auditLog.action, 'case.reveal')))
    expect(audited.map((a) => (a.details as { field: string }).field)).toEqual(
      expect.arrayContaining(['nationalId', 'document_1', 'declarantName', 'address', 'dateOfBirth']),
    )

    // The issued record's PDF, a relative link that opens.
    const pdf = c.links.find((l) => l.id === 'pdf_th')
    expect(pdf?.href).toMatch(/^\/api\/liff\/lost-documents\/.+\/record\.pdf\?/)
    const file = await s.app.inject({ method: 'GET', url: pdf?.href ?? '' })
    expect(file.statusCode).toBe(200)
    expect(file.headers['content-type']).toContain('application/pdf')
  })

  for (const viewport of ['phone', 'desktop'] as const) {
    it.skipIf(!hasChromium)(
      `the case page shows it at ${viewport} size; a reveal shows the passport number`,
      async () => {
        await buildAdminOnce()
        const browser: Browser = await launchChromium()
        try {
          const { page, problems } = await openAdmin(browser, s, `cases/${report.caseId}`, viewport, admin.user.userId)
          await page.getByRole('heading', { name: 'ข้อมูลผู้แจ้ง', exact: true }).waitFor()
          await page.getByText('เลขหนังสือเดินทาง').first().waitFor()
          await page.getByText('เอกสารที่หาย 2: สมุดบัญชีเงินฝาก').waitFor()
          await page.getByText('ตลาดเทศบาลนครระยอง').waitFor()
          expect(await page.getByText('เลขประจำตัวประชาชน').count()).toBe(0)
          expect(await page.content()).not.toContain(PASSPORT)
          await page.getByRole('link', { name: /PDF ภาษาไทย/ }).waitFor()
          // The citizen's photo in the timeline, served to the signed-in officer.
          const img = page.locator('.timeline img')
          await img.scrollIntoViewIfNeeded()
          await expect
            .poll(() =>
              img.evaluate((el: { complete: boolean; naturalWidth: number }) => el.complete && el.naturalWidth),
            )
            .toBe(320)
          await shot(page, 'case-report', viewport)

          const row = page.locator('.fact-row', { hasText: 'เลขหนังสือเดินทาง' }).first()
          await row.getByRole('button', { name: /แสดง/ }).click()
          const dialog = page.getByRole('dialog')
          await dialog.getByText('เลขหนังสือเดินทาง').first().waitFor()
          await dialog.getByRole('textbox').fill('ตรวจสอบกับหนังสือเดินทาง')
          await dialog.getByRole('button', { name: 'แสดงข้อมูล' }).click()
          await page.locator('.revealed', { hasText: PASSPORT }).waitFor()
          await shot(page, 'case-report-revealed', viewport)
          // What a person sees on the screen (a full-page shot of a phone is too tall to read): the report's cards.
          for (const part of ['declarant', 'loss', 'document_1']) {
            await page.locator(`[data-section="${part}"]`).scrollIntoViewIfNeeded()
            await page.screenshot({ path: join(SHOTS, `case-report-${part}-${VIEWPORTS[viewport].width}.png`) })
          }
          expect(problems).toEqual([])
          await page.close()
        } finally {
          await browser.close()
        }
      },
    )
  }

  it('a status that needs a message says so before the button, and the server refusal is one clean sentence each', async () => {
    const refused = await s.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${report.caseId}/status`,
      headers: apiOfficer.headers,
      payload: { status: 'revoked' },
    })
    expect(refused.statusCode).toBe(400)
    const err = refused.json().error as { message: string; messageTh: string }
    expect(err.message).toBe('Please write the reason in the message to the citizen (required for this status).')
    expect(err.messageTh).toMatch(/^กรุณาพิมพ์เหตุผล/)
    expect(`${err.message}${err.messageTh}`).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/)
  })

  it.skipIf(!hasChromium)(
    'the case page: a required message is labelled so; a short reveal reason is explained',
    async () => {
      await buildAdminOnce()
      const browser: Browser = await launchChromium()
      try {
        const { page, problems } = await openAdmin(browser, s, `cases/${report.caseId}`, 'phone', admin.user.userId)
        await page.getByRole('heading', { name: 'ข้อมูลผู้แจ้ง', exact: true }).waitFor()
        await page.getByRole('radio', { name: 'ยกเลิกบันทึก' }).check()
        await page.getByText('ข้อความถึงผู้แจ้ง (จำเป็น)').waitFor()
        await page.getByText('พิมพ์ข้อความถึงผู้แจ้งก่อน จึงจะเปลี่ยนเป็นสถานะนี้ได้').waitFor()
        const apply = page.getByRole('button', { name: 'เปลี่ยนสถานะและแจ้งผู้แจ้ง' })
        expect(await apply.isDisabled()).toBe(true)
        expect(await page.getByText('ไม่บังคับ').count()).toBe(0)
        await page.locator('.case-side textarea, form textarea[required]').first().fill('ออกบันทึกผิดฉบับ')
        expect(await apply.isDisabled()).toBe(false)
        await page.locator('.case-side textarea, form textarea[required]').first().scrollIntoViewIfNeeded()
        await shot(page, 'case-status-required', 'phone')

        await page.locator('.fact-row', { hasText: 'วันเกิด' }).getByRole('button', { name: /แสดง/ }).click()
        const dialog = page.getByRole('dialog')
        await dialog.getByRole('textbox').fill('ตร')
        await dialog.getByText('พิมพ์เหตุผลอย่างน้อย 5 ตัวอักษร').waitFor()
        expect(await dialog.getByRole('button', { name: 'แสดงข้อมูล' }).isDisabled()).toBe(true)
        await shot(page, 'case-reveal-hint', 'phone')
        await dialog.getByRole('textbox').fill('ตรวจสอบอายุผู้แจ้ง')
        expect(await dialog.getByText('พิมพ์เหตุผลอย่างน้อย 5 ตัวอักษร').count()).toBe(0)
        expect(await dialog.getByRole('button', { name: 'แสดงข้อมูล' }).isDisabled()).toBe(false)
        expect(problems).toEqual([])
        await page.close()
      } finally {
        await browser.close()
      }
    },
  )
})

import { mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase } from '../../../bot/cases/cases.service.js'
import { stations } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, VIEWPORTS, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { DECLARANT, FULL_ID, insertReport, lineFriend } from '../lost-documents/record-fixtures.js'

// The citizen's "my data" in the built LIFF app, in headless Chromium. Screenshots: $LIFF_SHOTS_DIR (/tmp/liff-shots).
const SHOTS = process.env.LIFF_SHOTS_DIR ?? join(tmpdir(), 'liff-shots')

describe.skipIf(!hasChromium)('my data (PDPA) in the citizen LIFF app', () => {
  let s: Stack
  let browser: Browser
  let userId = ''

  beforeAll(async () => {
    await buildCitizenLiffOnce() // a rebuild would empty dist/liff under another file's browser
    mkdirSync(SHOTS, { recursive: true })
    s = await startStack({ worker: false })
    browser = await launchChromium()
    userId = lineFriend(s, 'สมศรี ข้อมูลครบ').userId
    const { citizenId } = await insertReport(s, { lineUserId: userId })
    await s.db.db.transaction(async (tx) => {
      const [station] = await tx.select().from(stations).where(eq(stations.code, 'RYG'))
      if (station) {
        await createCase(tx, {
          station,
          kind: 'sos',
          citizenId,
          summary: 'แจ้งเหตุฉุกเฉิน: สวนศรีเมือง',
          location: { latitude: 12.6736, longitude: 101.2795 },
          priority: 'urgent',
        })
      }
    })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await s?.close()
  })

  const open = (path: string, viewport: Viewport) =>
    openLiffPage(browser, s, { app: 'citizen', path, viewport, userId, acceptDownloads: true })
  const shot = (page: Page, name: string) => fullPageShot(page, SHOTS, name)

  it('the deletion request: a short toast inside the screen, the full answer (s.33, 30 days) in the card', async () => {
    const { page, problems } = await open('my-reports', 'phone')
    await page.getByRole('heading', { level: 1, name: 'เรื่องที่ฉันแจ้ง' }).waitFor()
    await page.getByRole('button', { name: 'ขอให้ลบข้อมูลของฉัน' }).click()
    await page.getByRole('button', { name: 'ยืนยันขอลบข้อมูล' }).click()
    const toast = page.locator('.toast')
    await toast.waitFor()
    const box = await toast.boundingBox()
    expect(box?.x).toBeGreaterThanOrEqual(0)
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390)
    await page
      .getByText(/มาตรา 33/)
      .last()
      .waitFor()
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390)
    await shot(page, 'my-reports-deletion-toast-th-390x844')
    expect(problems).toEqual([])
    await page.close()
  })

  it('my data: readable in Thai with every kind of case (SOS too), BE dates, numbers in full; at both sizes', async () => {
    for (const viewport of ['phone', 'desktop'] as const) {
      const { page, problems } = await open('my-data', viewport)
      await page.getByRole('heading', { level: 1, name: 'ข้อมูลของฉัน' }).waitFor()
      await page
        .getByText(/แจ้งเหตุฉุกเฉิน/)
        .first()
        .waitFor()
      await page.getByText(FULL_ID).first().waitFor()
      expect(await page.getByText(/แจ้งเอกสารหาย/).count()).toBeGreaterThan(0)
      expect(await page.getByText(String(new Date().getFullYear() + 543)).count()).toBeGreaterThan(0)
      const size = VIEWPORTS[viewport]
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(size.width)
      await shot(page, `my-data-th-${size.width}x${size.height}`)
      // The first screen and the SOS case as a person sees them (the full page is long).
      await page.screenshot({ path: join(SHOTS, `my-data-th-${size.width}x${size.height}-top.png`) })
      await page
        .getByText(/RYG-SOS-/)
        .first()
        .scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(SHOTS, `my-data-th-${size.width}x${size.height}-sos.png`) })
      expect(problems).toEqual([])
      await page.close()
    }
  })

  it('my data: the JSON file keeps Thai as UTF-8 characters', async () => {
    const { page } = await open('my-data', 'phone')
    await page.getByRole('heading', { level: 1, name: 'ข้อมูลของฉัน' }).waitFor()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'ดาวน์โหลดแบบ JSON' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('my-data.json')
    const text = readFileSync((await download.path()) ?? '', 'utf8')
    expect(text).toContain(DECLARANT)
    expect(text).not.toMatch(/\\u0e/i)
    // The HTML file is a page of its own, readable offline (no script, no outside resource).
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'บันทึกเป็นไฟล์ (HTML)' }).click(),
    ])
    expect(html.suggestedFilename()).toBe('my-data.html')
    const saved = join(SHOTS, 'my-data.html')
    await html.saveAs(saved)
    const file = await browser.newPage({ viewport: VIEWPORTS.phone })
    await file.goto(`file://${saved}`)
    await file.getByText('RYG-SOS-', { exact: false }).first().waitFor()
    await file.screenshot({ path: join(SHOTS, 'my-data-file-html-390x844.png') })
    await file.close()
    await page.close()
  })
})

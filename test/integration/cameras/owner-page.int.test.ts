import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cameras } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { fullPageShot, openLiffPage, type Viewport } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { befriend } from '../cases/fixtures.js'

// Issue #15, points 2 and 6: "My cameras" in the citizen LIFF app in headless Chromium at a phone's and a desktop's
// size: from the home page, register a camera (pin tapped on the map, direction from the compass, consent), see it
// pending, report it offline. Screenshots: $CAM_SHOTS_DIR (default /tmp/shots-cam-owner).
const SHOTS = process.env.CAM_SHOTS_DIR ?? '/tmp/shots-cam-owner'

describe.skipIf(!hasChromium)('citizen LIFF: my cameras', () => {
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
  ])('%s (%s): home link, register with pin, compass and consent; pending; report offline', async (viewport, lang) => {
    const th = lang === 'th'
    const { user, citizen } = await befriend(stack, th ? 'ป้าแดง ร้านกาแฟ' : 'Daeng Cafe', lang)
    const { page, problems } = await openLiffPage(browser, stack, {
      app: 'citizen',
      path: '',
      viewport,
      userId: user.userId,
      lang,
      ignoreConsole: /tile|Failed to load resource/i,
    })
    const homeLink = page.getByRole('link', { name: th ? /กล้องของฉัน/ : /My cameras/ })
    await homeLink.waitFor()
    await homeLink.click()
    await page.getByRole('heading', { level: 1, name: th ? 'กล้องของฉัน' : 'My cameras' }).waitFor()
    await fullPageShot(page, SHOTS, `mine-empty-${viewport}-${lang}`)
    await page.getByRole('button', { name: th ? 'ลงทะเบียนกล้อง' : 'Register a camera' }).click()
    await page.getByRole('heading', { level: 1, name: th ? 'ลงทะเบียนกล้อง' : 'Register a camera' }).waitFor()

    // Sending empty: the errors, nothing sent.
    await page.getByRole('button', { name: th ? 'ส่งลงทะเบียน' : 'Register', exact: true }).click()
    await page.getByText(th ? 'กรุณาปักหมุดตำแหน่งกล้อง' : "Please pin the camera's position").waitFor()

    await page.getByLabel(th ? 'ชื่อเรียกกล้อง' : 'What you call it').fill(th ? 'หน้าร้าน' : 'Shop front')
    const map = page.locator('.map-view__canvas').first()
    const box = await map.boundingBox()
    await map.click({ position: { x: (box?.width ?? 300) / 2 + 20, y: (box?.height ?? 280) / 2 } })
    await page.getByRole('button', { name: th ? 'ตะวันออก' : 'E', exact: true }).click()
    await page.getByLabel(th ? 'กล้องมองเห็นอะไร' : 'What it covers').fill(th ? 'หน้าร้านและถนน' : 'Shop front and road')
    await page.getByLabel(th ? 'เครื่องบันทึกเก็บภาพได้กี่วัน' : 'Days the recorder keeps footage').fill('10')
    await page.getByRole('textbox', { name: th ? 'เบอร์โทร' : 'Phone' }).fill('081-234-5678')
    await page.locator('.leaflet-overlay-pane path').first().waitFor()
    await fullPageShot(page, SHOTS, `form-${viewport}-${lang}`)
    await page.getByText(th ? 'ข้าพเจ้าอ่านและยินยอมตามข้อความข้างต้น' : 'I have read this and I consent').click()
    await page.getByRole('button', { name: th ? 'ส่งลงทะเบียน' : 'Register', exact: true }).click()

    await page.getByRole('heading', { level: 1, name: th ? 'กล้องของฉัน' : 'My cameras' }).waitFor()
    await fullPageShot(page, SHOTS, `mine-sent-${viewport}-${lang}`)
    await page.locator('.camera-badge', { hasText: th ? 'รอเจ้าหน้าที่ตรวจสอบ' : 'Waiting for an officer' }).waitFor()
    const [row] = await stack.db.db.select().from(cameras).where(eq(cameras.citizenId, citizen.id))
    expect(row).toMatchObject({ directionDeg: 90, retentionDays: 10, verification: 'pending', ownerType: 'private' })
    expect(stack.deps.cipher.decrypt(row?.contactPhoneEnc ?? '')).toBe('0812345678')
    await fullPageShot(page, SHOTS, `mine-pending-${viewport}-${lang}`)

    await page.getByRole('button', { name: th ? 'แจ้งกล้องเสีย' : 'Report it broken' }).click()
    await page.getByRole('button', { name: th ? 'กล้องใช้งานได้แล้ว' : 'It works again' }).waitFor()
    const [after] = await stack.db.db.select().from(cameras).where(eq(cameras.citizenId, citizen.id))
    expect(after?.status).toBe('offline')
    await fullPageShot(page, SHOTS, `mine-offline-${viewport}-${lang}`)
    expect(problems).toEqual([])
    await page.close()
  })
})

import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningLineEmulator, startLineEmulator } from '../../../bot/emulator/server.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { startStandInBot } from './stand-in-bot.js'

const SHOTS = process.env.EMULATOR_SHOTS_DIR ?? join(tmpdir(), 'emulator-shots')
const secret = 'page-test-secret'
const token = 'page-test-token'

// Needs a Chromium binary (Debian: apt-get install -y chromium); skipped where there is none.
describe.skipIf(!hasChromium)('simulator page (headless Chromium)', () => {
  let bot: Awaited<ReturnType<typeof startStandInBot>>
  let emulator: RunningLineEmulator
  let browser: Browser
  const pageErrors: string[] = []

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    bot = await startStandInBot({ channelSecret: secret, channelAccessToken: token })
    emulator = await startLineEmulator({
      channelSecret: secret,
      channelAccessToken: token,
      loginChannelId: '1650000000',
      webhookUrl: bot.webhookUrl,
      liffApps: { 'emu-citizen': `${bot.url}/liff/` },
    })
    bot.useEmulator(emulator.url)
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await emulator?.close()
    await bot?.close()
  })

  async function open(width: number, height: number, hash = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height } })
    page.on('pageerror', (err) => pageErrors.push(err.message))
    page.on('console', (msg) => {
      // The stand-in bot's images live on example.invalid, which never resolves.
      if (msg.type() === 'error' && !msg.text().includes('net::ERR_NAME_NOT_RESOLVED')) {
        pageErrors.push(msg.text())
      }
    })
    await page.goto(`${emulator.url}/emulator${hash}`)
    return page
  }

  it('creates a user on a phone, chats, taps quick replies and opens a LIFF page', async () => {
    const page = await open(390, 844)
    // No chat yet: a phone starts on the list of users.
    await expect(page.getByTestId('new-user-form').isVisible()).resolves.toBe(true)
    await page.getByTestId('new-user-name').fill('สมชาย ใจดี')
    await page.getByTestId('new-user-submit').click()
    await page.getByText('ยินดีต้อนรับ เลือกบริการ').waitFor()
    const userId = [...emulator.state.users.values()][0]?.userId ?? ''
    expect(emulator.messagesTo(userId).map((m) => m.message.type)).toEqual(['template'])
    // The user bar: the LINE ID and its copy button, nothing else when no bot offers officer controls (was "null").
    expect(userId).toMatch(/^U[0-9a-f]{32}$/)
    await expect(page.getByTestId('user-id').textContent()).resolves.toBe(userId)
    await expect(page.locator('#user-bar').textContent()).resolves.toMatch(
      new RegExp(`^LINE ID\\s*${userId}\\s*คัดลอก$`),
    )

    await page.getByTestId('message-input').fill('สวัสดีครับ')
    await page.getByTestId('message-input').press('Enter')
    await page.getByText('ได้รับ: สวัสดีครับ').waitFor()
    // Thai is drawn with a Thai face even on a machine without Thai fonts (this one): the page's Sarabun loaded.
    await page.evaluate('document.fonts.ready')
    await expect(
      page.evaluate(
        `[...document.fonts].some((f) => f.family.replaceAll('"', '') === 'Sarabun' && f.status === 'loaded')`,
      ),
    ).resolves.toBe(true)
    await page.locator('.fx-bubble').first().waitFor()
    await page.getByTestId('quick-replies').getByText('ฝากบ้าน').waitFor()
    await page.screenshot({ path: join(SHOTS, 'phone-chat.png') })

    await page.getByTestId('quick-replies').getByText('ฝากบ้าน').click()
    await page.getByText('postback flow=house').waitFor()
    // displayText shows as the user's message; the bot got a postback event, not a message.
    await expect(page.locator('.mine .user-text', { hasText: 'ฝากบ้าน' }).count()).resolves.toBe(1)
    expect(bot.received.filter((e) => e.type === 'postback').map((e) => e.postback?.data)).toEqual(['flow=house'])

    await page.getByTestId('message-input').fill('ขอเลือกวัน')
    await page.getByTestId('send').click()
    await page.getByText('ได้รับ: ขอเลือกวัน').waitFor()
    await page.getByTestId('quick-replies').getByText('เลือกวัน').click()
    await page.getByTestId('datetime-input').fill('2026-11-26')
    await page.getByRole('button', { name: 'ตกลง' }).click()
    await page.getByText('postback pick=date {"date":"2026-11-26"}').waitFor()

    // A Flex URI button to a LIFF URL opens the mapped endpoint in the phone frame, signed in as this user.
    await page.locator('.fx-bubble').last().getByText('เปิดฟอร์ม').click()
    const frame = page.getByTestId('liff-frame')
    await frame.waitFor()
    const src = (await frame.getAttribute('src')) ?? ''
    const url = new URL(src)
    expect(url.origin + url.pathname).toBe(`${bot.url}/liff/cases/new`)
    expect(url.searchParams.get('from')).toBe('flex')
    expect(url.searchParams.get('emulator')).toBe('1')
    expect(url.searchParams.get('liffId')).toBe('emu-citizen')
    expect(url.searchParams.get('lang')).toBe('th')
    expect(url.searchParams.get('idToken')?.split('.')).toHaveLength(3)
    await page.frameLocator('[data-testid="liff-frame"]').locator('#where').waitFor()
    await page.screenshot({ path: join(SHOTS, 'phone-liff.png') })
    await page.getByTestId('liff-close').click()

    // Text is text: markup typed by a user (or sent by a bot) is never interpreted.
    await page.getByTestId('message-input').fill('<img src=x onerror="window.pwned=1">')
    await page.getByTestId('message-input').press('Enter')
    await page.getByText('ได้รับ: <img src=x onerror="window.pwned=1">').waitFor()
    await expect(page.evaluate(() => (globalThis as { pwned?: number }).pwned)).resolves.toBeUndefined()
    await page.close()
  })

  it('shows the same chat on a desktop, and runs a group with the bot', async () => {
    const users = [...emulator.state.users.values()]
    const officer = emulator.createUser({ displayName: 'ร.ต.อ. สมศักดิ์', language: 'th' })
    const page = await open(1280, 800, `#chat=${users[0]?.userId}`)
    await page.getByText('ได้รับ: สวัสดีครับ').waitFor()
    await page.screenshot({ path: join(SHOTS, 'desktop-chat.png') })

    await page.locator('summary', { hasText: 'สร้างกลุ่มและเชิญบอท' }).click()
    await page.locator('#new-group-form input[name="groupName"]').fill('สายตรวจ สภ.เมืองระยอง')
    await page.locator('#new-group-members label', { hasText: officer.displayName }).click()
    await page.locator('#new-group-form button[type="submit"]').click()
    await page.getByText('บอทเข้าร่วมกลุ่ม').waitFor()
    expect(bot.received.some((e) => e.type === 'join')).toBe(true)

    await page.getByTestId('message-input').fill('รับทราบ')
    await page.getByTestId('message-input').press('Enter')
    await page.getByText('ได้รับ: รับทราบ').waitFor()
    const group = [...emulator.state.groups.values()][0]
    expect(group && emulator.messagesTo(group.groupId).length).toBe(2)
    await page.screenshot({ path: join(SHOTS, 'desktop-group.png') })
    await page.close()
    expect(pageErrors).toEqual([])
    expect(bot.errors).toEqual([])
  })
})

import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase } from '../../../bot/cases/cases.service.js'
import { type Case, citizens, stations } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { buildCitizenLiffOnce } from '../../helpers/liff-build.js'
import { openLiffPage } from '../../helpers/liff-page.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const SHOTS = process.env.LIFF_SHOTS_DIR ?? join(tmpdir(), 'liff-shots')

/** Issue #8 point 6: the emergencies a citizen reported are in their "my reports", in the LIFF app and the chat. */
describe('SOS cases in "my reports"', () => {
  let s: Stack
  let browser: Browser | undefined
  let sos: Case
  let userId = ''
  let otherId = ''

  async function friend(displayName: string, language: 'th' | 'en' = 'th') {
    const user = s.emulator.createUser({ displayName, language })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
    if (!citizen) {
      throw new Error('no citizen after the follow')
    }
    return { userId: user.userId, citizenId: citizen.id }
  }

  beforeAll(async () => {
    if (hasChromium) {
      await buildCitizenLiffOnce()
    }
    mkdirSync(SHOTS, { recursive: true })
    s = await startStack()
    const me = await friend('สมศรี ฉุกเฉิน')
    userId = me.userId
    otherId = (await friend('คนอื่น')).userId
    const [station] = await s.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
    if (!station) {
      throw new Error('no RYG station')
    }
    sos = await s.db.db.transaction((tx) =>
      createCase(tx, {
        station,
        kind: 'sos',
        citizenId: me.citizenId,
        priority: 'urgent',
        summary: 'แจ้งเหตุฉุกเฉินทาง LINE พร้อมตำแหน่ง: สวนศรีเมือง',
        location: { latitude: 12.6736, longitude: 101.2795 },
      }),
    )
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await s?.close()
  })

  const get = (path: string, token?: string) =>
    fetch(`${s.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })

  it("GET /api/liff/my-emergencies lists the citizen's own SOS cases, nobody else's", async () => {
    const mine = await get('/api/liff/my-emergencies', s.emulator.issueIdToken(userId))
    expect(mine.status).toBe(200)
    const body = (await mine.json()) as { items: { id: string; referenceNumber: string; statusTh: string }[] }
    expect(body.items.map((i) => i.referenceNumber)).toEqual([sos.referenceNumber])
    expect(body.items[0]?.statusTh).toBe('ใหม่')
    const other = await get('/api/liff/my-emergencies', s.emulator.issueIdToken(otherId))
    expect(((await other.json()) as { items: unknown[] }).items).toEqual([])
    expect((await get('/api/liff/my-emergencies')).status).toBe(401)
  })

  it('"my reports" in the chat lists the emergency with its number and status', async () => {
    await s.emulator.sendText(userId, 'เรื่องที่ฉันแจ้ง')
    const replies = (await s.emulator.waitForMessages(userId, 4)).slice(2)
    const texts = replies.map((m) => JSON.stringify(m.message)).join('\n')
    expect(texts).toContain('เหตุฉุกเฉินที่ท่านแจ้ง')
    expect(texts).toContain(sos.referenceNumber)
    expect(texts).toContain('ใหม่')
    // The menu stays under the last message.
    expect(replies.at(-1)?.message.quickReply).toBeDefined()

    await s.emulator.sendText(otherId, 'เรื่องที่ฉันแจ้ง')
    const [none] = (await s.emulator.waitForMessages(otherId, 3)).slice(2)
    expect(JSON.stringify(none?.message)).not.toContain('RYG-SOS')
  })

  it.skipIf(!hasChromium)('the LIFF app\'s "my reports" shows it on a phone', async () => {
    browser = await launchChromium()
    const { page, problems } = await openLiffPage(browser, s, {
      app: 'citizen',
      path: 'my-reports',
      viewport: 'phone',
      userId,
    })
    await page.getByRole('heading', { name: 'เหตุฉุกเฉินที่แจ้ง' }).waitFor()
    const row = page.getByTestId('emergency-row')
    await expect(row.textContent()).resolves.toContain(sos.referenceNumber)
    await expect(row.textContent()).resolves.toContain('ใหม่')
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390)
    await page.screenshot({ path: join(SHOTS, 'my-reports-sos-390x844.png'), fullPage: true })
    expect(problems).toEqual([])
  })
})

import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { officers, stations } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { type Stack, startStack } from '../../helpers/stack.js'

/** A newcomer reaches the officers' page from the simulator: attach menu → "open the officers' page". */
describe.skipIf(!hasChromium)('the officers’ page opened from the simulator', () => {
  let s: Stack
  let browser: Browser
  beforeAll(async () => {
    s = await startStack()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await s?.close()
  })

  it('signs an officer in inside the LIFF frame', async () => {
    const user = s.emulator.createUser({ displayName: 'ร.ต.อ. ทดสอบ', language: 'th' })
    const [station] = await s.db.db.select().from(stations)
    await s.db.db
      .insert(officers)
      .values({ stationId: station?.id ?? '', lineUserId: user.userId, displayName: 'ร.ต.อ. ทดสอบ', role: 'admin' })
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto(`${s.emulator.url}/emulator#chat=${user.userId}`)
    await page.locator('#attach-button').click()
    await page.getByText('เปิดหน้าเจ้าหน้าที่ (LIFF)').click()
    await page.frameLocator('[data-testid="liff-frame"]').getByRole('heading', { name: 'งานเข้า' }).waitFor()
  })
})

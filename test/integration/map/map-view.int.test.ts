import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import preact from '@preact/preset-vite'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasChromium, launchChromium } from '../../helpers/browser.js'

// Issue #13, point 2: the one map both apps use (liff/shared/ui/map/), in headless Chromium with its tiles
// unreachable: markers, route and area drawn anyway, the fallback's coordinates, distances and map-app links, and
// in pick mode the pin set by typed coordinates, by "my location" (a mocked position) and by a tap.
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const SHOTS = process.env.PATROL_SHOTS_DIR ?? '/tmp/shots-hw-map'
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

describe.skipIf(!hasChromium)('shared map component', () => {
  let server: Server
  let url = ''
  let browser: Browser
  let context: BrowserContext
  const tileRequests: string[] = []

  beforeAll(async () => {
    const outDir = join(tmpdir(), `map-harness-${process.pid}`)
    await build({
      configFile: false,
      logLevel: 'warn',
      root: here('./harness'),
      plugins: [preact()],
      resolve: { alias: { '@shared': here('../../../liff/shared'), '@contracts': here('../../../bot/contracts') } },
      build: { outDir, emptyOutDir: true },
    })
    server = createServer(async (req, res) => {
      const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html'
      try {
        const body = await readFile(join(outDir, path))
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body)
      } catch {
        res.writeHead(404).end()
      }
    })
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
    const address = server.address()
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`
    browser = await launchChromium()
    context = await browser.newContext({
      geolocation: { latitude: 12.6814, longitude: 101.2816, accuracy: 10 },
      permissions: ['geolocation'],
    })
    // The configured tile host (not OpenStreetMap's) is asked, and cannot answer.
    await context.route('https://tiles.example.test/**', (route) => {
      tileRequests.push(route.request().url())
      return route.abort('internetdisconnected')
    })
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await new Promise((ok) => server?.close(ok))
  })

  async function open(width: number, height: number, lang = 'th'): Promise<Page> {
    const page = await context.newPage()
    await page.setViewportSize({ width, height })
    await page.goto(`${url}?lang=${lang}`)
    await page.locator('#markers [data-tiles="failed"]').waitFor()
    await page.locator('#pick [data-tiles="failed"]').waitFor()
    return page
  }

  it('uses the configured tiles and attribution, and draws markers, route and area without them', async () => {
    const page = await open(390, 844)
    expect(tileRequests.length).toBeGreaterThan(0)
    expect(tileRequests.every((u) => u.startsWith('https://tiles.example.test/'))).toBe(true)
    // The attribution is text: markup in it is shown, never run.
    await page.locator('#markers .leaflet-control-attribution', { hasText: '© Test Tiles <b>' }).waitFor()
    expect(await page.locator('#markers .map-pin').count()).toBe(3)
    expect(await page.locator('#markers .map-pin--missed').count()).toBe(1)
    expect(await page.locator('#markers .leaflet-overlay-pane path').count()).toBe(2)
    await page.close()
  })

  it('beside a map without tiles: each place with its coordinates, distance from the user and a map-app link', async () => {
    const page = await open(390, 844)
    const items = page.locator('#markers .map-fallback__list li')
    expect(await items.count()).toBe(2)
    const house = items.filter({ hasText: 'HW-000001' })
    await house.getByText('12.690000, 101.280000').waitFor()
    await house.getByText('ห่างจากคุณ 1.1 กม.').waitFor()
    expect(await house.getByRole('link', { name: 'เปิดในแอปแผนที่' }).getAttribute('href')).toBe(
      'https://www.google.com/maps/search/?api=1&query=12.690000,101.280000',
    )
    await page.locator('#markers').screenshot({ path: join(SHOTS, 'map-markers-fallback-390.png') })
    await page.close()
  })

  it('pick mode without tiles: typed coordinates, "my location" and a tap all set the pin', async () => {
    const page = await open(390, 844)
    const pick = page.locator('#pick')
    await pick.getByText('โหลดภาพแผนที่ไม่ได้').waitFor()
    await pick.getByText('ยังไม่ได้ปักหมุด').waitFor()
    // Typed: a wrong value is explained, a right one (or a pasted Google Maps link) sets the pin.
    const input = pick.getByLabel('หรือพิมพ์พิกัด (ละติจูด, ลองจิจูด)')
    await input.fill('บ้านเลขที่ 12')
    await pick.getByRole('button', { name: 'ปักหมุดที่พิกัดนี้' }).click()
    await pick.getByRole('alert').getByText('พิกัดไม่ถูกต้อง', { exact: false }).waitFor()
    await input.fill('https://www.google.com/maps/@12.6900,101.2900,17z')
    await pick.getByRole('button', { name: 'ปักหมุดที่พิกัดนี้' }).click()
    await page.locator('#picked', { hasText: '12.6900,101.2900' }).waitFor()
    await pick.getByText('12.690000, 101.290000').waitFor()
    expect(await pick.locator('.map-pin--pick').count()).toBe(1)
    // My location (the phone's GPS, mocked): the pin goes there and distances are from the user.
    await pick.getByRole('button', { name: 'ใช้ตำแหน่งปัจจุบันของฉัน' }).click()
    await page.locator('#picked', { hasText: '12.6814,101.2816' }).waitFor()
    await pick.getByText('ห่างจากคุณ 0 ม.').waitFor()
    await page.locator('#pick').screenshot({ path: join(SHOTS, 'map-pick-fallback-390.png') })
    // A tap on the map moves it.
    await pick.locator('.map-view__canvas').click({ position: { x: 60, y: 60 } })
    await page.waitForFunction("document.querySelector('#picked')?.textContent !== '12.6814,101.2816'")
    await page.close()
  })

  it('reads well on a desktop, in English too', async () => {
    const page = await open(1280, 800, 'en')
    await page.locator('#pick').getByText('The map images could not load').waitFor()
    await page.locator('#pick').getByRole('button', { name: 'Use my current location' }).waitFor()
    await page.screenshot({ path: join(SHOTS, 'map-harness-1280x800.png'), fullPage: true })
    await page.close()
  })
})

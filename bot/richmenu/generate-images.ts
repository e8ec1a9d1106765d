/**
 * `npm run richmenu:images`: draws bot/richmenu/images/{th,en}.png from the tiles (tiles.ts) with headless Chromium,
 * and records what they were drawn from in images/manifest.json (a unit test flags images older than the tiles).
 * Run it after changing a tile, a label or the design, look at the PNGs, and commit them; line:setup uploads them.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { IMAGES_DIR, imagePath } from './images.js'
import { CANVAS } from './layout.js'
import { MENU_LANGUAGES } from './menu.js'
import { designHash, menuHtml } from './render-html.js'

const MAX_BYTES = 1024 * 1024
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

async function main() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`)
  }
  mkdirSync(IMAGES_DIR, { recursive: true })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--font-render-hinting=none',
    ],
  })
  const manifest: Record<string, { design: string; bytes: number }> = {}
  try {
    for (const lang of MENU_LANGUAGES) {
      const page = await browser.newPage({ viewport: { ...CANVAS }, deviceScaleFactor: 1 })
      await page.setContent(menuHtml(lang), { waitUntil: 'load' })
      // Draw only once the embedded fonts are in: a fallback font would make the image depend on the machine.
      await page.evaluate('document.fonts.ready.then(() => document.fonts.size)')
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...CANVAS } })
      await page.close()
      if (png.length >= MAX_BYTES) {
        throw new Error(`${lang}.png is ${png.length} bytes; LINE takes at most 1 MB: simplify the design`)
      }
      writeFileSync(imagePath(lang), png)
      manifest[lang] = { design: designHash(lang), bytes: png.length }
      console.log(
        `bot/richmenu/images/${lang}.png  ${CANVAS.width}×${CANVAS.height}  ${(png.length / 1024).toFixed(0)} KB`,
      )
    }
  } finally {
    await browser.close()
  }
  writeFileSync(join(IMAGES_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
}

main().catch((err) => {
  console.error(`richmenu:images failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})

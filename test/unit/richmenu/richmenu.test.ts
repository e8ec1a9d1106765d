import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { t } from '../../../bot/i18n/index.js'
import { IMAGES_DIR, imagePath } from '../../../bot/richmenu/images.js'
import { type Bounds, CANVAS, layoutTiles, type TileSize } from '../../../bot/richmenu/layout.js'
import { MENU_LANGUAGES, placedTiles, richMenuRequest } from '../../../bot/richmenu/menu.js'
import { designHash } from '../../../bot/richmenu/render-html.js'
import { MENU_TILES, RICH_MENU_ALIASES } from '../../../bot/richmenu/tiles.js'

/** Width and height from the IHDR chunk, which a PNG must start with. */
function pngSize(buf: Buffer) {
  expect(buf.subarray(0, 8).toString('hex'), 'PNG signature').toBe('89504e470d0a1a0a')
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) }
}

/** Every pixel of the canvas is in exactly one area: no gaps (dead taps) and no overlaps (ambiguous taps). */
function expectTiling(bounds: Bounds[]) {
  const area = bounds.reduce((sum, b) => sum + b.width * b.height, 0)
  expect(area).toBe(CANVAS.width * CANVAS.height)
  for (const [i, a] of bounds.entries()) {
    expect(a.x).toBeGreaterThanOrEqual(0)
    expect(a.y).toBeGreaterThanOrEqual(0)
    expect(a.x + a.width).toBeLessThanOrEqual(CANVAS.width)
    expect(a.y + a.height).toBeLessThanOrEqual(CANVAS.height)
    for (const b of bounds.slice(i + 1)) {
      const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
      expect(overlap, `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(false)
    }
  }
}

describe('rich menu images (committed)', () => {
  const manifest = JSON.parse(readFileSync(join(IMAGES_DIR, 'manifest.json'), 'utf8')) as Record<
    string,
    { design: string }
  >
  for (const lang of MENU_LANGUAGES) {
    it(`${lang}.png is 2500×1686 and under LINE's 1 MB`, () => {
      const png = readFileSync(imagePath(lang))
      expect(pngSize(png)).toEqual({ width: 2500, height: 1686 })
      expect(statSync(imagePath(lang)).size).toBeLessThan(1024 * 1024)
    })
    it(`${lang}.png was drawn from the current tiles (else: npm run richmenu:images)`, () => {
      expect(manifest[lang]?.design).toBe(designHash(lang))
    })
  }
})

describe('rich menu areas', () => {
  const env = { liffId: 'liff-123' }
  for (const lang of MENU_LANGUAGES) {
    it(`${lang}: one area per tile, at the tile's place, with the tile's action`, () => {
      const menu = richMenuRequest(lang, env)
      const placed = placedTiles()
      expect(menu.size).toEqual({ width: 2500, height: 1686 })
      expect(menu.areas.map((a) => a.bounds)).toEqual(placed.map((p) => p.bounds))
      expect(menu.areas.map((a) => a.action)).toEqual(MENU_TILES.map((tile) => tile.action(lang, env)))
      expectTiling(menu.areas.map((a) => a.bounds as Bounds))
      expect(menu.chatBarText.length).toBeLessThanOrEqual(14)
      for (const area of menu.areas) {
        expect(String((area.action as { label?: string }).label ?? '').length).toBeLessThanOrEqual(20)
      }
    })
  }

  it('offers only the services that exist: SOS, lost documents, consultation, house watch, station, language, settings', () => {
    expect(MENU_TILES.map((tile) => tile.id)).toEqual([
      'sos',
      'lost-document',
      'consultation',
      'house-watch',
      'station',
      'language',
      'settings',
    ])
    const th = richMenuRequest('th', env).areas.map((a) => a.action)
    expect(th[0]).toMatchObject({ type: 'postback', data: 'a=sos', displayText: t('th', 'menu.sos') })
    expect(th[1]).toMatchObject({ type: 'postback', data: 'a=ld', displayText: 'แจ้งเอกสารหาย' })
    expect(th[2]).toMatchObject({ type: 'postback', data: 'a=con&v=rm', displayText: 'ปรึกษากฎหมาย' })
    expect(th[3]).toMatchObject({ type: 'postback', data: 'a=hw', displayText: 'ฝากบ้าน' })
    expect(th[4]).toMatchObject({ type: 'postback', data: 'a=station' })
    expect(th[5]).toEqual({
      type: 'richmenuswitch',
      label: 'English',
      richMenuAliasId: RICH_MENU_ALIASES.en,
      data: 'a=lang&v=en',
    })
    expect(th[6]).toMatchObject({ type: 'uri', uri: 'https://liff.line.me/liff-123/settings' })
    const en = richMenuRequest('en', env).areas.map((a) => a.action)
    expect(en[2]).toMatchObject({ type: 'postback', data: 'a=con&v=rm', displayText: 'Legal advice' })
    expect(en[3]).toMatchObject({ type: 'postback', data: 'a=hw', displayText: 'House watch' })
    expect(en[5]).toMatchObject({ type: 'richmenuswitch', richMenuAliasId: RICH_MENU_ALIASES.th, data: 'a=lang&v=th' })
  })

  it('today: SOS, lost documents, consultation in a row, house watch and station below, language + settings in the strip', () => {
    const [sos, lostDocument, consultation, houseWatch, station, language, settings] = placedTiles().map(
      (p) => p.bounds,
    )
    expect(sos).toMatchObject({ x: 0, y: 0, height: 693 })
    expect(lostDocument).toMatchObject({ y: 0, height: 693 })
    expect(consultation).toMatchObject({ y: 0, height: 693 })
    // A short last row stretches to the full width.
    expect(houseWatch).toEqual({ x: 0, y: 693, width: 1250, height: 693 })
    expect(station).toEqual({ x: 1250, y: 693, width: 1250, height: 693 })
    expect(language).toEqual({ x: 0, y: 1386, width: 1250, height: 300 })
    expect(settings).toEqual({ x: 1250, y: 1386, width: 1250, height: 300 })
  })

  it('still tiles the canvas as services are added (up to 8 main tiles plus 2 compact)', () => {
    for (let standard = 0; standard <= 7; standard++) {
      for (const compact of [0, 1, 2]) {
        const tiles: { size: TileSize }[] = [
          { size: 'hero' },
          ...Array.from({ length: standard }, () => ({ size: 'standard' as const })),
          ...Array.from({ length: compact }, () => ({ size: 'compact' as const })),
        ]
        const bounds = layoutTiles(tiles).map((p) => p.bounds)
        expectTiling(bounds)
        // Every tile stays big enough to hit with a thumb on a phone (the menu is about 2.2× the screen width).
        for (const b of bounds) {
          expect(Math.min(b.width, b.height), JSON.stringify({ standard, compact, b })).toBeGreaterThanOrEqual(280)
        }
      }
    }
  })
})

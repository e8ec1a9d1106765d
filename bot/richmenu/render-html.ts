import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { type Language, t } from '../i18n/index.js'
import { iconSvg } from './icons.js'
import { type Bounds, CANVAS } from './layout.js'
import { placedTiles } from './menu.js'
import { MENU_TILES, type MenuTile, otherLanguage, type TileTone } from './tiles.js'

// The LIFF app's design tokens (liff/shared/styles/base.css), so the menu looks like the rest of the OA.
const COLORS = {
  canvas: '#082452',
  police: '#0b2f6b',
  soft: '#e8eef9',
  gold: '#f2c230',
  text: '#17202e',
  muted: '#4d5868',
  danger: '#b42318',
}
const GUTTER = 12

const TONES: Record<TileTone, { bg: string; fg: string; sub: string; iconBg: string; icon: string }> = {
  danger: {
    bg: `linear-gradient(165deg, #d92d20 0%, ${COLORS.danger} 55%, #8a1b12 100%)`,
    fg: '#ffffff',
    sub: '#ffe4e1',
    iconBg: '#ffffff',
    icon: COLORS.danger,
  },
  brand: { bg: '#ffffff', fg: COLORS.police, sub: COLORS.muted, iconBg: COLORS.soft, icon: COLORS.police },
  soft: { bg: COLORS.soft, fg: COLORS.police, sub: COLORS.muted, iconBg: '#ffffff', icon: COLORS.police },
}

/** Thai and Latin subsets of Sarabun, embedded as data URLs: the image never depends on the machine's fonts. */
function fontFaces(): string {
  const require = createRequire(import.meta.url)
  const dir = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files')
  const ranges = {
    thai: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC',
    latin:
      'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  }
  return [400, 600, 800]
    .flatMap((weight) =>
      (['thai', 'latin'] as const).map((subset) => {
        const data = readFileSync(join(dir, `sarabun-${subset}-${weight}-normal.woff2`)).toString('base64')
        return `@font-face{font-family:'RSZ Sarabun';font-weight:${weight};font-style:normal;unicode-range:${ranges[subset]};src:url(data:font/woff2;base64,${data}) format('woff2')}`
      }),
    )
    .join('\n')
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** One tile. Sizes scale with the tile (`--u` = 1% of its short side), so the same markup works at 4 or 8 tiles. */
function tileHtml(tile: MenuTile & { bounds: Bounds }, lang: Language): string {
  const { x, y, width, height } = tile.bounds
  const w = width - 2 * GUTTER
  const h = height - 2 * GUTTER
  const tone = TONES[tile.tone]
  // A wide, short tile (the compact strip under a full grid) lays out in a row; the others in a column.
  const wide = w / h > 2.2
  const u = (wide ? Math.min(w, h * 1.7) : Math.min(w, h)) / 100
  const label = t(lang, tile.label)
  const second = tile.size === 'compact' ? undefined : t(otherLanguage(lang), tile.label)
  const caption = tile.caption ? t(lang, tile.caption) : undefined
  const iconBox = tile.size === 'hero' ? 30 : tile.size === 'standard' ? 30 : 28
  const labelSize = tile.size === 'hero' ? 13 : tile.size === 'standard' ? 14.5 : 16
  return `<div class="tile ${tile.size}${wide ? ' wide' : ''}" data-tile="${esc(tile.id)}" style="left:${x + GUTTER}px;top:${y + GUTTER}px;width:${w}px;height:${h}px;--u:${u.toFixed(2)}px;background:${tone.bg};color:${tone.fg}">
  <div class="icon" style="width:calc(var(--u)*${iconBox});height:calc(var(--u)*${iconBox});background:${tone.iconBg}">${iconSvg(tile.icon, Math.round(u * iconBox * 0.6), tone.icon, 2.2)}</div>
  <div class="text">
    <div class="label" style="font-size:calc(var(--u)*${labelSize})">${esc(label)}</div>
    ${second ? `<div class="second" style="color:${tone.sub}">${esc(second)}</div>` : ''}
    ${caption ? `<div class="caption ${tile.size}" style="color:${tone.sub}">${esc(caption)}</div>` : ''}
  </div>
</div>`
}

/** The page body: what the image shows. Hashed into images/manifest.json to tell stale PNGs from current ones. */
export function menuMarkup(lang: Language, tiles: readonly MenuTile[] = MENU_TILES): string {
  return placedTiles(tiles)
    .map((tile) => tileHtml(tile, lang))
    .join('\n')
}

const CSS = `
*{box-sizing:border-box;margin:0;padding:0}
html,body{width:${CANVAS.width}px;height:${CANVAS.height}px;overflow:hidden}
body{background:${COLORS.canvas};font-family:'RSZ Sarabun';position:relative;-webkit-font-smoothing:antialiased}
.tile{position:absolute;border-radius:40px;display:flex;flex-direction:column;align-items:center;justify-content:center;
  gap:calc(var(--u)*4);text-align:center;padding:calc(var(--u)*4);overflow:hidden}
.tile.wide{flex-direction:row;text-align:left;justify-content:center;gap:calc(var(--u)*5)}
.tile.hero{gap:calc(var(--u)*5)}
.icon{border-radius:50%;display:flex;align-items:center;justify-content:center;flex:none}
.hero .icon{box-shadow:0 0 0 calc(var(--u)*2.5) rgba(255,255,255,.22)}
.text{display:flex;flex-direction:column;align-items:center;gap:calc(var(--u)*1.2)}
.wide .text{align-items:flex-start}
.label{font-weight:800;line-height:1.25}
.second{font-weight:600;font-size:calc(var(--u)*8);line-height:1.3}
.hero .second{font-size:calc(var(--u)*6.5)}
.caption{font-weight:600;font-size:calc(var(--u)*7);line-height:1.35}
.caption.compact{font-size:calc(var(--u)*9)}
.caption.hero{margin-top:calc(var(--u)*3);font-weight:600;font-size:calc(var(--u)*5.2);background:rgba(0,0,0,.22);
  color:#fff !important;border-radius:999px;padding:calc(var(--u)*1.6) calc(var(--u)*5)}
`

/** A complete HTML page at the menu's size, fonts included. */
export function menuHtml(lang: Language, tiles: readonly MenuTile[] = MENU_TILES): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>${fontFaces()}${CSS}</style></head><body>${menuMarkup(lang, tiles)}</body></html>`
}

/** What the committed image of a language was drawn from (markup + styles, not the embedded font bytes). */
export function designHash(lang: Language, tiles: readonly MenuTile[] = MENU_TILES): string {
  return createHash('sha256').update(CSS).update(menuMarkup(lang, tiles)).digest('hex').slice(0, 16)
}

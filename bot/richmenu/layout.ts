/** The full-size rich menu (LINE's 2500×1686 template size). */
export const CANVAS = { width: 2500, height: 1686 } as const

/** hero: the one tile that must be found in a second (SOS); standard: a service; compact: language, settings. */
export type TileSize = 'hero' | 'standard' | 'compact'

export type Bounds = { x: number; y: number; width: number; height: number }

/** Height of the bottom strip for compact tiles once services fill the grid above it. */
export const COMPACT_STRIP = 300

/** Splits `total` px into `n` integer parts that add up exactly (so areas tile the image without gaps). */
export function split(total: number, n: number): number[] {
  const base = Math.floor(total / n)
  const extra = total - base * n
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0))
}

function row(x: number, y: number, width: number, height: number, n: number): Bounds[] {
  let left = x
  return split(width, n).map((w) => {
    const b = { x: left, y, width: w, height }
    left += w
    return b
  })
}

function column(x: number, y: number, width: number, height: number, n: number): Bounds[] {
  let top = y
  return split(height, n).map((h) => {
    const b = { x, y: top, width, height: h }
    top += h
    return b
  })
}

/** Columns for `n` main tiles: 2×2 at four, 3×2 at five or six (LINE's usual six-tile menu), 4×2 beyond. */
function columnsFor(n: number): number {
  if (n <= 3) {
    return n
  }
  return n === 4 ? 2 : n <= 6 ? 3 : 4
}

/**
 * Places tiles on the canvas; the rich menu's tap areas and the rendered image both come from this, so they match.
 * - up to two main tiles (today: SOS + station): the first fills the left half, the right half stacks the other
 *   main tile over one row of compact tiles;
 * - three or more: main tiles in a grid (a short last row stretches to the full width), compact tiles in a strip at
 *   the bottom.
 * Tiles come back in input order; main = hero + standard tiles, in the order given.
 */
export function layoutTiles<T extends { size: TileSize }>(tiles: readonly T[]): (T & { bounds: Bounds })[] {
  const main = tiles.filter((t) => t.size !== 'compact')
  const compact = tiles.filter((t) => t.size === 'compact')
  const placed = new Map<T, Bounds>()
  const { width: W, height: H } = CANVAS
  if (main.length === 0 && compact.length === 0) {
    return []
  }
  if (main.length <= 2) {
    const [first, second] = main
    const rows = (second ? 1 : 0) + (compact.length ? 1 : 0)
    // A lone tile takes the whole canvas; otherwise the first takes the left half.
    const leftW = !first ? 0 : rows === 0 ? W : (split(W, 2)[0] ?? 0)
    if (first) {
      placed.set(first, { x: 0, y: 0, width: leftW, height: H })
    }
    const cells = rows === 0 ? [] : column(leftW, 0, W - leftW, H, rows)
    if (second && cells[0]) {
      placed.set(second, cells[0])
    }
    const strip = cells[second ? 1 : 0]
    if (strip) {
      row(strip.x, strip.y, strip.width, strip.height, compact.length).forEach((b, i) => {
        placed.set(compact[i] as T, b)
      })
    }
  } else {
    const gridH = compact.length ? H - COMPACT_STRIP : H
    const cols = columnsFor(main.length)
    const rows = Math.ceil(main.length / cols)
    column(0, 0, W, gridH, rows).forEach((r, ri) => {
      const inRow = main.slice(ri * cols, ri * cols + cols)
      row(0, r.y, W, r.height, inRow.length).forEach((b, i) => {
        placed.set(inRow[i] as T, b)
      })
    })
    row(0, gridH, W, H - gridH, compact.length).forEach((b, i) => {
      placed.set(compact[i] as T, b)
    })
  }
  return tiles.map((t) => ({ ...t, bounds: placed.get(t) ?? { x: 0, y: 0, width: 0, height: 0 } }))
}

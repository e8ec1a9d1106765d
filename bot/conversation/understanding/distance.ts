/**
 * Bounded optimal-string-alignment distance (Levenshtein plus adjacent transpositions, each edit costing 1).
 *
 * Why our own 30 lines rather than a package: typed typos are often swapped neighbours ("hlep", "ยกเลกิ"), which
 * plain Levenshtein (fastest-levenshtein, leven) counts as two edits; and we only ever ask "is it within 1 or 2?",
 * so the loop stays inside the diagonal band |i − j| ≤ max and gives up as soon as a row exceeds it. Rows are kept in
 * module-level buffers: no allocation per call (the matcher runs on every chat message).
 */
const MAX_LENGTH = 64
const BIG = 1_000
let before = new Int32Array(MAX_LENGTH + 1)
let previous = new Int32Array(MAX_LENGTH + 1)
let current = new Int32Array(MAX_LENGTH + 1)

/** The distance between a and b if it is at most `max`, otherwise max + 1. */
export function boundedDistance(a: string, b: string, max: number): number {
  const n = a.length
  const m = b.length
  if (Math.abs(n - m) > max) {
    return max + 1
  }
  if (n > MAX_LENGTH || m > MAX_LENGTH) {
    return a === b ? 0 : max + 1
  }
  for (let j = 0; j <= m; j++) {
    previous[j] = j <= max ? j : BIG
    before[j] = BIG
  }
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max)
    const to = Math.min(m, i + max)
    current[0] = i <= max ? i : BIG
    if (from > 1) {
      current[from - 1] = BIG
    }
    let rowMin = current[0] as number
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost)
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        d = Math.min(d, (before[j - 2] as number) + 1)
      }
      current[j] = d
      rowMin = Math.min(rowMin, d)
    }
    if (to < m) {
      current[to + 1] = BIG
    }
    if (rowMin > max) {
      return max + 1
    }
    const spare = before
    before = previous
    previous = current
    current = spare
  }
  return Math.min(previous[m] as number, max + 1)
}

/** How many typing errors a phrase of this many characters tolerates: none under 5, one under 9, else two. */
export function tolerance(length: number): number {
  return length < 5 ? 0 : length < 9 ? 1 : 2
}

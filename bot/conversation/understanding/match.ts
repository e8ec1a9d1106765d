import type { Analysis } from './analyze.js'
import { CATALOGUE, type Catalogue, type Entry, type PhraseIndex } from './catalogue.js'
import { boundedDistance, tolerance } from './distance.js'
import { type IntentId, PRECEDENCE } from './intents.js'

/** Where a phrasing was found: tokens first..last (inclusive) of the message. */
export type Span = { entry: Entry; first: number; last: number; chars: number }

/** Pair parts may be this many tokens apart ("บัตร|ประชาชน|ที่|ตลาด|หาย" still is "บัตร…หาย"). */
const PAIR_GAP = 3
/** Typos are looked for only in messages up to this long (a long message is a story, not a mistyped command). */
const TYPO_MAX_LENGTH = 40

/**
 * Every phrasing of the index that occurs in the message on token boundaries: it must start where a token starts
 * and end where one ends, so "ตาม" is not found in "ติดตาม" nor "help" in "helpful". Comparing the joined tokens
 * (not token lists) keeps this independent of how ICU happened to segment the phrasing itself.
 */
export function scan(a: Analysis, index: PhraseIndex): Span[] {
  const spans: Span[] = []
  const { compact, offsets } = a
  for (let first = 0; first < a.tokens.length; first++) {
    const at = offsets[first] as number
    const bucket = index.byFirst.get(compact[at] as string)
    if (!bucket) {
      continue
    }
    for (const entry of bucket) {
      if (!compact.startsWith(entry.compact, at)) {
        continue
      }
      const end = at + entry.compact.length
      for (let last = first; last < a.tokens.length; last++) {
        const next = offsets[last + 1] as number
        if (next === end) {
          spans.push({ entry, first, last, chars: entry.compact.length })
        }
        if (next >= end) {
          break
        }
      }
    }
  }
  return spans
}

/** Pair parts found close together become one span of their intent, covering the words between them too. */
function joinPairs(parts: Span[], a: Analysis, catalogue: Catalogue): Span[] {
  const joined: Span[] = []
  for (const left of parts) {
    if (left.entry.side !== 0) {
      continue
    }
    for (const right of parts) {
      if (right.entry.side !== 1 || right.entry.pair !== left.entry.pair) {
        continue
      }
      const [early, late] = left.first < right.first ? [left, right] : [right, left]
      if (early.last >= late.first || late.first - early.last - 1 > PAIR_GAP) {
        continue
      }
      const pair = catalogue.pairs[left.entry.pair as number]
      const entry: Entry = { compact: '', kind: 'part', intent: pair?.intent }
      const chars = (a.offsets[late.last + 1] as number) - (a.offsets[early.first] as number)
      joined.push({ entry, first: early.first, last: late.last, chars })
    }
  }
  return joined
}

const inside = (s: Span, t: Span) => t.first <= s.first && s.last <= t.last && t.chars > s.chars

/**
 * The evidence in a message: intent spans (pairs joined), and whether it speaks of now or of the past. A span inside
 * a longer span of another intent is dropped ("ยกเลิก" inside "ยกเลิกรับข่าวสาร", "thanks" inside "no thanks"),
 * except calls for help and ongoing dangers: those always count.
 */
export function evidence(a: Analysis, catalogue: Catalogue) {
  const found = scan(a, catalogue)
  let past = false
  let present = false
  const parts: Span[] = []
  const spans: Span[] = []
  for (const s of found) {
    if (s.entry.kind === 'past') {
      past = true
    } else if (s.entry.kind === 'present') {
      present = true
    } else if (s.entry.kind === 'part') {
      parts.push(s)
    } else {
      spans.push(s)
    }
  }
  spans.push(...joinPairs(parts, a, catalogue))
  const kept = spans.filter(
    (s) =>
      s.entry.kind === 'distress' ||
      s.entry.kind === 'danger' ||
      !spans.some((t) => t.entry.intent !== s.entry.intent && inside(s, t)),
  )
  const byIntent = new Map<IntentId, Span[]>()
  for (const s of kept) {
    const id = s.entry.intent as IntentId
    const list = byIntent.get(id)
    if (list) {
      list.push(s)
    } else {
      byIntent.set(id, [s])
    }
  }
  return { byIntent, past, present }
}

/** The closest phrasing within its typo tolerance, comparing whole strings (ties: the earlier intent). */
export function closestPhrase(candidates: string[]): { entry: Entry; distance: number } | undefined {
  let best: { entry: Entry; distance: number } | undefined
  for (const text of candidates) {
    if (!text || text.length > TYPO_MAX_LENGTH) {
      continue
    }
    const head = text.charCodeAt(0)
    const tail = text.charCodeAt(text.length - 1)
    for (let length = text.length - 2; length <= text.length + 2; length++) {
      const max = tolerance(length)
      if (max === 0 || Math.abs(length - text.length) > max) {
        continue
      }
      for (const entry of CATALOGUE.byLength.get(length) ?? []) {
        // One typo cannot change both ends of a phrase of 5 characters or more: a cheap filter that skips most of
        // the catalogue (two typos, one at each end, are given up).
        if (entry.compact.charCodeAt(0) !== head && entry.compact.charCodeAt(length - 1) !== tail) {
          continue
        }
        const distance = boundedDistance(text, entry.compact, max)
        const better =
          !best ||
          distance < best.distance ||
          (distance === best.distance &&
            PRECEDENCE[entry.intent as IntentId] < PRECEDENCE[best.entry.intent as IntentId])
        if (distance <= max && better) {
          best = { entry, distance }
        }
      }
    }
  }
  return best
}

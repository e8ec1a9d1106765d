import { type Analysis, analyze } from './analyze.js'
import { CATALOGUE, type Entry } from './catalogue.js'
import { type IntentId, PRECEDENCE, SOCIAL } from './intents.js'
import { fromEnglishLayout } from './keyboard.js'
import { FILLERS } from './lexicon.js'
import { closestPhrase, evidence, type Span } from './match.js'

/**
 * exact: the whole message is a phrasing (after normalisation); strong: a short message that is essentially this
 * request (with fillers such as "ขอ…หน่อย", a greeting, or a typo); mention: it is named inside a longer text.
 */
export type Strength = 'exact' | 'strong' | 'mention'
export type IntentMatch = { id: IntentId; strength: Strength; score: number }

export type Understanding = {
  text: string
  normalized: string
  tokens: string[]
  /** The best reading, if any. */
  intent?: IntentMatch
  /** Every intent found, best first (a flow may look past the first, e.g. for yes/no). */
  matches: IntentMatch[]
  /** Answer with the emergency card now, whatever else is going on. Implies intent.id === 'sos'. */
  urgent: boolean
  /** Set when the text was Thai typed on the English keyboard layout and was read after retyping it. */
  layout?: 'kedmanee'
}

/**
 * A short message counts as one request when the intent's words (with fillers and small talk) are at least this
 * share of its characters, at most one other word is left ("แจ้งบัตรหายด่วน"), and…
 */
const STRONG_COVERAGE = 0.7
/** …it has at most this many words that are not fillers or small talk. */
const STRONG_MAX_WORDS = 6
const URGENT_SCORE = 0.9
const PAST_STORY_SCORE = 0.25

function scoreOf(strength: Strength, coverage: number): number {
  return strength === 'exact' ? 1 : strength === 'strong' ? 0.7 + 0.25 * coverage : 0.2 + 0.4 * coverage
}

/** What the matcher needs to know about each token of a message, computed once per message. */
type Words = { a: Analysis; filler: boolean[]; social: Uint8Array; length: (i: number) => number }

function mark(into: Uint8Array, spans: Span[]) {
  for (const s of spans) {
    into.fill(1, s.first, s.last + 1)
  }
}

/** How one intent fits the message, or undefined when its only evidence is a word that must stand alone. */
function measure(id: IntentId, spans: Span[], byIntent: Map<IntentId, Span[]>, w: Words): IntentMatch | undefined {
  const { a, filler, social } = w
  const n = a.tokens.length
  const covered = new Uint8Array(n)
  mark(covered, spans)
  if (id === 'cancel' && spans.some((s) => s.first === 0)) {
    // "ยกเลิกแจ้งเอกสารหาย": cancelling something another intent names is still a cancel.
    for (const [other, more] of byIntent) {
      if (other !== 'sos') {
        mark(covered, more)
      }
    }
  }
  let chars = 0
  let words = 0
  let uncovered = 0
  let bare = 0 // characters covered without counting small talk
  for (let i = 0; i < n; i++) {
    if (covered[i] || filler[i] || (social[i] === 1 && SOCIAL.has(id))) {
      bare += w.length(i)
    }
    const wrapper = filler[i] || social[i] === 1
    if (covered[i] || wrapper) {
      chars += w.length(i)
    } else {
      uncovered += 1
    }
    if (!wrapper) {
      words += 1
    }
  }
  if (bare < a.compact.length && spans.every((s) => s.entry.kind === 'alone')) {
    // "stop", "ไม่", "ตำรวจ" mean something only on their own (or with fillers): not in "สวัสดีครับคุณตำรวจ".
    return undefined
  }
  const coverage = chars / a.compact.length
  const strength: Strength =
    CATALOGUE.exact.get(a.compact)?.intent === id
      ? 'exact'
      : coverage >= STRONG_COVERAGE && uncovered <= 1 && words <= STRONG_MAX_WORDS
        ? 'strong'
        : 'mention'
  return { id, strength, score: scoreOf(strength, coverage) }
}

/**
 * Whether the message needs the emergency card now: SOS as the message itself, a call for help anywhere, an ongoing
 * danger not told as past, or an incident told as happening now or as a short report with nothing else asked.
 */
function isUrgent(sos: IntentMatch | undefined, sosSpans: Span[], others: boolean, tense: Tense, n: number) {
  const has = (kind: Entry['kind']) => sosSpans.some((s) => s.entry.kind === kind)
  return (
    sos !== undefined &&
    (sos.strength !== 'mention' ||
      has('distress') ||
      (has('danger') && !tense.past) ||
      (has('incident') && !tense.past && (tense.present || (!others && n <= STRONG_MAX_WORDS))))
  )
}
type Tense = { past: boolean; present: boolean }

function read(a: Analysis): Understanding {
  const base = { text: a.text, normalized: a.normalized, tokens: a.tokens }
  const n = a.tokens.length
  if (n === 0) {
    const matches: IntentMatch[] = a.acknowledgement ? [{ id: 'yes', strength: 'strong', score: 0.7 }] : []
    return { ...base, intent: matches[0], matches, urgent: false }
  }
  const { byIntent, past, present } = evidence(a, CATALOGUE)
  const filler = a.tokens.map((t) => FILLERS.has(t))
  const social = new Uint8Array(n)
  for (const [id, spans] of byIntent) {
    if (SOCIAL.has(id)) {
      mark(social, spans)
    }
  }
  const words: Words = { a, filler, social, length: (i) => (a.offsets[i + 1] as number) - (a.offsets[i] as number) }
  const matches: IntentMatch[] = []
  for (const [id, spans] of byIntent) {
    const m = measure(id, spans, byIntent, words)
    if (m) {
      matches.push(m)
    }
  }

  if (!matches.some((m) => m.strength !== 'mention')) {
    // Nothing clear: maybe a typo of a whole phrasing ("hlep me", "ขอบคุน"), with or without the fillers.
    const content = a.tokens.filter((_, i) => !filler[i]).join('')
    const typo = closestPhrase(content === a.compact ? [a.compact] : [a.compact, content])
    const id = typo?.entry.intent
    if (typo && id) {
      const others = matches.filter((m) => m.id !== id)
      matches.length = 0
      matches.push({ id, strength: 'strong', score: 0.8 - 0.05 * typo.distance }, ...others)
    }
  }

  const sos = matches.find((m) => m.id === 'sos')
  const others = matches.some((m) => m.id !== 'sos' && !SOCIAL.has(m.id))
  const urgent = isUrgent(sos, byIntent.get('sos') ?? [], others, { past, present }, n)
  if (sos && urgent) {
    sos.score = Math.max(sos.score, URGENT_SCORE)
  } else if (sos && past) {
    // An incident told as a story ("กระเป๋าถูกขโมยเมื่อวาน…"): a flow waiting for free text may ignore it.
    sos.score = Math.min(sos.score, PAST_STORY_SCORE)
  }
  matches.sort(
    (x, y) =>
      Number(urgent && y.id === 'sos') - Number(urgent && x.id === 'sos') ||
      y.score - x.score ||
      PRECEDENCE[x.id] - PRECEDENCE[y.id],
  )
  return { ...base, intent: matches[0], matches, urgent }
}

/**
 * What a chat message asks for. Pure and fast (the catalogue is compiled at module load): run it on every message.
 * Thai typed on the English keyboard layout is read again as Thai when that gives a clear request.
 */
export function understand(text: string): Understanding {
  const u = read(analyze(text, CATALOGUE.vocabulary))
  if (u.intent) {
    return u
  }
  const retyped = fromEnglishLayout(text)
  if (retyped) {
    const v = read(analyze(retyped, CATALOGUE.vocabulary))
    if (v.intent && v.intent.strength !== 'mention') {
      return { ...v, text, layout: 'kedmanee' }
    }
  }
  return u
}

/**
 * What may interrupt a step that waits for free text (a name, an address, what happened): SOS on any urgent
 * message; cancel and menu only when they are the message, never as words inside a story ("ยกเลิกบัตรไปแล้ว").
 */
export function interruption(u: Understanding): 'sos' | 'cancel' | 'menu' | undefined {
  if (u.urgent) {
    return 'sos'
  }
  const m = u.intent
  if (!m || m.strength === 'mention') {
    return undefined
  }
  return m.id === 'cancel' || m.id === 'menu' ? m.id : undefined
}

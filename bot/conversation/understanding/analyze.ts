import { ACKNOWLEDGEMENTS, ENGLISH_VARIANTS, PARTICLES } from './lexicon.js'
import { cleanText } from './normalize.js'

/** A message after normalisation and segmentation, in the shape the matchers need. */
export type Analysis = {
  /** The original text. */
  text: string
  /** Cleaned text without particles, words separated as the sender separated them. */
  normalized: string
  /** Word tokens, particles and echoes removed. */
  tokens: string[]
  /** The tokens joined without spaces: phrases are found in it, aligned on token boundaries. */
  compact: string
  /** Offset in `compact` of each token's first character, plus compact.length at the end. */
  offsets: number[]
  /** The message was only acknowledgement particles ("ครับ", "ค่ะ"). */
  acknowledgement: boolean
}

// One instance for the process: constructing a Segmenter loads ICU's Thai dictionary break iterator (slow);
// segment() itself is cheap and the instance is stateless between calls.
const SEGMENTER = new Intl.Segmenter('th', { granularity: 'word' })
const WHITESPACE = /\s/
const LAUGHTER = /^(5{3,}|(ha){2,}h?|(ฮ่?[าะ])+)$/

type Raw = { token: string; spaceBefore: boolean }
type Segment = { segment: string; isWordLike?: boolean }

const NOT_THAI = /^[^\u0E00-\u0E7F]*$/
const SPACE: Segment = { segment: ' ', isWordLike: false }

/**
 * Words of cleaned text. Without Thai letters, cleaned text is words separated by single spaces, which is exactly
 * what ICU would return: splitting it ourselves saves the segmenter's cost (about 20 µs a message).
 */
function words(clean: string): Iterable<Segment> {
  if (!NOT_THAI.test(clean)) {
    return SEGMENTER.segment(clean)
  }
  const out: Segment[] = []
  for (const word of clean.split(' ')) {
    if (word) {
      if (out.length > 0) {
        out.push(SPACE)
      }
      out.push({ segment: word, isWordLike: true })
    }
  }
  return out
}

/** "ค่าา" → "ค่า": a doubled last letter is emphasis when the shorter word is known. */
function squeezeTail(token: string): string {
  const n = token.length
  return n > 1 && token[n - 1] === token[n - 2] ? token.slice(0, -1) : token
}

function isParticle(word: string): boolean {
  return PARTICLES.has(word) || PARTICLES.has(squeezeTail(word))
}

/**
 * ICU splits unknown spellings oddly ("คร้าบ" → ค|ร้า|บ, "ขอบคุณค้าบ" → ขอบ|คุณ|ค้า|บ), so a particle may span up to
 * three short tokens. Returns how many tokens from i form the longest particle (0 if none).
 */
function particleLength(raw: Raw[], i: number): number {
  let joined = ''
  let longest = 0 // "ครับ|ผม" is one particle, not "ครับ" and then the word "ผม"
  for (let k = 0; k < 3 && i + k < raw.length; k++) {
    const t = (raw[i + k] as Raw).token
    if (k > 0 && (t.length > 3 || (raw[i] as Raw).token.length > 4)) {
      break
    }
    joined += t
    if (isParticle(joined)) {
      longest = k + 1
    }
  }
  return longest
}

function repair(token: string, vocabulary: ReadonlySet<string> | undefined): string {
  const variant = ENGLISH_VARIANTS[token]
  if (variant) {
    return variant
  }
  if (vocabulary && !vocabulary.has(token)) {
    const squeezed = squeezeTail(token)
    if (squeezed !== token && vocabulary.has(squeezed)) {
      return squeezed
    }
  }
  return token
}

/**
 * Normalises and segments a message. `vocabulary` (the words the caller knows) lets "helpp" or "yess" be read as
 * "help" and "yes" without squeezing real doubles such as "good".
 */
export function analyze(text: string, vocabulary?: ReadonlySet<string>): Analysis {
  const clean = cleanText(text)
  const raw: Raw[] = []
  let space = false
  for (const s of words(clean)) {
    if (!s.isWordLike) {
      space ||= WHITESPACE.test(s.segment)
      continue
    }
    const token = repair(s.segment, vocabulary)
    const previous = raw.at(-1)?.token
    // An echo of the previous word's last letter ("ช่วยด้วย|ย", "ครับ|บ") is emphasis, not a word.
    if (previous && !space && [...token].every((c) => previous.endsWith(c))) {
      continue
    }
    if (LAUGHTER.test(token)) {
      space = true
      continue
    }
    raw.push({ token, spaceBefore: space })
    space = false
  }

  const tokens: string[] = []
  const offsets: number[] = []
  let normalized = ''
  let compact = ''
  let particles = 0
  let acknowledged = true
  let pendingSpace = false
  for (let i = 0; i < raw.length; ) {
    const entry = raw[i] as Raw
    const n = particleLength(raw, i)
    if (n > 0) {
      const word = raw
        .slice(i, i + n)
        .map((r) => r.token)
        .join('')
      acknowledged &&= ACKNOWLEDGEMENTS.has(word) || ACKNOWLEDGEMENTS.has(squeezeTail(word))
      particles += 1
      pendingSpace ||= entry.spaceBefore
      i += n
      continue
    }
    if (normalized && (entry.spaceBefore || pendingSpace)) {
      normalized += ' '
    }
    pendingSpace = false
    normalized += entry.token
    offsets.push(compact.length)
    tokens.push(entry.token)
    compact += entry.token
    i += 1
  }
  offsets.push(compact.length)
  return {
    text,
    normalized,
    tokens,
    compact,
    offsets,
    acknowledgement: tokens.length === 0 && particles > 0 && acknowledged,
  }
}

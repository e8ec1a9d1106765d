import { THAI_VARIANTS } from './lexicon.js'

/**
 * String-level clean-up of a chat message, before segmentation. Pure and allocation-light: a handful of regex
 * passes over a short string. The result is for matching only; keep the original text for anything shown or stored.
 */

// U+200B–U+200D, U+2060 and U+FEFF are invisible but break exact comparison (they come from copy-paste and some
// keyboards); variation selectors and the keycap mark are leftovers of emoji.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]|\uFE0E|\uFE0F|\u20E3/g
const THAI_DIGIT = /[\u0E50-\u0E59]/g
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g
// NFKC splits SARA AM (ำ) into NIKHAHIT + SARA AA; people also type that pair by hand. Recompose it.
const SARA_AM = /\u0E4D\u0E32/g
// Two SARA E typed for one SARA AE (เเ for แ) is a common Thai typing habit.
const DOUBLE_SARA_E = /\u0E40\u0E40/g
// Mai yamok (ๆ) repeats the previous word: "ช่วยด้วยๆๆ" means the same as "ช่วยด้วย".
const MAI_YAMOK = /\s*\u0E46/g
// A Thai vowel or tone mark twice in a row is always a typo ("ช่่วย").
const DOUBLED_THAI_MARK = /([\u0E31\u0E34-\u0E3A\u0E47-\u0E4E])\1+/g
// Three or more of the same letter is emphasis ("ช่วยยยย", "helppp", "ครับบบ"); two can be a real spelling
// ("good", "all", "ธรรม"), so runs of two are left to the token-level repair in analyze.ts. Digits are never
// squeezed: they may be a phone or ID number.
const LETTER_RUN = /([\p{L}\p{M}])\1{2,}/gu
const APOSTROPHE = /['’‘`]/g
// Everything but letters, marks, digits and spaces: punctuation, symbols, emoji.
const NOT_WORD = /[^\p{L}\p{M}\p{N}\s]+/gu
// Thai glued to Latin letters or digits ("บัตรatm", "โทร191"): ICU keeps them as one token, so split them.
const THAI_THEN_LATIN = /([\u0E00-\u0E7F])([a-z0-9])/g
const LATIN_THEN_THAI = /([a-z0-9])([\u0E00-\u0E7F])/g
const SPACES = /\s+/g

/** Emoji that mean something to this bot, turned into words before the rest are stripped. */
const EMOJI_WORDS: Readonly<Record<string, string>> = { '🆘': ' sos ', '👍': ' ok ', '👌': ' ok ', '🚨': ' sos ' }
const EMOJI = new RegExp(Object.keys(EMOJI_WORDS).join('|'), 'gu')

const variantKeys = Object.keys(THAI_VARIANTS).sort((a, b) => b.length - a.length)
// Not followed by a vowel or tone mark: "อุบัติเหต" must not match the start of the correct "อุบัติเหตุ".
const THAI_VARIANT = new RegExp(`(?:${variantKeys.join('|')})(?![\u0E31\u0E34-\u0E3A\u0E47-\u0E4E])`, 'g')

/** NFKC, lower case, invisible characters, digits, emoji and punctuation, repeats, Thai variants, spacing. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(SARA_AM, '\u0E33')
    .replace(DOUBLE_SARA_E, '\u0E41')
    .toLowerCase()
    .replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(ARABIC_INDIC_DIGIT, (d) => String(d.charCodeAt(0) & 0xf))
    .replace(EMOJI, (e) => EMOJI_WORDS[e] ?? ' ')
    .replace(MAI_YAMOK, '')
    .replace(APOSTROPHE, '')
    .replace(NOT_WORD, ' ')
    .replace(DOUBLED_THAI_MARK, '$1')
    .replace(LETTER_RUN, '$1')
    .replace(THAI_VARIANT, (v) => THAI_VARIANTS[v] ?? v)
    .replace(THAI_THEN_LATIN, '$1 $2')
    .replace(LATIN_THEN_THAI, '$1 $2')
    .replace(SPACES, ' ')
    .trim()
}

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' })

/**
 * A name as officers see it before a reveal: first and last character, "ส***ย" for สมชาย. Thai is split by grapheme
 * so a vowel or tone mark stays with its consonant ("สมศักดิ์" → "ส***ดิ์"). Each word is masked on its own.
 */
export function maskName(name: string | null | undefined): string | null {
  if (!name) {
    return null
  }
  const words = name.normalize('NFC').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) {
    return null
  }
  return words.map(maskWord).join(' ')
}

function maskWord(word: string): string {
  const parts = Array.from(graphemes.segment(word), (s) => s.segment)
  if (parts.length <= 1) {
    return '*'
  }
  if (parts.length === 2) {
    return `${parts[0]}*`
  }
  return `${parts[0]}***${parts[parts.length - 1]}`
}

/** A phone number before a reveal: the last three digits only ("******678"). */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) {
    return null
  }
  const digits = phone.replace(/\D/g, '')
  return digits.length <= 3 ? '***' : `${'*'.repeat(digits.length - 3)}${digits.slice(-3)}`
}

/**
 * Pure field rules for lost-document reports. No imports: the LIFF form (Vite) imports this file as it is, so the
 * browser checks as the citizen types exactly what the server checks on submit.
 */

const THAI_DIGITS = /[\u0E50-\u0E59]/g

/** Thai numerals (๐–๙, from a Thai keyboard) to ASCII digits; full-width forms too. */
export function asciiDigits(value: string): string {
  return value.normalize('NFKC').replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
}

/** An ID number as stored: separators and spaces gone, letters upper-cased ("1-2345-67890-12-1" → "1234567890121"). */
export function compactIdNumber(value: string): string {
  return asciiDigits(value)
    .replace(/[\s\-./]/g, '')
    .toUpperCase()
}

/** Thai national ID: 13 digits, the last one a mod-11 check digit over the first twelve (weights 13..2). */
export function isThaiNationalId(value: string): boolean {
  const id = compactIdNumber(value)
  if (!/^\d{13}$/.test(id)) {
    return false
  }
  let sum = 0
  for (let i = 0; i < 12; i++) {
    sum += Number(id[i]) * (13 - i)
  }
  return (11 - (sum % 11)) % 10 === Number(id[12])
}

/** Passports, alien IDs and work permits: letters and digits, 6 to 20 of them (formats vary by country). */
export function isDocumentIdNumber(value: string): boolean {
  return /^[A-Z0-9]{6,20}$/.test(compactIdNumber(value))
}

/** `1-2345-67890-12-1`, the way the card prints it. */
export function formatThaiId(value: string): string {
  const d = compactIdNumber(value)
  return d.length === 13 ? `${d[0]}-${d.slice(1, 5)}-${d.slice(5, 10)}-${d.slice(10, 12)}-${d[12]}` : d
}

/**
 * A Thai mobile number as dialled at home, "0812345678"; accepts +66 / 0066 / 66 prefixes, spaces and dashes.
 * Returns null when it is not a Thai mobile number (06, 08, 09 + 8 digits).
 */
export function normaliseMobile(value: string): string | null {
  let digits = asciiDigits(value).replace(/[\s\-().]/g, '')
  if (!/^\+?\d+$/.test(digits)) {
    return null
  }
  digits = digits.replace(/^\+/, '')
  if (digits.startsWith('0066')) {
    digits = `0${digits.slice(4)}`
  } else if (digits.startsWith('66') && digits.length === 11) {
    digits = `0${digits.slice(2)}`
  }
  return /^0[689]\d{8}$/.test(digits) ? digits : null
}

export function isPostcode(value: string): boolean {
  return /^\d{5}$/.test(asciiDigits(value).trim())
}

/** The last characters of a number, kept in plain text to show it masked. */
export function lastDigits(value: string, n = 4): string {
  return compactIdNumber(value).slice(-n)
}

/** Bangkok is UTC+7 all year (no daylight saving), so local wall-clock times convert with a fixed offset. */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000

const LOCAL_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function validYmd(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * "2026-11-26T14:05" as Bangkok wall-clock time (what LINE's datetime picker and a datetime-local input give), or a
 * full ISO string with an offset. Null when it is not a real date and time.
 */
export function parseBangkokDateTime(value: string): Date | null {
  const m = LOCAL_DATETIME.exec(value.trim())
  if (m) {
    const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as number[]
    if (y === undefined || mo === undefined || d === undefined || !validYmd(y, mo, d)) {
      return null
    }
    if ((h ?? 99) > 23 || (mi ?? 99) > 59 || (s ?? 99) > 59) {
      return null
    }
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - BANGKOK_OFFSET_MS)
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value.trim())) {
    const at = new Date(value)
    return Number.isNaN(at.getTime()) ? null : at
  }
  return null
}

/** A calendar date "YYYY-MM-DD" (Gregorian). Null when it is not a real date. */
export function parseIsoDate(value: string): { y: number; m: number; d: number } | null {
  const match = ISO_DATE.exec(value.trim())
  if (!match) {
    return null
  }
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return validYmd(y, m, d) ? { y, m, d } : null
}

/** Today's date in Bangkok, "YYYY-MM-DD". */
export function bangkokToday(now: Date): string {
  return new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10)
}

/** Now as Bangkok wall-clock "YYYY-MM-DDTHH:mm" (the max of a datetime picker). */
export function bangkokLocalDateTime(now: Date): string {
  return new Date(now.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 16)
}

/**
 * A date typed in a chat: "12/05/2530" (Buddhist Era, as Thai forms write it), "12/05/1987", "12-5-2530" or ISO.
 * Years above 2400 are read as BE. Returns "YYYY-MM-DD" or null.
 */
export function parseTypedDate(value: string): string | null {
  const text = asciiDigits(value).trim()
  const iso = parseIsoDate(text)
  if (iso) {
    return text
  }
  const m = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(text)
  if (!m) {
    return null
  }
  const d = Number(m[1])
  const mo = Number(m[2])
  let y = Number(m[3])
  if (y > 2400) {
    y -= 543
  }
  if (!validYmd(y, mo, d)) {
    return null
  }
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Title words before a name ("นายสมชาย", "Mr Somchai"): not part of the first or the family name. */
const TITLE = /^(นางสาว|นาง|นาย|น\.ส\.|ด\.ช\.|ด\.ญ\.|เด็กชาย|เด็กหญิง|mrs\.?|mr\.?|ms\.?|miss|dr\.?)\s*/i

/** A first and a family name, separated by a space as Thai names are written ("สมชาย ใจดี", "Anna Smith"). */
export function isFullName(name: string): boolean {
  return name.replace(TITLE, '').trim().split(/\s+/).filter(Boolean).length >= 2
}

// Dates as Thai readers expect them: Buddhist Era in Thai, Asia/Bangkok whatever the machine's zone. Shared by the
// server (bot/i18n) and the LIFF apps (@contracts/dates.js, through liff/shared/lib/i18n.ts): plain Intl, no imports
// but the other contracts.
import type { Language } from './citizens.js'

/** The same options in Thai (Buddhist Era) and English. */
function bilingualFormat(options: Intl.DateTimeFormatOptions): Record<Language, Intl.DateTimeFormat> {
  return { th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', options), en: new Intl.DateTimeFormat('en-GB', options) }
}

const dateFormat = bilingualFormat({
  timeZone: 'Asia/Bangkok',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** Calendar dates (no time, no zone): the month short (`12 พ.ค. 2530`) or in full (`12 พฤษภาคม 2530`). */
const dayFormat = {
  short: bilingualFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  long: bilingualFormat({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
}

/** A calendar date "YYYY-MM-DD" as the UTC midnight of that day, or null when it is not one. */
export function calendarDay(ymd: string): Date | null {
  const [y, m, d] = ymd.split('-').map(Number)
  return y && m && d ? new Date(Date.UTC(y, m - 1, d)) : null
}

/**
 * A calendar date "YYYY-MM-DD" (a date of birth) as people read it: `12 พ.ค. 2530` (Buddhist Era) or `12 May 1987`;
 * with `month: 'long'`, `12 พฤษภาคม 2530` / `12 May 1987`. Anything else is returned as it is.
 */
export function formatDay(lang: Language, ymd: string, month: 'short' | 'long' = 'short'): string {
  const at = calendarDay(ymd)
  return at ? dayFormat[month][lang].format(at) : ymd
}

/** `26 พ.ย. 2569 14:05 น.` in Thai (Buddhist Era), `26 Nov 2026 14:05` in English; always Asia/Bangkok. */
export function formatDateTime(lang: Language, at: Date): string {
  const parts = dateFormat[lang].formatToParts(at)
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  const date = `${get('day')} ${get('month')} ${get('year')}`
  const time = `${get('hour')}:${get('minute')}`
  return lang === 'th' ? `${date} ${time} น.` : `${date} ${time}`
}

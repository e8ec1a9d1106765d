import type { Language } from '../../db/schema/citizens.js'
import { en } from './en.js'
import { type MessageKey, th } from './th.js'

export type { Language, MessageKey }
/** Adding a language is adding a catalogue here (and its value in LANGUAGES). */
export const catalogues: Record<Language, Record<MessageKey, string>> = { th, en }

export function t(lang: Language, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = catalogues[lang][key]
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}

/** LINE profile languages are BCP 47 tags (th, en, ja, zh-Hant...): Thai stays Thai, everyone else reads English. */
export function languageFromProfile(tag: string | undefined): Language {
  return tag?.toLowerCase().startsWith('th') ? 'th' : tag ? 'en' : 'th'
}

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
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const date = `${get('day')} ${get('month')} ${get('year')}`
  const time = `${get('hour')}:${get('minute')}`
  return lang === 'th' ? `${date} ${time} น.` : `${date} ${time}`
}

import { en } from '../i18n/en.js'
import { type MessageKey, th } from '../i18n/th.js'

export type { MessageKey }
export const LANGUAGES = ['th', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** Adding a language: a catalogue file in ../i18n/, its code in LANGUAGES, its entry here and in LANGUAGE_NAMES. */
export const catalogues: Record<Language, Record<MessageKey, string>> = { th, en }

/** Each language named in itself, so a reader finds their own language whatever the page shows. */
export const LANGUAGE_NAMES: Record<Language, string> = { th: 'ไทย', en: 'English' }

export function t(lang: Language, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}

/** Both languages, Thai first: for errors, which must reach the reader whatever language is set. */
export function tBoth(key: MessageKey, vars: Record<string, string | number> = {}): { th: string; en: string } {
  return { th: t('th', key, vars), en: t('en', key, vars) }
}

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v)
}

/** BCP 47 tag from LINE (th, th-TH, en-US, ja…): Thai stays Thai, everyone else reads English. */
export function languageFromTag(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('th') ? 'th' : tag ? 'en' : 'th'
}

const formats: Record<Language, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
}

/** `26 พ.ย. 2569 14:05 น.` (Buddhist Era) in Thai, `26 Nov 2026 14:05` in English; always Asia/Bangkok time. */
export function formatDateTime(lang: Language, at: Date): string {
  const parts = formats[lang].formatToParts(at)
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? ''
  const date = `${get('day')} ${get('month')} ${get('year')}`
  const time = `${get('hour')}:${get('minute')}`
  return lang === 'th' ? `${date} ${time} น.` : `${date} ${time}`
}

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

const dateFormat = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
}

/** `26 พ.ย. 2569 14:05 น.` in Thai (Buddhist Era), `26 Nov 2026 14:05` in English; always Asia/Bangkok. */
export function formatDateTime(lang: Language, at: Date): string {
  const parts = dateFormat[lang].formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const date = `${get('day')} ${get('month')} ${get('year')}`
  const time = `${get('hour')}:${get('minute')}`
  return lang === 'th' ? `${date} ${time} น.` : `${date} ${time}`
}

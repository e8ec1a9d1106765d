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

/** Dates as Thai readers expect them (Buddhist Era, Asia/Bangkok), the same in the server and the LIFF apps. */
export { calendarDay, formatDateTime, formatDay } from '../contracts/dates.js'

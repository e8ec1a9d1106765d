// Language helpers for both LIFF apps. The texts stay in each app (liff/src/i18n/, liff/admin/src/i18n/); each
// app's lib/i18n.ts binds its catalogues with createTranslator and is that app's one i18n entry point.

import { LANGUAGES, type Language } from '@contracts/citizens.js'

/** Thai first, then English (bot/contracts/citizens.ts: the server speaks the same two). */
export { LANGUAGES, type Language }

/** Each language named in itself, so a reader finds their own language whatever the page shows. */
export const LANGUAGE_NAMES: Record<Language, string> = { th: 'ไทย', en: 'English' }

export type Vars = Record<string, string | number>
export type Catalogues<Key extends string> = Record<Language, Record<Key, string>>

/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function fill(text: string, vars: Vars = {}): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}

/** `t` for one language, `tBoth` for both (Thai first): errors must reach the reader whatever language is set. */
export function createTranslator<Key extends string>(catalogues: Catalogues<Key>) {
  const t = (lang: Language, key: Key, vars: Vars = {}): string => fill(catalogues[lang][key], vars)
  const tBoth = (key: Key, vars: Vars = {}): { th: string; en: string } => ({
    th: t('th', key, vars),
    en: t('en', key, vars),
  })
  return { t, tBoth }
}

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v)
}

/** BCP 47 tag from LINE (th, th-TH, en-US, ja…): Thai stays Thai, everyone else reads English. */
export function languageFromTag(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('th') ? 'th' : tag ? 'en' : 'th'
}

/** `26 พ.ย. 2569 14:05 น.` (Buddhist Era) in Thai, `26 Nov 2026 14:05` in English; always Asia/Bangkok time. */
export { formatDateTime } from '@contracts/dates.js'

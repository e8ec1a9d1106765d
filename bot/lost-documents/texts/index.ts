import type { Language } from '../../../db/schema/index.js'
import { en } from './en.js'
import { type LostDocText, th } from './th.js'

export type { LostDocText }
export const lostDocTexts: Record<Language, Record<LostDocText, string>> = { th, en }

/** A text of the lost-document service, placeholders `{name}` filled. */
export function tl(lang: Language, key: LostDocText, vars: Record<string, string | number> = {}): string {
  return lostDocTexts[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}

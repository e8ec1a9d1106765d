import type { Language } from '../../../db/schema/index.js'
import { en } from './en.js'
import { type ConsultationText, th } from './th.js'

export type { ConsultationText }
export const consultationTexts: Record<Language, Record<ConsultationText, string>> = { th, en }

/** A text of the consultation service, placeholders `{name}` filled. */
export function tc(lang: Language, key: ConsultationText, vars: Record<string, string | number> = {}): string {
  return consultationTexts[lang][key].replace(/\{(\w+)\}/g, (m, name: string) =>
    name in vars ? String(vars[name]) : m,
  )
}

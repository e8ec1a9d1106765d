import { type Catalogues, createTranslator, formatDateTime, isLanguage, type Language } from '@shared/lib/i18n.js'
import { en } from '../i18n/en.js'
import { type AdminKey, th } from '../i18n/th.js'

// The officers' app i18n entry point: the shared language helpers, t over the officers' catalogues, and the
// formats officers read (dates, durations, numbers).
export type { AdminKey, Language }
export { formatDateTime }

const catalogues: Catalogues<AdminKey> = { th, en }
const LANG_KEY = 'rsz.admin.lang'

/** The officers' page text; `{name}` placeholders as in the citizen catalogues. */
export const { t } = createTranslator(catalogues)

/** Thai first for every officer; an English choice is remembered on this device. */
export function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANG_KEY)
    return isLanguage(saved) ? saved : 'th'
  } catch {
    return 'th'
  }
}

export function storeLanguage(lang: Language) {
  try {
    localStorage.setItem(LANG_KEY, lang)
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/** An ISO instant as `26 พ.ย. 2569 14:05 น.` (Buddhist Era, Bangkok) or `26 Nov 2026 14:05`. */
export function when(lang: Language, iso: string | null | undefined): string {
  if (!iso) {
    return '—'
  }
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? '—' : formatDateTime(lang, at)
}

/** A date-only `YYYY-MM-DD` (Bangkok) as `26 พ.ย. 2569` / `26 Nov 2026`. */
export function day(lang: Language, ymd: string): string {
  const at = new Date(`${ymd}T12:00:00+07:00`)
  if (Number.isNaN(at.getTime())) {
    return ymd
  }
  return formatDateTime(lang, at).split(' ').slice(0, 3).join(' ')
}

/** Minutes as `1 ชม. 25 นาที` / `1 h 25 min` (days beyond 48 hours). */
export function duration(lang: Language, minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) {
    return '—'
  }
  const m = Math.round(minutes)
  const units = lang === 'th' ? { d: 'วัน', h: 'ชม.', m: 'นาที' } : { d: 'd', h: 'h', m: 'min' }
  if (m >= 48 * 60) {
    const days = Math.floor(m / 1440)
    const hours = Math.round((m % 1440) / 60)
    return hours ? `${days} ${units.d} ${hours} ${units.h}` : `${days} ${units.d}`
  }
  if (m >= 60) {
    const rest = m % 60
    return rest ? `${Math.floor(m / 60)} ${units.h} ${rest} ${units.m}` : `${Math.floor(m / 60)} ${units.h}`
  }
  return `${m} ${units.m}`
}

/** Numbers with the reader's grouping (Thai uses Arabic digits in software, as LINE does). */
export function num(lang: Language, n: number): string {
  return n.toLocaleString(lang === 'th' ? 'th-TH' : 'en-GB')
}

/** Today in Bangkok as YYYY-MM-DD, and n days before it. */
export function bangkokDate(offsetDays = 0, from = new Date()): string {
  const shifted = new Date(from.getTime() + 7 * 3600_000 - offsetDays * 86_400_000)
  return shifted.toISOString().slice(0, 10)
}

/** The instant a Bangkok calendar day starts (for `from`) or ends (for `to`), as ISO UTC. */
export function dayBoundary(ymd: string, edge: 'start' | 'end'): string {
  const start = new Date(`${ymd}T00:00:00+07:00`)
  return new Date(edge === 'start' ? start.getTime() : start.getTime() + 86_400_000 - 1).toISOString()
}

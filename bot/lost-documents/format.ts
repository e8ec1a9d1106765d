import type { Language } from '../../db/schema/index.js'
import { formatDateTime } from '../i18n/index.js'

const dateOnly = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
}

/** A calendar date "YYYY-MM-DD" as people read it: `12 พ.ค. 2530` (Buddhist Era) or `12 May 1987`. */
export function formatDay(lang: Language, ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number)
  if (!y || !m || !d) {
    return ymd
  }
  return dateOnly[lang].format(new Date(Date.UTC(y, m - 1, d)))
}

/** When the documents were lost: one time, or "from – to". */
export function formatWhen(lang: Language, from: Date, to: Date | null): string {
  return to ? `${formatDateTime(lang, from)} – ${formatDateTime(lang, to)}` : formatDateTime(lang, from)
}

export { formatAddress } from '../contracts/lost-documents/address-format.js'

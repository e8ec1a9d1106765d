import type { Language } from '../../db/schema/index.js'
import { formatDateTime } from '../i18n/index.js'

/** A calendar date "YYYY-MM-DD" as people read it: `12 พ.ค. 2530` (Buddhist Era) or `12 May 1987`. */
export { formatDay } from '../i18n/index.js'

/** When the documents were lost: one time, or "from – to". */
export function formatWhen(lang: Language, from: Date, to: Date | null): string {
  return to ? `${formatDateTime(lang, from)} – ${formatDateTime(lang, to)}` : formatDateTime(lang, from)
}

export { formatAddress } from '../contracts/lost-documents/address-format.js'

import { formatDateTime } from '../i18n/index.js'
import type { Bilingual } from './parts.js'

/** An instant as citizens read it: Buddhist Era in Thai, Asia/Bangkok whatever the server's zone. */
export function biDateTime(at: Date | null): Bilingual | string {
  return at ? { th: formatDateTime('th', at), en: formatDateTime('en', at) } : '—'
}

const day = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
}

/** A calendar date `YYYY-MM-DD` (a date of birth): `5 มกราคม 2533` / `5 January 1990`. */
export function biDay(ymd: string | null): Bilingual | string {
  const [y, m, d] = (ymd ?? '').split('-').map(Number)
  if (!y || !m || !d) {
    return ymd ?? '—'
  }
  const at = new Date(Date.UTC(y, m - 1, d))
  return { th: day.th.format(at), en: day.en.format(at) }
}

/** ISO 8601 for the machine-readable file (UTC), or null. */
export function iso(at: Date | null): string | null {
  return at ? at.toISOString() : null
}

/** A value that may be missing, as the readable page shows it. */
export function text(v: string | null | undefined): string {
  return v?.trim() ? v : '—'
}

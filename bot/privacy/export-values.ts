import { calendarDay, formatDateTime, formatDay } from '../i18n/index.js'
import type { Bilingual } from './parts.js'

/** An instant as citizens read it: Buddhist Era in Thai, Asia/Bangkok whatever the server's zone. */
export function biDateTime(at: Date | null): Bilingual | string {
  return at ? { th: formatDateTime('th', at), en: formatDateTime('en', at) } : '—'
}

/** A calendar date `YYYY-MM-DD` (a date of birth): `5 มกราคม 2533` / `5 January 1990`. */
export function biDay(ymd: string | null): Bilingual | string {
  if (!ymd || !calendarDay(ymd)) {
    return ymd ?? '—'
  }
  return { th: formatDay('th', ymd, 'long'), en: formatDay('en', ymd, 'long') }
}

/** ISO 8601 for the machine-readable file (UTC), or null. */
export function iso(at: Date | null): string | null {
  return at ? at.toISOString() : null
}

/** A value that may be missing, as the readable page shows it. */
export function text(v: string | null | undefined): string {
  return v?.trim() ? v : '—'
}

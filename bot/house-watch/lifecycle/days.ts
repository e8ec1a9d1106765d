// Bangkok calendar arithmetic for the watch's period (Thailand keeps UTC+7 all year, as in ../shifts.ts).
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** The Bangkok date (YYYY-MM-DD) of an instant. */
export function bangkokDay(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10)
}

/** The Bangkok hour (0–23) of an instant. */
export function bangkokHour(at: Date): number {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).getUTCHours()
}

/** A date `n` days after `ymd` (negative: before). */
export function addDays(ymd: string, n: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)
}

/** The instant a Bangkok date's hour starts ("2026-12-03", 20 → 2026-12-03T13:00Z). */
export function bangkokMoment(ymd: string, hour: number): Date {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + hour * 60 * 60 * 1000 - BANGKOK_OFFSET_MS)
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/**
 * How personal numbers are shown by default: only the last few characters, the rest as x, in the shape the
 * document prints them, so the owner recognises their number and nobody else learns it.
 */

/** A Thai national ID from its last digits: `x-xxxx-xxxxx-12-3` (the last three shown). */
export function maskThaiId(last: string): string {
  const d = last.replace(/\D/g, '').slice(-3).padStart(3, 'x')
  return `x-xxxx-xxxxx-${d.slice(0, 2)}-${d.slice(2)}`
}

/** Any other number (passport, work permit, bank card): `xxxxx1234`, at least five x so the length stays unknown. */
export function maskNumber(last: string | null | undefined, shown = 4): string {
  if (!last) {
    return 'xxxxx'
  }
  return `xxxxx${last.slice(-shown)}`
}

/** An ID of any type, masked the way its card shows it. */
export function maskIdNumber(idType: string, last: string): string {
  return idType === 'thai_id' ? maskThaiId(last) : maskNumber(last)
}

/** A Thai mobile number: `0xx-xxx-5678`. */
export function maskMobile(last: string): string {
  return `0xx-xxx-${last.slice(-4).padStart(4, 'x')}`
}

import type { Language } from '../../../db/schema/index.js'
import { hmac, type RecordSettings, sameBase64url } from './keys.js'

/** How long a download link works: long enough to open it later from the chat, short enough to limit a leak. */
export const PDF_LINK_TTL_SECONDS = 7 * 24 * 60 * 60
const SIG_SHAPE = /^[A-Za-z0-9_-]{43}$/
const EXP_SHAPE = /^\d{1,12}$/

export function pdfPath(caseId: string): string {
  return `/api/liff/lost-documents/${caseId}/record.pdf`
}

function signature(caseId: string, lang: Language, exp: number, key: Buffer): string {
  return hmac(key, `${caseId}|${lang}|${exp}`).toString('base64url')
}

/**
 * The record's download link: the PDF carries personal data and opens in LINE's browser without a LIFF login, so
 * the link itself is the permission, bound to the case and the language and expiring after PDF_LINK_TTL_SECONDS.
 */
export function signedPdfUrl(keys: RecordSettings, caseId: string, lang: Language, now: Date = new Date()): string {
  const exp = Math.floor(now.getTime() / 1000) + PDF_LINK_TTL_SECONDS
  const sig = signature(caseId, lang, exp, keys.downloadKey)
  return `${keys.publicBaseUrl}${pdfPath(caseId)}?lang=${lang}&exp=${exp}&sig=${sig}`
}

export type LinkCheck = 'ok' | 'invalid' | 'expired'

/** The signature is checked before the expiry, so an edited `exp` reads as tampered, not as expired. */
export function checkPdfLink(
  keys: RecordSettings,
  input: { caseId: string; lang: Language; exp?: string | undefined; sig?: string | undefined },
  now: Date,
): LinkCheck {
  const { exp, sig } = input
  if (!exp || !sig || !EXP_SHAPE.test(exp) || !SIG_SHAPE.test(sig)) {
    return 'invalid'
  }
  const expected = signature(input.caseId, input.lang, Number(exp), keys.downloadKey)
  if (!sameBase64url(sig, expected)) {
    return 'invalid'
  }
  return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok'
}

import { hmac, type RecordSettings, sha256Hex } from './keys.js'

/** 128 bits: unguessable, and short enough (22 characters) for a QR code a phone reads at a glance. */
export const VERIFY_TOKEN_BYTES = 16
export const VERIFY_TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/

/**
 * The public verification token of an issued record: HMAC(verifyKey, caseId + issuedAt), truncated to 128 bits.
 *
 * Why derived and not random-then-stored: only SHA-256(token) is stored (lost_document_reports.verify_token_hash),
 * so a copy of the database does not let anyone forge a verification link; yet every PDF render needs the token
 * for its QR code. Deriving it from a server secret and two facts the row already holds gives the same token on
 * every render without storing it anywhere. (bot/privacy encryption was the alternative; it did not exist yet, and
 * a derived value needs no extra column.) The hash check in `tokenForRecord` proves the derivation still matches.
 *
 * Consequence: rotating SESSION_SECRET does not break printed QR codes (verification hashes the presented token),
 * but a record issued before the rotation can no longer be re-rendered with a matching QR code.
 */
export function deriveVerifyToken(keys: RecordSettings, caseId: string, issuedAt: Date): string {
  return hmac(keys.verifyKey, `${caseId}|${issuedAt.toISOString()}`)
    .subarray(0, VERIFY_TOKEN_BYTES)
    .toString('base64url')
}

export function hashVerifyToken(token: string): string {
  return sha256Hex(token)
}

export class RecordKeyChangedError extends Error {
  override name = 'RecordKeyChangedError'
}

/** The token of an issued record, checked against the stored hash (a mismatch means the secret changed). */
export function tokenForRecord(
  keys: RecordSettings,
  record: { caseId: string; issuedAt: Date; verifyTokenHash: string },
): string {
  const token = deriveVerifyToken(keys, record.caseId, record.issuedAt)
  if (hashVerifyToken(token) !== record.verifyTokenHash) {
    throw new RecordKeyChangedError('the verification key changed since this record was issued')
  }
  return token
}

export function verifyUrl(keys: RecordSettings, token: string): string {
  return `${keys.publicBaseUrl}/verify/${token}`
}

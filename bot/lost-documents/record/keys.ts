import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The record's two secrets, both derived from SESSION_SECRET with a label each (so one key never serves two
 * purposes), and the public origin printed in QR codes and links.
 *
 * The composition root derives them once (`createRecordKeys`) and hands them to the record service (records.ts), so
 * the citizen flow, the officers' actions and the tracking page agree on the same keys.
 */
export type RecordSettings = {
  publicBaseUrl: string
  /** HMAC key of the public verification token (see token.ts). */
  verifyKey: Buffer
  /** HMAC key of the expiring PDF download links (see signed-url.ts). */
  downloadKey: Buffer
}

function derive(secret: string, label: string): Buffer {
  return createHmac('sha256', secret).update(`rsz:lost-document-record:${label}:v1`).digest()
}

export function createRecordKeys(input: { sessionSecret: string; publicBaseUrl: string }): RecordSettings {
  return Object.freeze({
    publicBaseUrl: input.publicBaseUrl.replace(/\/$/, ''),
    verifyKey: derive(input.sessionSecret, 'verify-token'),
    downloadKey: derive(input.sessionSecret, 'pdf-link'),
  })
}

export function hmac(key: Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message).digest()
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** Constant-time comparison of two base64url strings (a length mismatch is simply "different"). */
export function sameBase64url(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64url')
  const y = Buffer.from(b, 'base64url')
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y)
}

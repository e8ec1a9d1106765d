import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * A patrol point's QR: the point's ID, its `qr_version` and an HMAC of both, under a key derived from SESSION_SECRET
 * with its own label (no secret is stored; a copy of the database cannot print a valid sticker). Bumping the
 * version ("reissue") voids every sticker printed before.
 *
 * The QR holds an address of the officers' LIFF app (`…/patrol/scan?qr=TOKEN`), so a phone's own camera or LINE's
 * scanner opens the scan page with the token; the scan page's `liff.scanCodeV2` reads the same text. The server
 * accepts the address or the bare token.
 */
export type QrTokens = ReturnType<typeof createQrTokens>

/** What a QR claims; the caller still compares `version` with the point's current one. */
export type QrClaim = { pointId: string; version: number }
export type QrRead = { ok: true; claim: QrClaim } | { ok: false; reason: 'malformed' | 'tampered' }

// 22 characters of UUID, the version, 22 characters (128 bits) of HMAC: short enough for a small, robust QR.
const TOKEN = /^([A-Za-z0-9_-]{22})\.([1-9]\d{0,6})\.([A-Za-z0-9_-]{22})$/
const MAC_BYTES = 16

function uuidToB64(id: string): string {
  return Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url')
}

function b64ToUuid(b64: string): string | null {
  const hex = Buffer.from(b64, 'base64url').toString('hex')
  if (hex.length !== 32) {
    return null
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The token from what the scanner read: the sticker's address (its `qr` parameter) or the token itself. */
export function tokenOf(text: string): string {
  const trimmed = text.trim()
  if (!/^https?:\/\//i.test(trimmed)) {
    return trimmed
  }
  try {
    const url = new URL(trimmed)
    // liff.line.me keeps the path and query after the LIFF ID; LINE may also pass them on as liff.state.
    const direct = url.searchParams.get('qr')
    if (direct) {
      return direct
    }
    const state = url.searchParams.get('liff.state')
    return state ? (new URLSearchParams(state.split('?')[1] ?? '').get('qr') ?? '') : ''
  } catch {
    return ''
  }
}

export function createQrTokens({ sessionSecret, adminLiffId }: { sessionSecret: string; adminLiffId: string }) {
  const key = createHmac('sha256', sessionSecret).update('rsz:patrol-point-qr:v1').digest()
  const mac = (pointId: string, version: number) =>
    createHmac('sha256', key).update(`${pointId.toLowerCase()}|${version}`).digest().subarray(0, MAC_BYTES)

  return {
    /** The bare token of a point at its current version. */
    token(point: { id: string; qrVersion: number }): string {
      return `${uuidToB64(point.id)}.${point.qrVersion}.${mac(point.id, point.qrVersion).toString('base64url')}`
    },
    /** What the sticker's QR holds: the scan page's address with the token. */
    text(point: { id: string; qrVersion: number }): string {
      return `https://liff.line.me/${adminLiffId}/patrol/scan?qr=${this.token(point)}`
    },
    /** Checks the HMAC in constant time; the version against the point's is the caller's (it needs the row). */
    read(scanned: string): QrRead {
      const m = TOKEN.exec(tokenOf(scanned))
      const pointId = m?.[1] ? b64ToUuid(m[1]) : null
      if (!m?.[2] || !m[3] || !pointId) {
        return { ok: false, reason: 'malformed' }
      }
      const version = Number(m[2])
      const given = Buffer.from(m[3], 'base64url')
      const expected = mac(pointId, version)
      // The last of 22 characters carries 2 spare bits: only the canonical spelling counts, so an edited character
      // never reads as the same MAC.
      const canonical = given.toString('base64url') === m[3]
      if (!canonical || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return { ok: false, reason: 'tampered' }
      }
      return { ok: true, claim: { pointId, version } }
    },
  }
}

/** A code as typed on a phone: case and spaces are forgiven (" rb-007 " → "RB-007"), the dashes are not. */
export function normaliseCode(typed: string): string {
  return typed.trim().toUpperCase().replace(/\s+/g, '')
}

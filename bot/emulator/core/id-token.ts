import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const ID_TOKEN_ISSUER = 'https://access.line.me'
const LIFETIME_S = 3_600

export type IdTokenPayload = {
  iss: string
  sub: string
  aud: string
  exp: number
  iat: number
  amr: string[]
  name?: string
  picture?: string
  nonce?: string
}

export type IdTokenCheck = { ok: true; payload: IdTokenPayload } | { ok: false; description: string }

/**
 * Issues and verifies ID tokens like LINE's /oauth2/v2.1/verify would. Real LIFF tokens are ES256 signed by LINE;
 * here they are HS256 with a key that only this emulator instance knows, so nothing but the emulator's verify
 * endpoint can accept them (the bot must verify through the endpoint, as in production).
 */
export function createIdTokens(opts: { channelId: string; now: () => number }) {
  const key = randomBytes(32)

  function sign(data: string): Buffer {
    return createHmac('sha256', key).update(data).digest()
  }

  function issue(user: { userId: string; displayName: string; pictureUrl?: string }, extra?: { nonce?: string }) {
    const iat = Math.floor(opts.now() / 1000)
    const payload: IdTokenPayload = {
      iss: ID_TOKEN_ISSUER,
      sub: user.userId,
      aud: opts.channelId,
      exp: iat + LIFETIME_S,
      iat,
      amr: ['linesso'],
      name: user.displayName,
      ...(user.pictureUrl ? { picture: user.pictureUrl } : {}),
      ...(extra?.nonce ? { nonce: extra.nonce } : {}),
    }
    const head = b64(JSON.stringify({ typ: 'JWT', alg: 'HS256', kid: 'line-emulator' }))
    const body = b64(JSON.stringify(payload))
    return `${head}.${body}.${sign(`${head}.${body}`).toString('base64url')}`
  }

  /** Checks in LINE's order; the descriptions are LINE's error_description values. */
  function verify(token: string, clientId: string, expect?: { nonce?: string; userId?: string }): IdTokenCheck {
    const payload = decodeAndCheckSignature(token)
    if (!payload) {
      return { ok: false, description: 'Invalid IdToken.' }
    }
    if (payload.iss !== ID_TOKEN_ISSUER) {
      return { ok: false, description: 'Invalid IdToken Issuer.' }
    }
    if (payload.exp * 1000 <= opts.now()) {
      return { ok: false, description: 'IdToken expired.' }
    }
    if (payload.aud !== clientId) {
      return { ok: false, description: 'Invalid IdToken Audience.' }
    }
    if (expect?.nonce !== undefined && payload.nonce !== expect.nonce) {
      return { ok: false, description: 'Invalid IdToken Nonce.' }
    }
    if (expect?.userId !== undefined && payload.sub !== expect.userId) {
      return { ok: false, description: 'Invalid IdToken Subject Identifier.' }
    }
    return { ok: true, payload }
  }

  function decodeAndCheckSignature(token: string): IdTokenPayload | undefined {
    const parts = token.split('.')
    const [head, body, signature] = parts
    if (parts.length !== 3 || !head || !body || !signature) {
      return undefined
    }
    const expected = sign(`${head}.${body}`)
    const given = Buffer.from(signature, 'base64url')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return undefined
    }
    try {
      const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
      return isPayload(payload) ? payload : undefined
    } catch {
      return undefined
    }
  }

  return { issue, verify }
}

export type IdTokens = ReturnType<typeof createIdTokens>

function b64(json: string): string {
  return Buffer.from(json, 'utf8').toString('base64url')
}

function isPayload(value: unknown): value is IdTokenPayload {
  if (typeof value !== 'object' || value === null) {
    return false
  }
  const v = value as Record<string, unknown>
  return typeof v.sub === 'string' && typeof v.aud === 'string' && typeof v.exp === 'number'
}

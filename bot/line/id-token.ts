import { createHash } from 'node:crypto'
import { z } from 'zod'
import { type AppError, UnauthorizedError, UnavailableError } from '../errors.js'

export const LINE_ID_TOKEN_ISSUER = 'https://access.line.me'
const USER_ID = /^U[0-9a-f]{32}$/
// A JWT is three base64url parts; anything else is rejected without asking LINE.
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/
const MAX_TOKEN_LENGTH = 8_192

export type VerifiedIdToken = { lineUserId: string; name?: string; picture?: string; exp: number }
export type IdTokenVerifier = { verify(idToken: string): Promise<VerifiedIdToken> }

export type IdTokenVerifierOptions = {
  /** LINE_API_BASE_URL: https://api.line.me, or the emulator. */
  apiBaseUrl: string
  /** The LINE Login channel that owns the LIFF apps (client_id; must equal the token's aud). */
  channelId: string
  fetch?: typeof globalThis.fetch
  /** ms since the epoch */
  now?: () => number
  /** Upper bound on cached tokens (least recently used go first). */
  cacheSize?: number
  timeoutMs?: number
  logger?: { warn(obj: object, msg: string): void }
}

/** 401 for any token we do not accept; the reason stays in the logs, never in the answer. */
export class InvalidTokenError extends UnauthorizedError {
  override readonly code = 'invalid_token'
  constructor() {
    super(
      'Your LINE sign-in could not be confirmed or has expired. Please open this page again from LINE.',
      'ยืนยันตัวตนกับ LINE ไม่สำเร็จหรือหมดอายุแล้ว กรุณาเปิดหน้านี้ใหม่จาก LINE',
    )
  }
}

function lineUnavailable(): AppError {
  return new UnavailableError(
    'LINE sign-in cannot be checked right now. Please try again in a moment.',
    'ไม่สามารถตรวจสอบการเข้าสู่ระบบกับ LINE ได้ในขณะนี้ กรุณาลองใหม่อีกครั้ง',
  )
}

const verifyResponse = z.object({
  iss: z.string(),
  sub: z.string(),
  aud: z.string(),
  exp: z.number(),
  iat: z.number().optional(),
  name: z.string().optional(),
  picture: z.string().optional(),
})

/** Our own checks on what the verify endpoint returned (defence in depth; LINE checks the same). */
function rejectReason(p: z.infer<typeof verifyResponse>, channelId: string, nowMs: number): string | undefined {
  if (p.iss !== LINE_ID_TOKEN_ISSUER) {
    return 'issuer'
  }
  if (p.aud !== channelId) {
    return 'audience'
  }
  if (p.exp * 1000 <= nowMs) {
    return 'expired'
  }
  if (!USER_ID.test(p.sub)) {
    return 'subject'
  }
  return undefined
}

/**
 * Verifies LIFF ID tokens with LINE's `POST /oauth2/v2.1/verify` and re-checks iss, aud and exp here, so a
 * misbehaving or misconfigured verify endpoint cannot let a token for another channel in. Successful results are
 * cached by a SHA-256 of the token until the token expires: one LINE call per token, not one per request.
 */
export function createIdTokenVerifier({
  apiBaseUrl,
  channelId,
  fetch: doFetch = globalThis.fetch,
  now = Date.now,
  cacheSize = 10_000,
  timeoutMs = 5_000,
  logger,
}: IdTokenVerifierOptions): IdTokenVerifier {
  const url = `${apiBaseUrl.replace(/\/$/, '')}/oauth2/v2.1/verify`
  const cache = new Map<string, VerifiedIdToken>()
  const inFlight = new Map<string, Promise<VerifiedIdToken>>()

  function cached(key: string): VerifiedIdToken | undefined {
    const hit = cache.get(key)
    if (!hit) {
      return undefined
    }
    cache.delete(key)
    if (hit.exp * 1000 <= now()) {
      return undefined
    }
    cache.set(key, hit) // most recently used goes to the end
    return hit
  }

  function remember(key: string, value: VerifiedIdToken) {
    cache.set(key, value)
    while (cache.size > cacheSize) {
      const oldest = cache.keys().next()
      if (oldest.done) {
        break
      }
      cache.delete(oldest.value)
    }
  }

  async function askLine(idToken: string): Promise<VerifiedIdToken> {
    let res: Response
    try {
      res = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ id_token: idToken, client_id: channelId }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (err) {
      logger?.warn({ err: err instanceof Error ? err.message : String(err) }, 'LINE verify endpoint unreachable')
      throw lineUnavailable()
    }
    const body: unknown = await res.json().catch(() => undefined)
    if (res.status === 400 || res.status === 401) {
      const reason = z.object({ error_description: z.string() }).safeParse(body)
      logger?.warn({ status: res.status, reason: reason.data?.error_description }, 'LINE rejected an ID token')
      throw new InvalidTokenError()
    }
    if (!res.ok) {
      logger?.warn({ status: res.status }, 'LINE verify endpoint failed')
      throw lineUnavailable()
    }
    const parsed = verifyResponse.safeParse(body)
    if (!parsed.success) {
      logger?.warn({ status: res.status }, 'LINE verify endpoint answered an unexpected body')
      throw lineUnavailable()
    }
    const p = parsed.data
    const problem = rejectReason(p, channelId, now())
    if (problem) {
      logger?.warn({ problem }, 'ID token accepted by the verify endpoint but not by us')
      throw new InvalidTokenError()
    }
    return {
      lineUserId: p.sub,
      exp: p.exp,
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.picture !== undefined ? { picture: p.picture } : {}),
    }
  }

  async function verify(idToken: string): Promise<VerifiedIdToken> {
    if (idToken.length === 0 || idToken.length > MAX_TOKEN_LENGTH || !JWT_SHAPE.test(idToken)) {
      throw new InvalidTokenError()
    }
    const key = createHash('sha256').update(idToken).digest('base64url')
    const hit = cached(key)
    if (hit) {
      return hit
    }
    // Several requests with one new token (a page firing calls in parallel) share one LINE call.
    const pending = inFlight.get(key)
    if (pending) {
      return pending
    }
    const call = askLine(idToken)
      .then((result) => {
        remember(key, result)
        return result
      })
      .finally(() => inFlight.delete(key))
    inFlight.set(key, call)
    return call
  }

  return { verify }
}

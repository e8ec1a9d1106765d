import { createHmac, timingSafeEqual } from 'node:crypto'

/** Long enough to open a file later from the chat, short enough to limit a leaked link. */
export const SIGNED_LINK_TTL_SECONDS = 7 * 24 * 60 * 60
const SIG_SHAPE = /^[A-Za-z0-9_-]{43}$/
const EXP_SHAPE = /^\d{1,12}$/

export type SignedLinkCheck = 'ok' | 'invalid' | 'expired'

/**
 * Links that are their own permission: LINE's servers fetch an image message's picture from a public HTTPS address
 * without a login, so the link is bound to one row and expires. Expiring links signed with a key of their own (`label`: a key never serves another purpose) to one row's file at
 * `path(id)`: officers' files sent in consultations, patrol photos in an owner's daily summary.
 */
export function createSignedLinks(opts: {
  sessionSecret: string
  publicBaseUrl: string
  label: string
  path: (id: string) => string
  ttlSeconds?: number
}) {
  const { path, ttlSeconds = SIGNED_LINK_TTL_SECONDS } = opts
  const key = createHmac('sha256', opts.sessionSecret).update(opts.label).digest()
  const base = opts.publicBaseUrl.replace(/\/$/, '')
  const signature = (id: string, exp: number) => createHmac('sha256', key).update(`${id}|${exp}`).digest('base64url')

  return {
    /** The public, expiring address of one file (`now` decides when it expires). */
    url(id: string, now: Date): string {
      const exp = Math.floor(now.getTime() / 1000) + ttlSeconds
      return `${base}${path(id)}?exp=${exp}&sig=${signature(id, exp)}`
    },
    /** The signature is checked before the expiry, so an edited `exp` reads as tampered, not as expired. */
    check(id: string, exp: string | undefined, sig: string | undefined, now: Date): SignedLinkCheck {
      if (!exp || !sig || !EXP_SHAPE.test(exp) || !SIG_SHAPE.test(sig)) {
        return 'invalid'
      }
      const given = Buffer.from(sig, 'base64url')
      const expected = Buffer.from(signature(id, Number(exp)), 'base64url')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return 'invalid'
      }
      return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok'
    },
  }
}
export type SignedLinks = ReturnType<typeof createSignedLinks>

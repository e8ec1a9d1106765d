import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Links to an officer's file sent to a citizen in LINE: LINE's servers fetch an image message's picture from a public
 * HTTPS address, and a file goes as a link the citizen opens in LINE's browser. Neither carries a login, so the link
 * itself is the permission: bound to one attachment and expiring (signed like the lost-document record's PDF link).
 */
export type MediaLinks = ReturnType<typeof createMediaLinks>

/** Long enough to open the file later from the chat, short enough to limit a leaked link. */
export const MEDIA_LINK_TTL_SECONDS = 7 * 24 * 60 * 60
const SIG_SHAPE = /^[A-Za-z0-9_-]{43}$/
const EXP_SHAPE = /^\d{1,12}$/

export function mediaPath(attachmentId: string): string {
  return `/api/media/${attachmentId}`
}

export type MediaLinkCheck = 'ok' | 'invalid' | 'expired'

export function createMediaLinks({ sessionSecret, publicBaseUrl }: { sessionSecret: string; publicBaseUrl: string }) {
  return createSignedLinks({ sessionSecret, publicBaseUrl, label: 'rsz:consultation-media-link:v1', path: mediaPath })
}

/**
 * Expiring links signed with a key of their own (`label`: a key never serves another purpose) to one row's file at
 * `path(id)`: officers' files sent in consultations, patrol photos in an owner's daily summary.
 */
export function createSignedLinks(opts: {
  sessionSecret: string
  publicBaseUrl: string
  label: string
  path: (id: string) => string
  ttlSeconds?: number
}) {
  const { path, ttlSeconds = MEDIA_LINK_TTL_SECONDS } = opts
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
    check(id: string, exp: string | undefined, sig: string | undefined, now: Date): MediaLinkCheck {
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

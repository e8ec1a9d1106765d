import { createHmac } from 'node:crypto'
import { sameBase64url } from '../../lost-documents/record/keys.js'

/**
 * The signed, expiring address of a visit photo: LINE's servers fetch an image message's picture without a login,
 * so the link is the permission, bound to one visit (as officers' files sent to citizens, and the record's PDF).
 */
export type VisitPhotoLinks = ReturnType<typeof createVisitPhotoLinks>

/** As long as an owner may open the photo from the chat; the daily digest signs its own. */
export const VISIT_PHOTO_TTL_SECONDS = 7 * 24 * 60 * 60

export function visitPhotoPath(visitId: string): string {
  return `/api/media/patrol-visits/${visitId}/photo`
}

export function createVisitPhotoLinks({
  sessionSecret,
  publicBaseUrl,
}: {
  sessionSecret: string
  publicBaseUrl: string
}) {
  const key = createHmac('sha256', sessionSecret).update('rsz:patrol-visit-photo:v1').digest()
  const base = publicBaseUrl.replace(/\/$/, '')
  const sign = (visitId: string, exp: number) =>
    createHmac('sha256', key).update(`${visitId}|${exp}`).digest('base64url')

  return {
    url(visitId: string, now: Date): string {
      const exp = Math.floor(now.getTime() / 1000) + VISIT_PHOTO_TTL_SECONDS
      return `${base}${visitPhotoPath(visitId)}?exp=${exp}&sig=${sign(visitId, exp)}`
    },
    /** Signature first, then expiry: an edited `exp` reads as tampered. */
    check(visitId: string, exp: string | undefined, sig: string | undefined, now: Date): 'ok' | 'invalid' | 'expired' {
      if (!exp || !sig || !/^\d{1,12}$/.test(exp) || !sameBase64url(sig, sign(visitId, Number(exp)))) {
        return 'invalid'
      }
      return Number(exp) * 1000 < now.getTime() ? 'expired' : 'ok'
    },
  }
}

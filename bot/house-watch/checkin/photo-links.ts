import { createSignedLinks } from '../../http/signed-links.js'

/**
 * The signed, expiring address of a visit photo: LINE's servers fetch an image message's picture without a login,
 * so the link is the permission, bound to one visit (as officers' files sent to citizens, and the record's PDF).
 */
export type VisitPhotoLinks = ReturnType<typeof createVisitPhotoLinks>

/** As long as an owner may open the photo from the chat (a finding, each visit, the daily summary). */
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
  return createSignedLinks({
    sessionSecret,
    publicBaseUrl,
    label: 'rsz:patrol-visit-photo:v1',
    path: visitPhotoPath,
    ttlSeconds: VISIT_PHOTO_TTL_SECONDS,
  })
}

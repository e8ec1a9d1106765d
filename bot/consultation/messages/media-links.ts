import { createSignedLinks, type SignedLinkCheck } from '../../http/signed-links.js'

/**
 * Links to an officer's file sent to a citizen in LINE: LINE's servers fetch an image message's picture from a public
 * HTTPS address, and a file goes as a link the citizen opens in LINE's browser. Neither carries a login, so the link
 * itself is the permission: bound to one attachment and expiring (signed like the lost-document record's PDF link).
 */
export type MediaLinks = ReturnType<typeof createMediaLinks>

export function mediaPath(attachmentId: string): string {
  return `/api/media/${attachmentId}`
}

export type MediaLinkCheck = SignedLinkCheck

export function createMediaLinks({ sessionSecret, publicBaseUrl }: { sessionSecret: string; publicBaseUrl: string }) {
  return createSignedLinks({ sessionSecret, publicBaseUrl, label: 'rsz:consultation-media-link:v1', path: mediaPath })
}

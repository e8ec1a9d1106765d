import { createAnnouncementImages } from '../announcements/images/images.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/** Announcement pictures (issue #14): upload, resize to LINE's limits, durable public URLs. */
export function composeAnnouncementImages({ db }: Infra, { audit }: OfficersDomain, wire: Wire) {
  return { images: wire(createAnnouncementImages, { db, audit }) }
}
export type AnnouncementImagesDomain = ReturnType<typeof composeAnnouncementImages>

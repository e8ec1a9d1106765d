import { createSignedLinks } from '../consultation/messages/media-links.js'
import { houseWatchOwnerFeature } from '../house-watch/lifecycle/owner.feature.js'
import { createHouseWatchSchedule } from '../house-watch/lifecycle/schedule.js'
import { visitPhotoPath } from '../house-watch/owner/photo.routes.js'
import type { Infra } from './infra.js'
import type { Wire } from './wire.js'

/**
 * House watch, the owner's side (issue #13, points 6 and 7): the signed links of patrol photos in the daily
 * summary, the chat's answers ("I'm home", extend), and the watches' clock (start, reminder, end-date question,
 * expiry, daily summary) that the worker role starts. Its PDPA parts are listed in bot/compose/privacy.ts; its
 * LIFF routes are registered in bot/app.ts.
 */
export function composeHouseWatchOwner({ config, db, logger }: Infra, wire: Wire) {
  const photoLinks = createSignedLinks({
    sessionSecret: config.sessionSecret,
    publicBaseUrl: config.publicBaseUrl,
    label: 'rsz:house-watch-photo-link:v1',
    path: visitPhotoPath,
  })
  const liffUrl = (path: string) => `https://liff.line.me/${config.line.liffIdCitizen}/${path}`
  return {
    photoLinks,
    feature: houseWatchOwnerFeature,
    schedule: wire(createHouseWatchSchedule, { db, logger, liffUrl, photoLinks }),
  }
}
export type HouseWatchOwnerDomain = ReturnType<typeof composeHouseWatchOwner>

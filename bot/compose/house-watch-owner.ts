import { houseWatchOwnerFeature } from '../house-watch/lifecycle/owner.feature.js'
import { createHouseWatchSchedule } from '../house-watch/lifecycle/schedule.js'
import type { HouseWatchCheckInDomain } from './house-watch-checkin.js'
import type { Infra } from './infra.js'
import type { Wire } from './wire.js'

/**
 * House watch, the owner's side (issue #13, points 6 and 7): the daily summary (its photos signed with the
 * check-ins' visit photo links, one route serves them all), the chat's answers ("I'm home", extend), and the watches' clock (start, reminder, end-date question,
 * expiry, daily summary) that the worker role starts. Its PDPA parts are listed in bot/compose/privacy.ts; its
 * LIFF routes are registered in bot/app.ts.
 */
export function composeHouseWatchOwner(
  { config, db, logger }: Infra,
  { photoLinks }: Pick<HouseWatchCheckInDomain, 'photoLinks'>,
  wire: Wire,
) {
  const liffUrl = (path: string) => `https://liff.line.me/${config.line.liffIdCitizen}/${path}`
  return {
    photoLinks,
    feature: houseWatchOwnerFeature,
    schedule: wire(createHouseWatchSchedule, { db, logger, liffUrl, photoLinks }),
  }
}
export type HouseWatchOwnerDomain = ReturnType<typeof composeHouseWatchOwner>

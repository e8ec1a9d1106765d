import { createCaseOpener } from '../cases/open-case.js'
import { houseWatchFeature } from '../house-watch/chat/house-watch.feature.js'
import { createHouseWatchEnroller } from '../house-watch/enrol/enrol.service.js'
import { createHouseWatchPiiProvider } from '../house-watch/enrol/pii.provider.js'
import { createHouseWatchStatusHandlers } from '../house-watch/enrol/status-handlers.js'
import { seedHouseWatchArea } from '../house-watch/settings/seed-area.js'
import type { Infra } from './infra.js'
import type { Wire } from './wire.js'

/**
 * House watch, the enrolment (issue #13): the submission (LIFF form), the chat's hand-over to the form, the inbox's
 * status handlers for the duty officer's approval or refusal, and the owner's page link every message carries
 * (`/house-watch/<caseId>` in the citizen LIFF app). At start, a station that has no jurisdiction on file and is the
 * seeded Rayong City gets its approximate zone and neighbours (bot/house-watch/settings/seed-area.ts).
 */
export async function composeHouseWatchEnrol({ config, db, cipher, hasher, logger }: Infra, wire: Wire) {
  const seeded = await seedHouseWatchArea(db)
  if (seeded.length > 0) {
    logger.info({ stations: seeded }, 'house-watch area seeded (approximate zone polygon, neighbouring stations)')
  }
  const ownerPage = (caseId: string) => `https://liff.line.me/${config.line.liffIdCitizen}/house-watch/${caseId}`
  const openCase = wire(createCaseOpener, { adminLiffId: config.line.liffIdAdmin })
  return {
    ownerPage,
    enrol: wire(createHouseWatchEnroller, { cipher, hasher, openCase, ownerPage }),
    statusHandlers: wire(createHouseWatchStatusHandlers, { ownerPage }),
    piiProvider: wire(createHouseWatchPiiProvider, { cipher }),
    feature: houseWatchFeature,
  }
}
export type HouseWatchEnrolDomain = Awaited<ReturnType<typeof composeHouseWatchEnrol>>

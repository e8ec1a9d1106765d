import { createCheckIns } from '../house-watch/checkin/checkin.service.js'
import { createVisitPhotoLinks } from '../house-watch/checkin/photo-links.js'
import { createVisitNotice } from '../house-watch/checkin/visit-notice.job.js'
import { createPointRegistry } from '../house-watch/points/points.js'
import { createQrTokens } from '../house-watch/points/qr.js'
import { createStickers } from '../house-watch/points/stickers.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * Patrol points and check-ins (issue #13, points 3-sticker, 5, 6-per-visit, 8-registry): the points' signed QR
 * tokens and stickers, the red-box registry, the check-in service and the per-visit notice job with its signed
 * photo links (the owners' daily digest signs its photos with the same `photoLinks`).
 */
export function composeHouseWatchCheckIn({ config, db, cipher }: Infra, { audit }: OfficersDomain, wire: Wire) {
  const qr = wire(createQrTokens, { sessionSecret: config.sessionSecret, adminLiffId: config.line.liffIdAdmin })
  const photoLinks = wire(createVisitPhotoLinks, {
    sessionSecret: config.sessionSecret,
    publicBaseUrl: config.publicBaseUrl,
  })
  return {
    qr,
    photoLinks,
    registry: wire(createPointRegistry, { db, audit }),
    stickers: wire(createStickers, { db, audit, qr }),
    checkIns: wire(createCheckIns, { db, audit, cipher, qr }),
    processors: {
      'house-watch-visit': wire(createVisitNotice, { db, photoLinks, adminLiffId: config.line.liffIdAdmin }),
    },
  }
}
export type HouseWatchCheckInDomain = ReturnType<typeof composeHouseWatchCheckIn>

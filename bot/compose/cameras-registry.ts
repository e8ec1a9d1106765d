import { createCameraOwners } from '../cameras/owner/owner.service.js'
import { createCameraRegistry } from '../cameras/registry/registry.service.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * The CCOC camera registry (issue #15, points 1 and 2): the officers' registry (CSV import, edit, counts,
 * verification; routes in bot/cameras/registry/registry.routes.ts) and the private owners' cameras from the citizen
 * LIFF app (bot/cameras/owner/). Its PDPA parts are listed in bot/compose/privacy.ts; the routes are registered in
 * bot/app.ts.
 */
export function composeCamerasRegistry({ config, db, cipher }: Infra, { audit }: OfficersDomain, wire: Wire) {
  const myCamerasUrl = `https://liff.line.me/${config.line.liffIdCitizen}/cameras`
  return {
    registry: wire(createCameraRegistry, { db, audit, cipher, myCamerasUrl }),
    owners: wire(createCameraOwners, { cipher }),
  }
}
export type CamerasRegistryDomain = ReturnType<typeof composeCamerasRegistry>

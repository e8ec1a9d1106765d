import { createCoverage } from '../house-watch/coverage/coverage.js'
import { createPatrolToday } from '../house-watch/patrol/today.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/** House-watch patrols (issue #13): today's round for patrol officers and a shift's coverage for supervisors. */
export function composeHouseWatchPatrol({ db }: Infra, { audit }: OfficersDomain, wire: Wire) {
  return {
    today: wire(createPatrolToday, { db, audit }),
    coverage: wire(createCoverage, { db, audit }),
  }
}
export type HouseWatchPatrolDomain = ReturnType<typeof composeHouseWatchPatrol>

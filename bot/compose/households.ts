import type { HouseWatchEnroller } from '../house-watch/enrol/enrol.service.js'
import { asJurisdiction, insideJurisdiction, rightStationFor } from '../house-watch/enrol/jurisdiction.js'
import { householdAdminRoutes } from '../households/admin/admin.routes.js'
import { announcementsSwitchFeature } from '../households/chat/announcements.feature.js'
import { householdForWatch } from '../households/house-watch-link.js'
import type { Infra } from './infra.js'

/**
 * The household registry (issue #14): the citizen's page API (the pin checked against the station's area with house
 * watch's own check), the chat's announcement switch, the officers' import, coverage, areas and list,
 * and the hook that puts a house-watch owner in a household in the enrolment's own transaction.
 */
export function composeHouseholds({ config }: Infra) {
  return {
    area: { inside: insideJurisdiction, rightStation: rightStationFor, asJurisdiction },
    inviteUrl: (code: string) => `https://liff.line.me/${config.line.liffIdCitizen}/household?code=${code}`,
    feature: announcementsSwitchFeature,
    adminRoutes: householdAdminRoutes,
    /** The enroller, and after a new or widened watch the owner's household joined or created. */
    withHousehold(enrol: HouseWatchEnroller): HouseWatchEnroller {
      return async (tx, input) => {
        const result = await enrol(tx, input)
        if (result.outcome === 'created' || result.outcome === 'extended') {
          await householdForWatch(tx, {
            citizen: input.citizen,
            station: input.station,
            caseId: result.case.id,
            now: input.now,
          })
        }
        return result
      }
    },
  }
}
export type HouseholdsDomain = ReturnType<typeof composeHouseholds>

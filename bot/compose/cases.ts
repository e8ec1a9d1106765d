import { createCasesAdminService } from '../cases/admin.service.js'
import type { StatusHandlers } from '../cases/case-actions.js'
import { createCaseFeed, listenerFor } from '../cases/case-feed.js'
import { caseEventPiiProvider, citizenPiiProvider, createPiiRegistry, type PiiProvider } from '../cases/pii.js'
import { createDashboard } from '../dashboard/dashboard.service.js'
import { createQuotaCache } from '../dashboard/quota-cache.js'
import { createGroupEvents } from '../station/group-events.js'
import { createGroupNameLookup } from '../station/group-names.js'
import { createGroups } from '../station/groups.service.js'
import { createStationInfo } from '../station/station.service.js'
import { createStatusMessage, createTemplates } from '../templates/templates.service.js'
import { composeConsultationMessages } from './consultation-messages.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/** What each kind adds to the generic inbox: status handlers and revealable personal data. */
export type KindExtensions = { statusHandlers: StatusHandlers; piiProviders: PiiProvider[] }

/** The station (info, LINE group binding) and the case inbox with its live feed, templates and dashboard. */
export function composeCases(infra: Infra, officersDomain: OfficersDomain, kinds: KindExtensions, wire: Wire) {
  const { config, db, dbHandle, line, logger, hasher, cipher } = infra
  const { audit } = officersDomain
  const templates = createTemplates()
  const consultationMessages = composeConsultationMessages(infra, officersDomain, wire)
  const groupName = wire(createGroupNameLookup, {
    channelAccessToken: config.line.channelAccessToken,
    apiBaseUrl: config.line.apiBaseUrl,
  })
  return {
    templates,
    stationInfo: createStationInfo(),
    groups: wire(createGroups, { groupName }),
    groupEvents: wire(createGroupEvents, { audit }),
    cases: wire(createCasesAdminService, {
      db,
      audit,
      statusMessage: createStatusMessage(templates),
      statusHandlers: kinds.statusHandlers,
      pii: createPiiRegistry([citizenPiiProvider, caseEventPiiProvider(cipher), ...kinds.piiProviders]),
      hasher,
      cipher,
      kinds: { consultation: consultationMessages.kind },
    }),
    consultationMessages,
    // One LISTEN per web process for the officers' live stream (started by the stream routes).
    feed: wire(createCaseFeed, { listen: listenerFor(dbHandle), logger }),
    dashboard: wire(createDashboard, { db, quota: wire(createQuotaCache, { line }) }),
  }
}
export type CasesDomain = ReturnType<typeof composeCases>

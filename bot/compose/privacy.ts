import { camerasExport, camerasPersonalData } from '../cameras/owner/privacy.js'
import { casesExport } from '../cases/export.js'
import { casesPersonalData } from '../cases/personal-data.js'
import { consultationsExport } from '../consultation/privacy/export.js'
import { consultationsPersonalData } from '../consultation/privacy/personal-data.js'
import { conversationPersonalData } from '../conversation/personal-data.js'
import { houseWatchesExport } from '../house-watch/privacy/export.js'
import { houseWatchesPersonalData } from '../house-watch/privacy/personal-data.js'
import { householdsExport, householdsPersonalData } from '../households/privacy/privacy.js'
import { lostDocumentExport } from '../lost-documents/export.js'
import { lostDocumentsPersonalData } from '../lost-documents/personal-data.js'
import { createDoNotContact } from '../privacy/do-not-contact.js'
import { lineTracesPersonalData } from '../privacy/line-traces.js'
import type { ExportSection, PersonalDataPart } from '../privacy/parts.js'
import { createPrivacyRequests } from '../privacy/requests.service.js'
import { createRetention } from '../privacy/retention.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * Personal data across the domains (PDPA): every domain's part, assembled here so bot/privacy imports none of them.
 * A new domain that stores personal data adds its part to `parts` (erasure and retention) and `exportSections`.
 */
export function composePrivacy({ config, db, cipher, logger }: Infra, { audit }: OfficersDomain, wire: Wire) {
  const parts: PersonalDataPart[] = [
    lostDocumentsPersonalData(cipher),
    casesPersonalData(cipher),
    consultationsPersonalData,
    conversationPersonalData,
    lineTracesPersonalData,
    houseWatchesPersonalData,
    householdsPersonalData,
    camerasPersonalData,
  ]
  const exportSections: ExportSection[] = [
    casesExport(cipher),
    lostDocumentExport(cipher),
    consultationsExport(cipher),
    houseWatchesExport(cipher),
    householdsExport,
    camerasExport(cipher),
  ] as ExportSection[]
  const doNotContact = wire(createDoNotContact, { db, cipher })
  return {
    parts,
    exportSections,
    doNotContact,
    requests: wire(createPrivacyRequests, { db, audit, parts, doNotContact }),
    retention: wire(createRetention, {
      db,
      parts,
      periods: config.retention,
      audit,
      logger,
    }),
  }
}
export type PrivacyDomain = ReturnType<typeof composePrivacy>

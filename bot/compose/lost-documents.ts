import { createCaseOpener } from '../cases/open-case.js'
import { createAwaitingInfoFeature } from '../lost-documents/chat/awaiting-info.feature.js'
import { createLostDocumentFeature } from '../lost-documents/chat/lost-document.feature.js'
import { createContactPhoneLookup } from '../lost-documents/contact-phone.js'
import { createRecords } from '../lost-documents/record/records.js'
import { createLostDocumentPiiProvider } from '../lost-documents/review/pii.provider.js'
import { createLostDocumentReview } from '../lost-documents/review/review.service.js'
import { createLostDocumentStatusHandlers } from '../lost-documents/review/status-handlers.js'
import { createReportSubmitter } from '../lost-documents/submit.service.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * Lost documents: the record keys, the submission (chat and LIFF), the chat flow, the officers' review, what the
 * generic inbox runs behind its status moves and the revealable fields (its PDPA parts: bot/compose/privacy.ts).
 */
export function composeLostDocuments({ config, db, cipher, hasher }: Infra, { audit }: OfficersDomain, wire: Wire) {
  const records = wire(createRecords, { sessionSecret: config.sessionSecret, publicBaseUrl: config.publicBaseUrl })
  const openCase = wire(createCaseOpener, { adminLiffId: config.line.liffIdAdmin })
  const submit = wire(createReportSubmitter, { cipher, hasher, openCase, issueRecord: records.issue })
  return {
    records,
    submit,
    feature: wire(createLostDocumentFeature, { cipher, submit, pdfUrl: records.pdfUrl }),
    awaitingInfo: wire(createAwaitingInfoFeature, { cipher }),
    review: wire(createLostDocumentReview, { db, audit, records }),
    statusHandlers: wire(createLostDocumentStatusHandlers, { records }),
    piiProvider: wire(createLostDocumentPiiProvider, { cipher, pdfUrl: records.pdfUrl }),
    contactPhone: wire(createContactPhoneLookup, { cipher }),
    liffUrl: (path: string) => `https://liff.line.me/${config.line.liffIdCitizen}/${path}`,
  }
}
export type LostDocumentsDomain = ReturnType<typeof composeLostDocuments>

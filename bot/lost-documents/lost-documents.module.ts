import type { FastifyPluginAsync } from 'fastify'
import type { Db } from '../../db/client.js'
import type { Enqueue } from '../../jobs/queues.js'
import { createAuditLog } from '../admin/audit/audit.service.js'
import type { IdTokenVerifier } from '../auth/id-token.js'
import { createCaseOpener } from '../cases/open-case.js'
import { createSearchHasher } from '../cases/search-hash.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import type { Config } from '../config.js'
import type { Feature } from '../conversation/types.js'
import type { Language } from '../i18n/index.js'
import { dataSubjectRoutes } from '../privacy/data-subject.routes.js'
import { createPiiCipher } from '../privacy/pii-cipher.js'
import { documentTypesRoutes } from './admin/document-types.routes.js'
import { awaitingInfoFeature } from './chat/awaiting-info.feature.js'
import { createLostDocumentFeature } from './chat/lost-document.feature.js'
import { lostDocumentExport } from './export.js'
import { lostDocumentLiffRoutes } from './liff/lost-documents.routes.js'
import { issueRecord } from './record/issue.js'
import { signedPdfUrl } from './record/signed-url.js'
import { createReportSubmitter } from './submit.service.js'

export type LostDocumentsConfig = Pick<Config, 'piiEncryptionKey' | 'publicBaseUrl'> & {
  line: Pick<Config['line'], 'liffIdCitizen' | 'liffIdAdmin'>
}

/**
 * The lost-document service for the composition root (bot/deps.ts, bot/app.ts): the chat features, the citizen's
 * LIFF API (with the PDPA export and deletion request), and the officers' document-type routes. (The officers'
 * reveal of ID numbers is bot/lost-documents/review's PII provider.) Everything that needs PII_ENCRYPTION_KEY is built here, once.
 */
export function createLostDocuments(config: LostDocumentsConfig) {
  const cipher = createPiiCipher(config.piiEncryptionKey)
  const submit = createReportSubmitter({
    cipher,
    hasher: createSearchHasher(config.piiEncryptionKey),
    openCase: createCaseOpener({ adminLiffId: config.line.liffIdAdmin }),
    issueRecord,
  })
  const pdfUrl = (caseId: string, lang: Language) => signedPdfUrl(caseId, lang, config.publicBaseUrl)
  const flowFeature = createLostDocumentFeature({ cipher, submit, pdfUrl })
  const liffUrl = (path: string) => `https://liff.line.me/${config.line.liffIdCitizen}/${path}`

  return {
    cipher,
    submit,
    pdfUrl,
    exportSection: lostDocumentExport(cipher),

    /**
     * The OA's features with this service's: the flow right after SOS (its menu items come second), and the
     * "awaiting more information" catch-all last, after every other service has had its say.
     */
    withFeatures(features: readonly Feature[]): Feature[] {
      const at = features.findIndex((f) => f.id === 'sos') + 1
      return [...features.slice(0, at), flowFeature, ...features.slice(at), awaitingInfoFeature]
    },

    /** The citizen's routes under /api/liff (their own scope: LIFF auth, rate limit, no-store). */
    liffPlugin(deps: {
      db: Db
      citizens: Pick<CitizensService, 'ensure'>
      verifier: IdTokenVerifier
      enqueue: Enqueue
      logger: { warn(obj: object, msg: string): void }
    }): FastifyPluginAsync {
      return async (app) => {
        await app.register(lostDocumentLiffRoutes, { ...deps, cipher, submit, pdfUrl, liffUrl })
        await app.register(dataSubjectRoutes, { ...deps, sections: [lostDocumentExport(cipher)] })
      }
    },

    /** For adminPlugin's `routes` (registered inside the officers' session scope). */
    adminRoutes(deps: { db: Db }): FastifyPluginAsync {
      return async (scope) => {
        await scope.register(documentTypesRoutes, { db: deps.db, audit: createAuditLog(deps.db) })
      }
    },
  }
}
export type LostDocuments = ReturnType<typeof createLostDocuments>

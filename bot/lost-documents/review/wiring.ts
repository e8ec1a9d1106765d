import { createAuditLog } from '../../admin/audit/audit.service.js'
import type { PiiProvider } from '../../cases/pii.js'
import type { Deps } from '../../deps.js'
import { createPiiCipher } from '../../privacy/pii-cipher.js'
import { createLostDocumentPiiProvider } from './pii.provider.js'
import type { ReviewRoutesOptions } from './review.routes.js'
import { createLostDocumentReview } from './review.service.js'

/** lostDocumentReviewRoutes' options from the composition root (register inside the admin plugin's `routes`). */
export function lostDocumentReviewOptions(deps: Pick<Deps, 'db' | 'bus' | 'logger'>): ReviewRoutesOptions {
  return {
    review: createLostDocumentReview({
      db: deps.db,
      audit: createAuditLog(deps.db),
      enqueue: deps.bus.enqueue,
      logger: deps.logger,
    }),
  }
}

/** The case detail's revealable lost-document fields (pass in casesAdminOptions' `piiProviders`). */
export function lostDocumentPiiProvider(deps: Pick<Deps, 'config'>): PiiProvider {
  return createLostDocumentPiiProvider(createPiiCipher(deps.config.piiEncryptionKey))
}

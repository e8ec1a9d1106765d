import type { KindAdmin } from '../cases/admin.service.js'
import { createCannedReplies } from '../consultation/canned-replies.js'
import { createConsultationAnswers } from '../consultation/messages/answer.js'
import { createMediaLinks } from '../consultation/messages/media-links.js'
import { createThreadView } from '../consultation/messages/thread-view.js'
import { createUploads } from '../consultation/messages/uploads.js'
import { unreadCounts } from '../consultation/reads.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * The officers' side of consultations (issue #12): answers on the thread (canned replies, files by signed links,
 * encrypted texts, held to go out together), the thread decrypted for those allowed, unread counts, canned replies
 * and uploads. `kind` plugs into the generic case API (bot/cases/admin.service.ts KindAdmin).
 */
export function composeConsultationMessages({ config, db, cipher }: Infra, { audit }: OfficersDomain, wire: Wire) {
  const mediaLinks = wire(createMediaLinks, {
    sessionSecret: config.sessionSecret,
    publicBaseUrl: config.publicBaseUrl,
  })
  const threadView = wire(createThreadView, { audit, cipher })
  const kind: KindAdmin = {
    message: wire(createConsultationAnswers, { audit, cipher, mediaLinks, holdMs: config.answerHoldMs }),
    view: threadView.view,
    unread: (tx, who, caseIds) => unreadCounts(tx, who.officerId, caseIds),
  }
  return {
    kind,
    mediaLinks,
    cannedReplies: wire(createCannedReplies, { db, audit }),
    uploads: wire(createUploads, { db, audit, cipher }),
  }
}
export type ConsultationMessages = ReturnType<typeof composeConsultationMessages>

import { pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns.js'

/**
 * LINE users whose data was erased at their request (PDPA s.33): only a keyed hash (HMAC) of the LINE user ID, so
 * the OA can honour "do not contact" (no push, no multicast) without keeping who they were. Lifted when the same
 * person comes back to the OA of their own accord (bot/privacy/do-not-contact.ts).
 */
export const doNotContact = pgTable('do_not_contact', {
  lineUserHash: text('line_user_hash').primaryKey(),
  /** The erasure request that put them here. */
  dataRequestId: uuid('data_request_id'),
  createdAt: createdAt(),
})

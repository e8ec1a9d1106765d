import { asc, eq } from 'drizzle-orm'
import {
  attachments,
  cameras,
  caseEvents,
  cases,
  consultations,
  conversationStates,
  houseWatches,
  lostDocumentItems,
  lostDocumentReports,
  patrolVisits,
} from '../../db/schema/index.js'
import type { SearchHasher } from '../cases/search-hash.js'
import { compactIdNumber } from '../contracts/lost-documents/rules.js'
import { HASH } from '../lost-documents/report-write.js'
import type { EncryptedTable } from '../privacy/key-rotation.js'

/**
 * THE list of encrypted personal data, for `npm run pii:rotate` (bot/privacy/key-rotation.ts). A new encrypted
 * column (`<name>_enc`, written with PiiCipher.encrypt) is added here: its table, a unique key, the column, and the
 * keyed hash beside it if it has one (with the normalisation applied before hashing); a ciphertext inside a jsonb
 * column is a `field` of it. A test fails when a column named `*_enc` in db/schema is missing from this list.
 */
export function encryptedTables({ hasher }: { hasher: Pick<SearchHasher, 'hashesFor'> }): EncryptedTable[] {
  return [
    {
      name: 'lost_document_reports',
      table: lostDocumentReports,
      key: lostDocumentReports.caseId,
      columns: [
        {
          encrypted: lostDocumentReports.idNumberEnc,
          hash: { column: lostDocumentReports.idNumberHash, purpose: HASH.id },
        },
        {
          encrypted: lostDocumentReports.phoneEnc,
          hash: { column: lostDocumentReports.phoneHash, purpose: HASH.phone },
        },
        // The citizen's story, in their words (no hash: nobody searches it).
        { encrypted: lostDocumentReports.circumstancesEnc },
      ],
      // The case's search hashes (cases.search_hashes) come from this report: name, phone, ID and document numbers,
      // exactly as submit.service.ts computed them, now under the current key.
      async after(tx, { key, plain }, cipher) {
        const [report] = await tx
          .select({ name: lostDocumentReports.declarantName })
          .from(lostDocumentReports)
          .where(eq(lostDocumentReports.caseId, key))
        const items = await tx
          .select({ numberEnc: lostDocumentItems.numberEnc })
          .from(lostDocumentItems)
          .where(eq(lostDocumentItems.caseId, key))
          .orderBy(asc(lostDocumentItems.position))
        const searchHashes = hasher.hashesFor({
          name: report?.name ?? null,
          phone: plain.phoneEnc ?? null,
          ids: [plain.idNumberEnc, ...items.map((i) => (i.numberEnc ? cipher.decrypt(i.numberEnc) : null))],
        })
        await tx.update(cases).set({ searchHashes }).where(eq(cases.id, key))
      },
    },
    {
      // The chat flow's answers so far (bot/lost-documents/chat/flow-state.ts): one blob in data.enc, for up to a day.
      name: 'conversation_states',
      table: conversationStates,
      key: conversationStates.chatKey,
      columns: [{ encrypted: conversationStates.data, field: 'enc' }],
    },
    {
      name: 'lost_document_items',
      table: lostDocumentItems,
      key: lostDocumentItems.id,
      columns: [
        {
          encrypted: lostDocumentItems.numberEnc,
          hash: { column: lostDocumentItems.numberHash, purpose: HASH.document, normalise: compactIdNumber },
        },
      ],
    },
    {
      // Answers to "ask for more information" (bot/lost-documents/chat/awaiting-info.feature.ts).
      name: 'case_events',
      table: caseEvents,
      key: caseEvents.id,
      columns: [{ encrypted: caseEvents.bodyEnc }],
    },
    {
      // A consultation's closing summary (the officer's) and the citizen's rating comment (issue #12).
      name: 'consultations',
      table: consultations,
      key: consultations.caseId,
      columns: [{ encrypted: consultations.closingSummaryEnc }, { encrypted: consultations.ratingCommentEnc }],
    },
    {
      // A house-watch owner's phone and emergency contact's phone (issue #13).
      name: 'house_watches',
      table: houseWatches,
      key: houseWatches.caseId,
      columns: [
        { encrypted: houseWatches.phoneEnc, hash: { column: houseWatches.phoneHash, purpose: HASH.phone } },
        { encrypted: houseWatches.emergencyPhoneEnc },
      ],
    },
    {
      // A patrol's photo of the outside of a house or a red box (issue #13).
      name: 'patrol_visits',
      table: patrolVisits,
      key: patrolVisits.id,
      columns: [{ encrypted: patrolVisits.photoBytesEnc, binary: true }],
      maxBatchSize: 10,
    },
    {
      // A private CCTV owner's phone (issue #15).
      name: 'cameras',
      table: cameras,
      key: cameras.id,
      columns: [{ encrypted: cameras.contactPhoneEnc }],
    },
    {
      // Photos, videos, voice and files citizens sent (bot/cases/case-media.ts): up to 10 MB a row, so few per batch.
      name: 'attachments',
      table: attachments,
      key: attachments.id,
      columns: [{ encrypted: attachments.bytesEnc, binary: true }],
      maxBatchSize: 10,
    },
  ]
}

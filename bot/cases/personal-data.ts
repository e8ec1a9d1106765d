import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { attachments, caseEvents, cases } from '../../db/schema/index.js'
import type { PersonalDataPart, Removed } from '../privacy/parts.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'

/**
 * The cases' share of personal data: the link to the citizen, where (SOS, house watch), the search hashes of names
 * and phones, every written word of the timeline (messages both ways, notes, status messages: any of them can name
 * someone) and the attachments (photos). What stays: the number, kind, status history, dates and the counts.
 */
export function casesPersonalData(cipher: Pick<PiiCipher, 'encrypt' | 'encryptBytes'>): PersonalDataPart {
  return {
    name: 'cases',
    async purgeCases(tx, caseIds, now): Promise<Removed> {
      if (caseIds.length === 0) {
        return {}
      }
      const ids = [...caseIds]
      const events = await tx
        .update(caseEvents)
        .set({
          body: null,
          bodyEnc: null,
          // Status entries keep their data (policy, notified); messages and attachments name people or files.
          data: sql`case when ${caseEvents.type} in ('message_in', 'message_out', 'attachment', 'note') then null else ${caseEvents.data} end`,
        })
        .where(
          and(
            inArray(caseEvents.caseId, ids),
            sql`(${caseEvents.body} is not null or ${caseEvents.bodyEnc} is not null or ${caseEvents.type} in ('message_in', 'message_out', 'attachment', 'note'))`,
          ),
        )
        .returning({ id: caseEvents.id })
      // The rows hold the bytes; a media store keyed by these rows adds its own part to delete the files.
      const files = await tx
        .delete(attachments)
        .where(inArray(attachments.caseId, ids))
        .returning({ id: attachments.id })
      const purged = await tx
        .update(cases)
        .set({
          citizenId: null,
          latitude: null,
          longitude: null,
          searchHashes: sql`'{}'::text[]`,
          // An SOS summary names the place the citizen sent; other kinds' summaries are document types only.
          summary: sql`case when ${cases.kind} = 'sos' then '' else ${cases.summary} end`,
          personalDataPurgedAt: now,
        })
        .where(inArray(cases.id, ids))
        .returning({ id: cases.id })
      return { cases: purged.length, case_events: events.length, attachments: files.length }
    },

    /** Answers to "ask for more information" and files stored before they were encrypted: encrypt them now. */
    async backfill(tx, batchSize) {
      return (await encryptAnswers(tx, batchSize)) + (await encryptFiles(tx, batchSize))
    },
  }

  async function encryptAnswers(tx: Tx, batchSize: number): Promise<number> {
    const rows = await tx
      .select({ id: caseEvents.id, body: caseEvents.body })
      .from(caseEvents)
      .where(
        and(
          eq(caseEvents.type, 'message_in'),
          eq(caseEvents.actorType, 'citizen'),
          isNotNull(caseEvents.body),
          isNull(caseEvents.bodyEnc),
        ),
      )
      .limit(batchSize)
    for (const row of rows) {
      await tx
        .update(caseEvents)
        .set({ body: null, bodyEnc: cipher.encrypt(row.body ?? '') })
        .where(eq(caseEvents.id, row.id))
    }
    return rows.length
  }

  /** Files kept as base64 plaintext (before migration 0012): a few per batch, each up to 10 MB. */
  async function encryptFiles(tx: Tx, batchSize: number): Promise<number> {
    const rows = await tx
      .select({ id: attachments.id, bytes: attachments.bytes })
      .from(attachments)
      .where(and(isNotNull(attachments.bytes), isNull(attachments.bytesEnc)))
      .limit(Math.min(batchSize, FILES_PER_BATCH))
    for (const row of rows) {
      await tx
        .update(attachments)
        .set({ bytes: null, bytesEnc: cipher.encryptBytes(Buffer.from(row.bytes ?? '', 'base64')) })
        .where(eq(attachments.id, row.id))
    }
    return rows.length
  }
}

const FILES_PER_BATCH = 10

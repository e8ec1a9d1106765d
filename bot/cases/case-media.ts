import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db, Tx } from '../../db/client.js'
import { attachments, caseEvents, cases, citizens } from '../../db/schema/index.js'
import { enqueueAfterCommit } from '../../jobs/after-commit.js'
import { contentJobId } from '../../jobs/queues.js'
import { t } from '../i18n/index.js'
import { ContentTooLargeError, type LineClient, toLineError } from '../line/line-client.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { notifyCaseChange } from './case-feed.js'
import { sendToCitizen } from './citizen-outbox.js'

/** The LINE message types whose content the bot fetches and keeps (stickers and locations carry none). */
export const MEDIA_MESSAGE_TYPES = ['image', 'video', 'audio', 'file'] as const
export type MediaMessageType = (typeof MEDIA_MESSAGE_TYPES)[number]

export function isMediaMessage(type: string | undefined): type is MediaMessageType {
  return (MEDIA_MESSAGE_TYPES as readonly string[]).includes(type ?? '')
}

/** At most this many bytes per file (LINE allows larger videos and files; the station does not need them). */
export const MAX_MEDIA_BYTES = 10 * 1024 * 1024

/** What the station accepts: pictures, video, voice and PDF. Anything else is answered and not kept. */
const ACCEPTED = [/^image\/(jpeg|png|gif|webp|heic|heif)$/, /^video\/(mp4|quicktime|3gpp)$/, /^audio\/[\w.+-]+$/]
const ACCEPTED_EXACT = ['application/pdf']

export function acceptedContentType(type: string): boolean {
  return ACCEPTED_EXACT.includes(type) || ACCEPTED.some((re) => re.test(type))
}

/** The content's state on its timeline entry (`case_events.data.content`). */
export type ContentState = 'pending' | 'stored' | 'too_large' | 'bad_type' | 'unavailable'

/**
 * A citizen's image, video, audio or file joined a case's timeline (`message_in` with `data.lineMessageId`): its
 * content is fetched from LINE by the `fetch-content` job once this transaction commits. Any feature that keeps a
 * citizen's messages on a case (more information, consultations) calls this.
 */
export function fetchContentAfterCommit(tx: Tx, caseEventId: number, lineMessageId: string): void {
  enqueueAfterCommit(tx, 'fetch-content', { caseEventId }, contentJobId(lineMessageId))
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/mpeg': 'mp3',
  'application/pdf': 'pdf',
}

export type CaseMediaDeps = {
  db: Db
  line: Pick<LineClient, 'getContent'>
  /** The bytes are kept encrypted (a photographed passport is as personal as its number). */
  cipher: Pick<PiiCipher, 'encryptBytes'>
  logger: Pick<Logger, 'info' | 'warn'>
  maxBytes?: number
  now?: () => Date
}

export type FetchOutcome = 'stored' | 'already' | 'nothing' | Exclude<ContentState, 'pending' | 'stored'>

/**
 * Fetches and keeps a citizen's media: the bytes encrypted in `attachments` (with the SHA-256 of the plaintext, type
 * and size) linked to the timeline entry, the entry's data pointing at the file. Too large, a type the station does
 * not take, or content LINE no longer has: the entry says so and the citizen is told, in their language, through the
 * outbox. Run twice, it stores one file (the unique entry link) and tells the citizen once (the entry's state).
 */
export function createCaseMedia({
  db,
  line,
  cipher,
  logger,
  maxBytes = MAX_MEDIA_BYTES,
  now = () => new Date(),
}: CaseMediaDeps) {
  async function load(tx: Tx, caseEventId: number) {
    const [row] = await tx
      .select({ event: caseEvents, c: cases, citizen: citizens })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .leftJoin(citizens, eq(citizens.id, cases.citizenId))
      .where(eq(caseEvents.id, caseEventId))
      .limit(1)
      .for('update', { of: caseEvents })
    return row
  }

  async function refuse(caseEventId: number, state: Exclude<ContentState, 'pending' | 'stored'>) {
    await db.transaction(async (tx) => {
      const row = await load(tx, caseEventId)
      if (row?.event.data?.content !== 'pending') {
        return
      }
      await tx
        .update(caseEvents)
        .set({ data: { ...row.event.data, content: state } })
        .where(eq(caseEvents.id, caseEventId))
      if (row.citizen?.lineUserId) {
        const lang = row.citizen.language
        const key =
          state === 'too_large' ? 'media.tooLarge' : state === 'bad_type' ? 'media.badType' : 'media.unavailable'
        const text = t(lang, key, { ref: row.c.referenceNumber, mb: Math.round(maxBytes / 1024 / 1024) })
        await sendToCitizen(tx, row.citizen, [{ type: 'text', text }], {
          stationId: row.c.stationId,
          purpose: 'media_refused',
          now: now(),
        })
      }
      await notifyCaseChange(tx, row.c, 'updated')
    })
  }

  return {
    async fetch(caseEventId: number): Promise<FetchOutcome> {
      const [row] = await db
        .select({ data: caseEvents.data, stored: attachments.id })
        .from(caseEvents)
        .leftJoin(attachments, eq(attachments.caseEventId, caseEvents.id))
        .where(eq(caseEvents.id, caseEventId))
        .limit(1)
      if (!row) {
        return 'nothing' // the case's personal data was purged meanwhile
      }
      if (row.stored) {
        return 'already'
      }
      const messageId = row.data?.lineMessageId
      if (typeof messageId !== 'string' || row.data?.content !== 'pending') {
        return 'nothing'
      }
      let content: { bytes: Buffer; contentType: string | null }
      try {
        content = await line.getContent(messageId, maxBytes)
      } catch (err) {
        if (err instanceof ContentTooLargeError) {
          await refuse(caseEventId, 'too_large')
          return 'too_large'
        }
        const e = toLineError(err)
        if (e.retryable) {
          throw e
        }
        logger.warn({ caseEventId, status: e.status }, 'message content unavailable at LINE')
        await refuse(caseEventId, 'unavailable')
        return 'unavailable'
      }
      const contentType = (content.contentType ?? 'application/octet-stream').split(';')[0]?.trim().toLowerCase() ?? ''
      if (!acceptedContentType(contentType)) {
        await refuse(caseEventId, 'bad_type')
        return 'bad_type'
      }
      const sha256 = createHash('sha256').update(content.bytes).digest('hex')
      return db.transaction(async (tx) => {
        const current = await load(tx, caseEventId)
        if (current?.event.data?.content !== 'pending') {
          return 'already'
        }
        const data = current.event.data
        const fileName =
          typeof data.fileName === 'string'
            ? data.fileName
            : `${String(data.messageType ?? 'file')}-${caseEventId}.${EXTENSIONS[contentType] ?? 'bin'}`
        const [file] = await tx
          .insert(attachments)
          .values({
            caseId: current.c.id,
            caseEventId,
            contentType,
            fileName,
            size: content.bytes.length,
            sha256,
            bytesEnc: cipher.encryptBytes(content.bytes),
            createdAt: now(),
          })
          .onConflictDoNothing()
          .returning({ id: attachments.id })
        if (!file) {
          return 'already'
        }
        await tx
          .update(caseEvents)
          .set({
            data: { ...data, content: 'stored', attachmentId: file.id, contentType, size: content.bytes.length },
          })
          .where(eq(caseEvents.id, caseEventId))
        await notifyCaseChange(tx, current.c, 'updated')
        logger.info({ caseEventId, size: content.bytes.length, contentType }, 'message content stored')
        return 'stored'
      })
    },
  }
}
export type CaseMedia = ReturnType<typeof createCaseMedia>

import { and, eq, inArray, isNull, or } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { attachments, type Case, type Citizen, cannedReplies, stations } from '../../../db/schema/index.js'
import { BadRequestError } from '../../errors.js'
import type { LineMessage } from '../../line/line-client.js'
import type { ActingOfficer } from '../../officers/audit-port.js'
import type { MediaLinks } from './media-links.js'

/** POST /api/admin/cases/:id/messages: a text, a canned reply, files uploaded before (or a mix). */
export type AnswerInput = { body?: string | undefined; cannedReplyId?: string | undefined; attachmentIds?: string[] }

export type ComposedAnswer = {
  /** The text the officer sent (placeholders filled), or null for files alone. */
  text: string | null
  messages: LineMessage[]
  attachmentIds: string[]
}

/** LINE shows an image message from JPEG or PNG only; any other file goes as a link. */
const IMAGE_MESSAGE_TYPES = ['image/jpeg', 'image/png']

/** Placeholders officers may write in canned replies (bot/contracts/consultations.ts, CannedReply). */
export function fillPlaceholders(text: string, values: Record<'name' | 'ref' | 'officer' | 'station', string>): string {
  return text.replace(/\{(name|ref|officer|station)\}/g, (_, key: keyof typeof values) => values[key])
}

const FILE_LINE = {
  th: (name: string, url: string) => `📎 ไฟล์จากเจ้าหน้าที่: ${name}\n${url}\n(ลิงก์ใช้ได้ 7 วัน)`,
  en: (name: string, url: string) => `📎 A file from the officer: ${name}\n${url}\n(The link works for 7 days.)`,
}

async function cannedText(tx: Tx, who: ActingOfficer, id: string): Promise<string> {
  const [row] = await tx
    .select({ body: cannedReplies.body })
    .from(cannedReplies)
    .where(
      and(
        eq(cannedReplies.id, id),
        eq(cannedReplies.stationId, who.stationId),
        // The station's library or the officer's own, never a colleague's personal one.
        or(isNull(cannedReplies.officerId), eq(cannedReplies.officerId, who.officerId)),
      ),
    )
    .limit(1)
  if (!row) {
    throw new BadRequestError('no such canned reply', 'ไม่พบข้อความสำเร็จรูปนี้', { field: 'cannedReplyId' })
  }
  return row.body
}

/**
 * The officer's answer as LINE messages: the text (a canned reply's placeholders filled with the citizen's name, the
 * case number, the officer's and the station's names), then each file: a JPEG or PNG as an image message whose
 * picture LINE fetches from a signed, expiring link; anything else as a text with such a link, in the citizen's
 * language. Files must be this case's officer uploads (POST /api/admin/cases/:id/attachments).
 */
export async function composeAnswer(
  tx: Tx,
  deps: { mediaLinks: MediaLinks },
  who: ActingOfficer,
  c: Case,
  citizen: Pick<Citizen, 'displayName' | 'language'>,
  input: AnswerInput,
  now: Date,
): Promise<ComposedAnswer> {
  const ids = [...new Set(input.attachmentIds ?? [])]
  let text = input.body?.trim() || null
  if (input.cannedReplyId) {
    const [station] = await tx.select().from(stations).where(eq(stations.id, c.stationId)).limit(1)
    const template = text ?? (await cannedText(tx, who, input.cannedReplyId))
    text = fillPlaceholders(template, {
      name: citizen.displayName ?? (citizen.language === 'en' ? 'there' : 'ท่าน'),
      ref: c.referenceNumber,
      officer: who.displayName,
      station: (citizen.language === 'en' ? station?.nameEn : station?.nameTh) ?? '',
    })
  }
  if (!text && ids.length === 0) {
    throw new BadRequestError('a text or a file is required', 'กรุณาพิมพ์ข้อความหรือแนบไฟล์')
  }
  const files =
    ids.length === 0
      ? []
      : await tx
          .select({ id: attachments.id, contentType: attachments.contentType, fileName: attachments.fileName })
          .from(attachments)
          .where(and(inArray(attachments.id, ids), eq(attachments.caseId, c.id), isNull(attachments.caseEventId)))
  if (files.length !== ids.length) {
    throw new BadRequestError('an attachment is not an upload of this case', 'ไม่พบไฟล์แนบของเรื่องนี้', {
      field: 'attachmentIds',
    })
  }
  const byId = new Map(files.map((f) => [f.id, f]))
  const messages: LineMessage[] = text ? [{ type: 'text', text }] : []
  for (const id of ids) {
    const file = byId.get(id)
    if (!file) {
      continue
    }
    const url = deps.mediaLinks.url(file.id, now)
    // LINE fetches an image message's picture over HTTPS only: a local run on http sends the picture as a link.
    if (IMAGE_MESSAGE_TYPES.includes(file.contentType) && url.startsWith('https://')) {
      messages.push({ type: 'image', originalContentUrl: url, previewImageUrl: url })
    } else {
      messages.push({ type: 'text', text: FILE_LINE[citizen.language](file.fileName ?? 'file', url) })
    }
  }
  return { text, messages, attachmentIds: ids }
}

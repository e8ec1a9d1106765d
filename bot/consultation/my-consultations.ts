import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { attachments, caseEvents, cases, consultations, officers } from '../../db/schema/index.js'
import { STATUS_LABELS } from '../cases/statuses.js'
import { CONSULTATION_TOPIC_LABELS, type ConsultationTopic } from '../contracts/consultations.js'
import type { MyConsultation, MyConsultationThread } from '../contracts/liff-api.js'
import { NotFoundError } from '../errors.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'

/** The LIFF API's shapes (bot/contracts/liff-api.ts): a consultation as its citizen sees it, one thread message. */
export type { MyConsultation }
export type MyThreadMessage = MyConsultationThread['messages'][number]
export type MyThreadFile = MyThreadMessage['files'][number]

/** Someone else's consultation, or none: the same 404, so an ID says nothing about whose it is. */
const notYours = () => new NotFoundError('consultation not found', 'ไม่พบเรื่องปรึกษานี้ในรายการของท่าน')

const row = {
  id: cases.id,
  referenceNumber: cases.referenceNumber,
  status: cases.status,
  resolvedAt: cases.resolvedAt,
  createdAt: cases.createdAt,
  updatedAt: cases.updatedAt,
  topic: consultations.topic,
}
type Row = {
  id: string
  referenceNumber: string
  status: string
  resolvedAt: Date | null
  createdAt: Date
  updatedAt: Date
  topic: ConsultationTopic
}
function toView(r: Row): MyConsultation {
  const label = STATUS_LABELS[r.status] ?? { th: r.status, en: r.status }
  return {
    id: r.id,
    referenceNumber: r.referenceNumber,
    topic: r.topic,
    topicTh: CONSULTATION_TOPIC_LABELS[r.topic].th,
    topicEn: CONSULTATION_TOPIC_LABELS[r.topic].en,
    status: r.status,
    statusTh: label.th,
    statusEn: label.en,
    ended: r.resolvedAt !== null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}

const mine = (citizenId: string) => and(eq(cases.citizenId, citizenId), eq(cases.kind, 'consultation'))

/** The citizen's own consultations, newest first. */
export async function listMyConsultations(tx: Tx, citizenId: string, limit: number): Promise<MyConsultation[]> {
  const rows = await tx
    .select(row)
    .from(cases)
    .innerJoin(consultations, eq(consultations.caseId, cases.id))
    .where(mine(citizenId))
    .orderBy(desc(cases.createdAt))
    .limit(limit)
  return rows.map(toView)
}

async function ownConsultation(tx: Tx, citizenId: string, caseId: string) {
  const [r] = await tx
    .select(row)
    .from(cases)
    .innerJoin(consultations, eq(consultations.caseId, cases.id))
    .where(and(mine(citizenId), eq(cases.id, caseId)))
    .limit(1)
  if (!r) {
    throw notYours()
  }
  return r
}

/**
 * The thread of the citizen's own consultation, read-only: both sides' messages in order, texts decrypted here for
 * their owner only, officers named by rank and name, files listed (served by ownFile). Internal notes, status
 * changes and everything else on the timeline stay with the officers.
 */
export async function myThread(tx: Tx, cipher: Pick<PiiCipher, 'decrypt'>, citizenId: string, caseId: string) {
  const consultation = toView(await ownConsultation(tx, citizenId, caseId))
  const events = await tx
    .select({ e: caseEvents, rank: officers.fullName, name: officers.displayName })
    .from(caseEvents)
    .leftJoin(officers, eq(officers.id, caseEvents.officerId))
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        inArray(caseEvents.type, ['message_in', 'message_out']),
        eq(caseEvents.internal, false),
      ),
    )
    .orderBy(asc(caseEvents.id))
  const files = await tx
    .select({
      id: attachments.id,
      caseEventId: attachments.caseEventId,
      contentType: attachments.contentType,
      fileName: attachments.fileName,
      size: attachments.size,
    })
    .from(attachments)
    .where(eq(attachments.caseId, caseId))
    .orderBy(asc(attachments.createdAt))
  const file = ({ id, contentType, fileName, size }: (typeof files)[number]) => ({ id, contentType, fileName, size })
  const messages: MyThreadMessage[] = events.map(({ e, rank, name }) => {
    const ids = e.type === 'message_out' ? ((e.data?.attachmentIds as string[] | undefined) ?? []) : []
    return {
      id: e.id,
      from: e.type === 'message_in' ? 'citizen' : 'officer',
      officer: e.type === 'message_out' ? (rank ?? name ?? null) : null,
      text: e.bodyEnc ? cipher.decrypt(e.bodyEnc) : e.body,
      messageType: String(e.data?.messageType ?? 'text'),
      at: e.createdAt.toISOString(),
      files: files.filter((f) => f.caseEventId === e.id || ids.includes(f.id)).map(file),
    }
  })
  return { consultation, messages }
}

/**
 * One file of the citizen's own thread: one they sent (its message_in) or one an officer sent them (listed on a
 * message_out that is no internal note). Anything else, someone else's included, is the same 404.
 */
export async function ownFile(tx: Tx, citizenId: string, caseId: string, fileId: string) {
  await ownConsultation(tx, citizenId, caseId)
  const [f] = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, fileId), eq(attachments.caseId, caseId)))
    .limit(1)
  if (!f) {
    throw notYours()
  }
  const shown = await tx
    .select({ id: caseEvents.id, type: caseEvents.type, data: caseEvents.data })
    .from(caseEvents)
    .where(
      and(
        eq(caseEvents.caseId, caseId),
        inArray(caseEvents.type, ['message_in', 'message_out']),
        eq(caseEvents.internal, false),
      ),
    )
  const listed = shown.some(
    (e) =>
      (e.type === 'message_in' && e.id === f.caseEventId) ||
      (e.type === 'message_out' && ((e.data?.attachmentIds as string[] | undefined) ?? []).includes(f.id)),
  )
  if (!listed) {
    throw notYours()
  }
  return f
}

import { and, asc, eq, inArray } from 'drizzle-orm'
import { caseEvents, cases, consultations } from '../../../db/schema/index.js'
import {
  CONSULTATION_TOPIC_LABELS,
  type ConsultationCloser,
  type ConsultationTopic,
} from '../../contracts/consultations.js'
import { biDateTime, iso, text } from '../../privacy/export-values.js'
import type { Bilingual, ExportBlock, ExportSection } from '../../privacy/parts.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'

const CLOSED_BY: Record<ConsultationCloser, Bilingual> = {
  officer: { th: 'เจ้าหน้าที่ปิดการสนทนา', en: 'Closed by an officer' },
  citizen: { th: 'ท่านจบการสนทนา', en: 'You ended it' },
  system: { th: 'ระบบปิดการสนทนา', en: 'Closed by the system' },
}
const FROM: Record<'citizen' | 'station', Bilingual> = {
  citizen: { th: 'ท่าน', en: 'You' },
  station: { th: 'สถานี', en: 'The station' },
}

type ThreadEntry = { from: 'citizen' | 'station'; text: string | null; media: string | null; at: string }
type ConsultationExport = {
  referenceNumber: string
  topic: ConsultationTopic
  openedVia: string
  openedAt: string
  closedAt: string | null
  closedBy: ConsultationCloser | null
  closingSummary: string | null
  rating: number | null
  ratingComment: string | null
  ratedAt: string | null
  thread: ThreadEntry[]
}

/**
 * The citizen's consultations (issue #12): number, topic, dates, the thread both ways with the texts decrypted (it
 * is their conversation), the officer's closing summary, their rating and comment. Internal notes are not theirs.
 * Files they sent are in the cases section (with their bytes).
 */
export function consultationsExport(cipher: Pick<PiiCipher, 'decrypt'>): ExportSection<ConsultationExport[]> {
  const plain = (enc: string | null) => (enc ? cipher.decrypt(enc) : null)
  return {
    name: 'consultations',
    title: { th: 'การปรึกษาเจ้าหน้าที่', en: 'Your consultations' },
    async collect(tx, citizen) {
      const rows = await tx
        .select({ c: cases, k: consultations })
        .from(consultations)
        .innerJoin(cases, eq(cases.id, consultations.caseId))
        .where(eq(cases.citizenId, citizen.id))
        .orderBy(asc(cases.createdAt))
      const ids = rows.map((r) => r.c.id)
      const events = ids.length
        ? await tx
            .select()
            .from(caseEvents)
            .where(
              and(
                inArray(caseEvents.caseId, ids),
                eq(caseEvents.internal, false),
                inArray(caseEvents.type, ['message_in', 'message_out']),
              ),
            )
            .orderBy(asc(caseEvents.id))
        : []
      return rows.map(({ c, k }) => ({
        referenceNumber: c.referenceNumber,
        topic: k.topic,
        openedVia: k.openedVia,
        openedAt: c.createdAt.toISOString(),
        closedAt: iso(k.closedAt),
        closedBy: k.closedBy,
        closingSummary: plain(k.closingSummaryEnc),
        rating: k.rating,
        ratingComment: plain(k.ratingCommentEnc),
        ratedAt: iso(k.ratedAt),
        thread: events
          .filter((e) => e.caseId === c.id)
          .map((e) => ({
            from: e.type === 'message_in' ? ('citizen' as const) : ('station' as const),
            text: e.bodyEnc ? cipher.decrypt(e.bodyEnc) : e.body,
            media: typeof e.data?.messageType === 'string' ? e.data.messageType : null,
            at: e.createdAt.toISOString(),
          })),
      }))
    },
    blocks(data) {
      return data.map(
        (k): ExportBlock => ({
          title: {
            th: `${k.referenceNumber} · ${CONSULTATION_TOPIC_LABELS[k.topic].th}`,
            en: `${k.referenceNumber} · ${CONSULTATION_TOPIC_LABELS[k.topic].en}`,
          },
          rows: [
            { label: { th: 'เริ่มปรึกษาเมื่อ', en: 'Asked' }, value: biDateTime(new Date(k.openedAt)) },
            { label: { th: 'ปิดเมื่อ', en: 'Closed' }, value: biDateTime(k.closedAt ? new Date(k.closedAt) : null) },
            ...(k.closedBy ? [{ label: { th: 'ผู้ปิด', en: 'Closed by' }, value: CLOSED_BY[k.closedBy] }] : []),
            ...(k.closingSummary
              ? [{ label: { th: 'สรุปจากเจ้าหน้าที่', en: "The officer's summary" }, value: k.closingSummary }]
              : []),
            { label: { th: 'คะแนนที่ท่านให้', en: 'Your rating' }, value: k.rating ? `${k.rating}/5` : '—' },
            ...(k.ratingComment
              ? [{ label: { th: 'ความเห็นของท่าน', en: 'Your comment' }, value: k.ratingComment }]
              : []),
          ],
          blocks: k.thread.length
            ? [
                {
                  title: { th: 'บทสนทนา', en: 'The conversation' },
                  rows: k.thread.map((m) => ({ label: FROM[m.from], value: threadValue(m) })),
                },
              ]
            : [],
        }),
      )
    },
  }
}

function threadValue(m: ThreadEntry): Bilingual {
  const at = biDateTime(new Date(m.at))
  const when = typeof at === 'string' ? { th: at, en: at } : at
  const what = text(m.text ?? (m.media ? `[${m.media}]` : null))
  return { th: `${when.th}: ${what}`, en: `${when.en}: ${what}` }
}

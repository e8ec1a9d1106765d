import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { attachments, type CaseKind, caseEvents, cases, evidenceFiles } from '../../db/schema/index.js'
import { biDateTime, iso, text } from '../privacy/export-values.js'
import type { Bilingual, ExportBlock, ExportSection } from '../privacy/parts.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { attachmentContent } from './attachment-content.js'
import { STATUS_LABELS } from './statuses.js'

export const KIND_LABELS: Record<CaseKind, Bilingual> = {
  lost_document: { th: 'แจ้งเอกสารหาย', en: 'Lost documents' },
  house_watch: { th: 'ฝากบ้าน', en: 'House watch' },
  consultation: { th: 'ปรึกษาเจ้าหน้าที่', en: 'Consultation' },
  sos: { th: 'แจ้งเหตุฉุกเฉิน', en: 'Emergency (SOS)' },
}

const EVENT_LABELS: Record<string, Bilingual> = {
  created: { th: 'รับเรื่อง', en: 'Received' },
  status: { th: 'เปลี่ยนสถานะ', en: 'Status changed' },
  message_in: { th: 'ข้อความจากท่าน', en: 'Your message' },
  message_out: { th: 'ข้อความจากสถานี', en: "The station's message" },
}

/** What a message without text carried, in words (the file itself is under the case's files). */
const MEDIA_LABELS: Record<string, Bilingual> = {
  image: { th: 'รูปภาพที่ท่านส่ง', en: 'A photo you sent' },
  video: { th: 'วิดีโอที่ท่านส่ง', en: 'A video you sent' },
  audio: { th: 'ข้อความเสียงที่ท่านส่ง', en: 'A voice message you sent' },
  file: { th: 'ไฟล์ที่ท่านส่ง', en: 'A file you sent' },
}

type HistoryEntry = { type: string; status: string | null; body: string | null; media?: string | null; at: string }
type CaseExport = {
  referenceNumber: string
  kind: CaseKind
  status: string
  createdAt: string
  resolvedAt: string | null
  summary: string
  location: { latitude: number; longitude: number } | null
  history: HistoryEntry[]
  /** Pictures, videos, voice messages and files they sent: the bytes (base64) and their SHA-256. */
  files: CaseFile[]
}
type CaseFile = {
  fileName: string | null
  contentType: string
  size: number
  sha256: string | null
  receivedAt: string
  contentBase64: string
}

const status = (s: string | null): Bilingual | string => (s ? (STATUS_LABELS[s] ?? s) : '—')

/**
 * Every case of the citizen, of every kind (lost documents, SOS, ...): number, status, dates, where (SOS) and the
 * timeline they may see, their own words decrypted. Officers' internal notes and assignments are not theirs to see.
 */
export function casesExport(cipher: Pick<PiiCipher, 'decrypt' | 'decryptBytes'>): ExportSection<CaseExport[]> {
  return {
    name: 'cases',
    title: { th: 'เรื่องที่แจ้งทั้งหมด', en: 'All your cases' },
    async collect(tx, citizen) {
      const rows = await tx.select().from(cases).where(eq(cases.citizenId, citizen.id)).orderBy(asc(cases.createdAt))
      const ids = rows.map((c) => c.id)
      const events = ids.length
        ? await tx
            .select()
            .from(caseEvents)
            .where(
              and(
                inArray(caseEvents.caseId, ids),
                eq(caseEvents.internal, false),
                inArray(caseEvents.type, ['created', 'status', 'message_in', 'message_out']),
              ),
            )
            .orderBy(asc(caseEvents.id))
        : []
      const files = ids.length
        ? await tx
            .select()
            .from(attachments)
            // Evidence (footage of third parties from camera owners) is not the reporting citizen's data.
            .where(
              and(
                inArray(attachments.caseId, ids),
                sql`not exists (select 1 from ${evidenceFiles} where ${evidenceFiles.attachmentId} = ${attachments.id})`,
              ),
            )
            .orderBy(asc(attachments.createdAt))
        : []
      return rows.map((c) => ({
        referenceNumber: c.referenceNumber,
        kind: c.kind,
        status: c.status,
        createdAt: c.createdAt.toISOString(),
        resolvedAt: iso(c.resolvedAt),
        summary: c.summary,
        location: c.latitude !== null && c.longitude !== null ? { latitude: c.latitude, longitude: c.longitude } : null,
        history: events
          .filter((e) => e.caseId === c.id)
          .map((e) => ({
            type: e.type,
            status: e.toStatus,
            body: e.bodyEnc ? cipher.decrypt(e.bodyEnc) : e.body,
            media: mediaOf(e.data),
            at: e.createdAt.toISOString(),
          })),
        files: files
          .filter((f) => f.caseId === c.id)
          .map((f) => ({
            fileName: f.fileName,
            contentType: f.contentType,
            size: f.size,
            sha256: f.sha256,
            receivedAt: f.createdAt.toISOString(),
            contentBase64: attachmentContent(cipher, f).toString('base64'),
          })),
      }))
    },
    blocks(data) {
      return data.map(
        (c): ExportBlock => ({
          title: {
            th: `${c.referenceNumber} · ${KIND_LABELS[c.kind].th}`,
            en: `${c.referenceNumber} · ${KIND_LABELS[c.kind].en}`,
          },
          rows: [
            { label: { th: 'สถานะ', en: 'Status' }, value: status(c.status) },
            { label: { th: 'แจ้งเมื่อ', en: 'Reported' }, value: biDateTime(new Date(c.createdAt)) },
            {
              label: { th: 'ได้รับคำตอบเมื่อ', en: 'Answered' },
              value: biDateTime(c.resolvedAt ? new Date(c.resolvedAt) : null),
            },
            { label: { th: 'สรุป', en: 'Summary' }, value: text(c.summary) },
            ...(c.location
              ? [
                  {
                    label: { th: 'ตำแหน่ง', en: 'Location' },
                    value: `${c.location.latitude.toFixed(5)}, ${c.location.longitude.toFixed(5)}`,
                  },
                ]
              : []),
          ],
          blocks: [
            ...(c.history.length
              ? [
                  {
                    title: { th: 'ความคืบหน้า', en: 'History' },
                    rows: c.history.map((h) => ({
                      label: EVENT_LABELS[h.type] ?? { th: h.type, en: h.type },
                      value: historyValue(h),
                    })),
                  },
                ]
              : []),
            ...(c.files.length
              ? [
                  {
                    title: {
                      th: 'ไฟล์ที่ท่านส่ง (เนื้อไฟล์อยู่ในไฟล์ JSON)',
                      en: 'Files you sent (their content is in the JSON file)',
                    },
                    rows: c.files.map((f) => ({
                      label: { th: f.fileName ?? 'ไฟล์', en: f.fileName ?? 'File' },
                      value: `${f.contentType} · ${Math.max(1, Math.round(f.size / 1024))} KB · SHA-256 ${f.sha256 ?? '—'}`,
                    })),
                  },
                ]
              : []),
          ],
        }),
      )
    },
  }
}

function historyValue(h: HistoryEntry): Bilingual {
  const at = biDateTime(new Date(h.at))
  const when = typeof at === 'string' ? { th: at, en: at } : at
  const st = status(h.status)
  const label = typeof st === 'string' ? { th: st, en: st } : st
  const media = !h.body && h.media ? MEDIA_LABELS[h.media] : undefined
  const what = (lang: 'th' | 'en') =>
    [h.status ? label[lang] : '', h.body ?? media?.[lang] ?? ''].filter(Boolean).join(' — ')
  return { th: [when.th, what('th')].filter(Boolean).join(': '), en: [when.en, what('en')].filter(Boolean).join(': ') }
}

function mediaOf(data: Record<string, unknown> | null): string | null {
  const kind = data?.messageType
  return typeof kind === 'string' && kind in MEDIA_LABELS ? kind : null
}

import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Citizen, consents, dataRequests } from '../../db/schema/index.js'
import { formatDateTime } from '../i18n/index.js'
import type { ExportPage } from './export-page.js'
import { biDateTime, iso } from './export-values.js'
import type { Bilingual, ExportSection } from './parts.js'

const LANGUAGE: Record<string, Bilingual> = { th: { th: 'ไทย', en: 'Thai' }, en: { th: 'อังกฤษ', en: 'English' } }
const REQUEST: Record<string, Bilingual> = {
  export: { th: 'ขอสำเนาข้อมูล', en: 'Copy of my data' },
  delete: { th: 'ขอให้ลบข้อมูล', en: 'Erasure' },
}
/** What each consent was given for, in words (the purposes stored with it: lost-documents/consent.ts). */
const CONSENT: Record<string, Bilingual> = {
  lost_document_report: {
    th: 'การแจ้งเอกสารหาย (เก็บและใช้ข้อมูลในแบบฟอร์ม)',
    en: 'Lost-document report (collecting and using the form’s data)',
  },
}
const REQUEST_STATUS: Record<string, Bilingual> = {
  pending: { th: 'รอดำเนินการ', en: 'Pending' },
  done: { th: 'ดำเนินการแล้ว', en: 'Done' },
  declined: { th: 'ปฏิเสธ (มีเหตุผลตามกฎหมาย)', en: 'Refused (with a legal reason)' },
}

type Profile = {
  lineUserId: string
  displayName: string | null
  language: string
  followState: string
  followedAt: string | null
  createdAt: string
  consents: { purpose: string; version: string; givenAt: string; withdrawnAt: string | null }[]
  dataRequests: { kind: string; status: string; createdAt: string; completedAt: string | null; note: string | null }[]
}

/** Who they are to the OA: their LINE identity, language, consents and PDPA requests. */
export const profileExport: ExportSection<Profile> = {
  name: 'citizen',
  title: { th: 'ข้อมูลบัญชีและความยินยอม', en: 'Account and consents' },
  async collect(tx, citizen) {
    const given = await tx
      .select()
      .from(consents)
      .where(eq(consents.citizenId, citizen.id))
      .orderBy(asc(consents.givenAt))
    const asked = await tx
      .select()
      .from(dataRequests)
      .where(eq(dataRequests.citizenId, citizen.id))
      .orderBy(asc(dataRequests.createdAt))
    return {
      lineUserId: citizen.lineUserId,
      displayName: citizen.displayName,
      language: citizen.language,
      followState: citizen.followState,
      followedAt: iso(citizen.followedAt),
      createdAt: citizen.createdAt.toISOString(),
      consents: given.map((c) => ({
        purpose: c.purpose,
        version: c.version,
        givenAt: c.givenAt.toISOString(),
        withdrawnAt: iso(c.withdrawnAt),
      })),
      dataRequests: asked.map((r) => ({
        kind: r.kind,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        completedAt: iso(r.completedAt),
        note: r.note,
      })),
    }
  },
  blocks(p) {
    return [
      {
        title: { th: 'บัญชี LINE', en: 'LINE account' },
        rows: [
          { label: { th: 'LINE user ID', en: 'LINE user ID' }, value: p.lineUserId },
          { label: { th: 'ชื่อที่แสดง', en: 'Display name' }, value: p.displayName ?? '—' },
          { label: { th: 'ภาษา', en: 'Language' }, value: LANGUAGE[p.language] ?? p.language },
          { label: { th: 'เริ่มใช้งานเมื่อ', en: 'First contact' }, value: biDateTime(new Date(p.createdAt)) },
        ],
      },
      ...p.consents.map((c) => ({
        title: {
          th: `ความยินยอม: ${CONSENT[c.purpose]?.th ?? c.purpose}`,
          en: `Consent: ${CONSENT[c.purpose]?.en ?? c.purpose}`,
        },
        rows: [
          { label: { th: 'ฉบับ', en: 'Version' }, value: c.version },
          { label: { th: 'ให้ความยินยอมเมื่อ', en: 'Given' }, value: biDateTime(new Date(c.givenAt)) },
          ...(c.withdrawnAt
            ? [{ label: { th: 'ถอนความยินยอมเมื่อ', en: 'Withdrawn' }, value: biDateTime(new Date(c.withdrawnAt)) }]
            : []),
        ],
      })),
      ...p.dataRequests.map((r) => ({
        title: REQUEST[r.kind] ?? { th: r.kind, en: r.kind },
        rows: [
          { label: { th: 'ยื่นเมื่อ', en: 'Asked' }, value: biDateTime(new Date(r.createdAt)) },
          { label: { th: 'สถานะ', en: 'Status' }, value: REQUEST_STATUS[r.status] ?? r.status },
          ...(r.note ? [{ label: { th: 'หมายเหตุ', en: 'Note' }, value: r.note }] : []),
        ],
      })),
    ]
  },
}

/** Everything the OA holds about the citizen: the JSON (machine-readable) and the readable page's model. */
export async function collectExport(tx: Tx, citizen: Citizen, sections: readonly ExportSection[], now: Date) {
  const all = [profileExport as ExportSection, ...sections]
  const data: Record<string, unknown> = { exportedAt: now.toISOString() }
  const page: ExportPage = {
    exportedAt: { th: formatDateTime('th', now), en: formatDateTime('en', now) },
    sections: [],
  }
  for (const section of all) {
    const collected = await section.collect(tx, citizen)
    data[section.name] = collected
    page.sections.push({
      title: section.title,
      blocks: section.blocks(collected),
      empty: { th: 'ไม่มีข้อมูล', en: 'Nothing held' },
    })
  }
  return { data, page }
}

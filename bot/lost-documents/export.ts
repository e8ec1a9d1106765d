import { asc, eq, inArray } from 'drizzle-orm'
import { cases, documentTypes, lostDocumentItems, lostDocumentReports } from '../../db/schema/index.js'
import { biDateTime, biDay, iso, text } from '../privacy/export-values.js'
import type { Bilingual, ExportRow, ExportSection } from '../privacy/parts.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { formatAddress } from './format.js'
import { circumstancesOf, withPersonalData } from './personal.js'

const ID_TYPES: Record<string, Bilingual> = {
  thai_id: { th: 'บัตรประจำตัวประชาชน', en: 'Thai national ID' },
  passport: { th: 'หนังสือเดินทาง', en: 'Passport' },
  alien_id: { th: 'บัตรประจำตัวคนต่างด้าว', en: 'Alien ID' },
  work_permit: { th: 'ใบอนุญาตทำงาน', en: 'Work permit' },
}

type ReportExport = {
  referenceNumber: string
  channel: string
  createdAt: string
  declarantName: string
  idType: string
  idNumber: string
  dateOfBirth: string
  phone: string
  address: Record<string, string>
  lostFrom: string
  lostTo: string | null
  placeText: string
  location: { latitude: number; longitude: number } | null
  circumstances: string | null
  declaredAt: string
  consentVersion: string
  issuedAt: string | null
  revokedAt: string | null
  items: { documentType: string; nameTh: string; nameEn: string; number: string | null; issuer: string | null }[]
}

/**
 * The lost-document part of a citizen's data export: every report with its numbers and story decrypted (their own
 * data) and the items. Status and history come with the case (bot/cases/export.ts).
 */
export function lostDocumentExport(cipher: Pick<PiiCipher, 'decrypt'>): ExportSection<ReportExport[]> {
  return {
    name: 'lostDocumentReports',
    title: { th: 'รายละเอียดการแจ้งเอกสารหาย', en: 'Lost-document reports in detail' },
    async collect(tx, citizen) {
      const rows = await tx
        .select({ case: cases, report: lostDocumentReports })
        .from(lostDocumentReports)
        .innerJoin(cases, eq(cases.id, lostDocumentReports.caseId))
        .where(eq(lostDocumentReports.citizenId, citizen.id))
        .orderBy(asc(lostDocumentReports.createdAt))
      const ids = rows.map((r) => r.case.id)
      const items = ids.length
        ? await tx
            .select({ item: lostDocumentItems, nameTh: documentTypes.nameTh, nameEn: documentTypes.nameEn })
            .from(lostDocumentItems)
            .innerJoin(documentTypes, eq(documentTypes.code, lostDocumentItems.documentType))
            .where(inArray(lostDocumentItems.caseId, ids))
            .orderBy(asc(lostDocumentItems.position))
        : []
      return rows.flatMap(({ case: c, report }) => {
        const r = withPersonalData(report)
        if (!r) {
          return []
        }
        return [
          {
            referenceNumber: c.referenceNumber,
            channel: r.channel,
            createdAt: r.createdAt.toISOString(),
            declarantName: r.declarantName,
            idType: r.idType,
            idNumber: cipher.decrypt(r.idNumberEnc),
            dateOfBirth: r.dateOfBirth,
            phone: cipher.decrypt(r.phoneEnc),
            address: r.address,
            lostFrom: r.lostFrom.toISOString(),
            lostTo: iso(r.lostTo),
            placeText: r.placeText,
            location:
              r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null,
            circumstances: circumstancesOf(cipher, r),
            declaredAt: r.declaredAt.toISOString(),
            consentVersion: r.consentVersion,
            issuedAt: iso(r.issuedAt),
            revokedAt: iso(r.revokedAt),
            items: items
              .filter((i) => i.item.caseId === c.id)
              .map(({ item, nameTh, nameEn }) => ({
                documentType: item.documentType,
                nameTh,
                nameEn,
                number: item.numberEnc ? cipher.decrypt(item.numberEnc) : null,
                issuer: item.issuer,
              })),
          },
        ]
      })
    },
    blocks(data) {
      return data.map((r) => ({
        title: { th: `บันทึกแจ้งเอกสารหาย ${r.referenceNumber}`, en: `Lost-document report ${r.referenceNumber}` },
        rows: reportRows(r),
        blocks: [
          {
            title: { th: 'เอกสารที่หาย', en: 'Lost documents' },
            rows: r.items.map(
              (i, n): ExportRow => ({
                label: { th: `${n + 1}. ${i.nameTh}`, en: `${n + 1}. ${i.nameEn}` },
                value: [i.number, i.issuer].filter(Boolean).join(' · ') || '—',
              }),
            ),
          },
        ],
      }))
    },
  }
}

function reportRows(r: ReportExport): ExportRow[] {
  const when = (v: string | null) => biDateTime(v ? new Date(v) : null)
  return [
    { label: { th: 'ชื่อผู้แจ้ง', en: 'Name' }, value: r.declarantName },
    { label: { th: 'ประเภทบัตร', en: 'ID type' }, value: ID_TYPES[r.idType] ?? r.idType },
    { label: { th: 'เลขบัตร', en: 'ID number' }, value: r.idNumber },
    { label: { th: 'วันเกิด', en: 'Date of birth' }, value: biDay(r.dateOfBirth) },
    { label: { th: 'โทรศัพท์', en: 'Phone' }, value: r.phone },
    {
      label: { th: 'ที่อยู่', en: 'Address' },
      value: { th: text(formatAddress('th', r.address)), en: text(formatAddress('en', r.address)) },
    },
    { label: { th: 'ทำหายเมื่อ', en: 'Lost on' }, value: when(r.lostFrom) },
    ...(r.lostTo ? [{ label: { th: 'ถึง', en: 'Until' }, value: when(r.lostTo) }] : []),
    { label: { th: 'สถานที่', en: 'Where' }, value: text(r.placeText) },
    { label: { th: 'เหตุการณ์', en: 'What happened' }, value: text(r.circumstances) },
    { label: { th: 'ยืนยันข้อความเมื่อ', en: 'Declared' }, value: when(r.declaredAt) },
    { label: { th: 'ฉบับความยินยอม', en: 'Consent version' }, value: r.consentVersion },
    { label: { th: 'ออกบันทึกเมื่อ', en: 'Record issued' }, value: when(r.issuedAt) },
    ...(r.revokedAt ? [{ label: { th: 'ยกเลิกบันทึกเมื่อ', en: 'Record revoked' }, value: when(r.revokedAt) }] : []),
  ]
}

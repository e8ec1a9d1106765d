import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, documentTypes, lostDocumentItems, lostDocumentReports } from '../../../db/schema/index.js'
import { maskName } from '../../cases/mask.js'
import type { PiiProvider } from '../../cases/pii.js'
import type { Bilingual, CaseFact, CaseLink, CaseSection } from '../../cases/views.js'
import { formatDateTime, type Language } from '../../i18n/index.js'
import { maskIdNumber, maskMobile, maskNumber, maskThaiId } from '../../privacy/mask.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { formatAddress, formatDay, formatWhen } from '../format.js'
import { circumstancesOf, withPersonalData } from '../personal.js'
import { ID_TYPE_LABELS } from '../record/format.js'

/** The label of the declarant's ID number, by the kind of ID they gave: a passport number is not a national ID. */
export const ID_NUMBER_LABELS: Record<string, Bilingual> = {
  thai_id: { th: 'เลขประจำตัวประชาชน', en: 'Thai ID number' },
  passport: { th: 'เลขหนังสือเดินทาง', en: 'Passport number' },
  alien_id: { th: 'เลขประจำตัวคนซึ่งไม่มีสัญชาติไทย', en: 'Non-Thai ID number' },
  work_permit: { th: 'เลขใบอนุญาตทำงาน', en: 'Work permit number' },
}

/** The label of a lost document's number, by its type (the maintained list's name otherwise). */
const DOCUMENT_NUMBER_LABELS: Record<string, Bilingual> = {
  thai_id_card: ID_NUMBER_LABELS.thai_id as Bilingual,
  thai_passport: ID_NUMBER_LABELS.passport as Bilingual,
  foreign_passport: ID_NUMBER_LABELS.passport as Bilingual,
  alien_id_card: ID_NUMBER_LABELS.alien_id as Bilingual,
  work_permit: ID_NUMBER_LABELS.work_permit as Bilingual,
  driving_licence: { th: 'เลขที่ใบอนุญาตขับรถ', en: 'Driving licence number' },
  bank_book: { th: 'เลขที่บัญชี', en: 'Account number' },
  atm_card: { th: 'เลขที่บัตร', en: 'Card number' },
  credit_card: { th: 'เลขที่บัตร', en: 'Card number' },
  licence_plate: { th: 'เลขทะเบียนรถ', en: 'Plate number' },
  vehicle_registration_book: { th: 'เลขทะเบียนรถ', en: 'Registration number' },
  land_title_deed: { th: 'เลขที่โฉนด', en: 'Title deed number' },
}

function documentNumberLabel(code: string, type: { nameTh: string; nameEn: string }): Bilingual {
  return DOCUMENT_NUMBER_LABELS[code] ?? { th: `เลขที่${type.nameTh}`, en: `${type.nameEn} number` }
}

const same = (v: string): Bilingual => ({ th: v, en: v })
const both = (f: (lang: Language) => string): Bilingual => ({ th: f('th'), en: f('en') })
const HIDDEN = same('••••••')

/** The field that reveals the number of the report's item at `position` (1-based, as the citizen listed them). */
export const documentField = (position: number) => `document_${position}`

/**
 * What an officer sees and may reveal on a lost-document case: every field the citizen gave, personal ones masked
 * (declarant's name, date of birth, ID number, phone, address, story, the documents' numbers) and revealed one by one
 * through POST /api/admin/cases/:id/reveal (audited with a reason). Values are decrypted only for that route; the
 * case detail carries masks (the last digits kept for that purpose) and the field names.
 */
export function createLostDocumentPiiProvider({
  cipher,
  pdfUrl,
}: {
  cipher: Pick<PiiCipher, 'decrypt'>
  /** The issued record's signed PDF link (records.pdfUrl). */
  pdfUrl: (caseId: string, lang: Language, now?: Date) => string
}): PiiProvider {
  async function report(tx: Tx, caseId: string) {
    const [row] = await tx.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, caseId)).limit(1)
    return row
  }

  async function items(tx: Tx, caseId: string) {
    return tx
      .select({
        position: lostDocumentItems.position,
        code: lostDocumentItems.documentType,
        nameTh: documentTypes.nameTh,
        nameEn: documentTypes.nameEn,
        numberEnc: lostDocumentItems.numberEnc,
        numberLast: lostDocumentItems.numberLast,
        issuer: lostDocumentItems.issuer,
      })
      .from(lostDocumentItems)
      .innerJoin(documentTypes, eq(documentTypes.code, lostDocumentItems.documentType))
      .where(eq(lostDocumentItems.caseId, caseId))
      .orderBy(asc(lostDocumentItems.position))
  }

  async function documentNumbers(tx: Tx, caseId: string): Promise<string | null> {
    const lines = (await items(tx, caseId)).flatMap((r, i) =>
      r.numberEnc
        ? [`${i + 1}. ${r.nameTh} (${documentNumberLabel(r.code, r).th}): ${cipher.decrypt(r.numberEnc)}`]
        : [],
    )
    return lines.length > 0 ? lines.join('\n') : null
  }

  async function sections(tx: Tx, c: Case): Promise<CaseSection[]> {
    const row = await report(tx, c.id)
    if (!row) {
      return []
    }
    const live = withPersonalData(row)
    const declarant: CaseFact[] = live
      ? [
          {
            label: { th: 'ชื่อ-นามสกุล', en: 'Name' },
            value: same(maskName(live.declarantName) ?? '—'),
            field: 'declarantName',
          },
          { label: { th: 'วันเกิด', en: 'Date of birth' }, value: HIDDEN, field: 'dateOfBirth' },
          { label: { th: 'ประเภทบัตร', en: 'ID type' }, value: ID_TYPE_LABELS[live.idType] ?? same(live.idType) },
          {
            label: ID_NUMBER_LABELS[live.idType] ?? { th: 'เลขบัตร', en: 'ID number' },
            value: same(maskIdNumber(live.idType, live.idNumberLast)),
            field: 'nationalId',
          },
          { label: { th: 'โทรศัพท์', en: 'Phone' }, value: same(maskMobile(live.phoneLast)), field: 'phone' },
          {
            label: { th: 'ที่อยู่ที่ติดต่อได้', en: 'Contact address' },
            value: same(`•••••• ${live.address.province ?? ''}`.trim()),
            field: 'address',
          },
        ]
      : [
          {
            label: { th: 'ข้อมูลผู้แจ้ง', en: 'Declarant' },
            value: { th: 'ลบแล้ว (ครบระยะเวลาเก็บหรือตามคำขอ)', en: 'Removed (retention or erasure request)' },
          },
        ]
    const loss: CaseFact[] = [
      { label: { th: 'วันเวลาที่หาย', en: 'When' }, value: both((l) => formatWhen(l, row.lostFrom, row.lostTo)) },
      { label: { th: 'สถานที่', en: 'Where' }, value: row.placeText ? same(row.placeText) : null },
      ...(row.circumstancesEnc || row.circumstances
        ? [
            {
              label: { th: 'เหตุการณ์', en: 'What happened' },
              value: HIDDEN,
              field: 'circumstances',
            },
          ]
        : []),
      { label: { th: 'ยืนยันข้อความเมื่อ', en: 'Declared at' }, value: both((l) => formatDateTime(l, row.declaredAt)) },
      {
        label: { th: 'ช่องทาง', en: 'Channel' },
        value: row.channel === 'liff' ? { th: 'แบบฟอร์ม LIFF', en: 'LIFF form' } : { th: 'แชต', en: 'Chat' },
      },
    ]
    // Counted for people from 1: stored positions start at 0 (report-write.ts), the reveal field keeps its position.
    const documents = (await items(tx, c.id)).map(
      (it, i): CaseSection => ({
        id: documentField(it.position),
        title: { th: `เอกสารที่หาย ${i + 1}: ${it.nameTh}`, en: `Lost document ${i + 1}: ${it.nameEn}` },
        facts: [
          { label: { th: 'ประเภท', en: 'Type' }, value: { th: it.nameTh, en: it.nameEn } },
          ...(it.numberEnc
            ? [
                {
                  label: documentNumberLabel(it.code, it),
                  value: same(it.code === 'thai_id_card' ? maskThaiId(it.numberLast ?? '') : maskNumber(it.numberLast)),
                  field: documentField(it.position),
                },
              ]
            : []),
          ...(it.issuer ? [{ label: { th: 'ผู้ออกเอกสาร', en: 'Issuer' }, value: same(it.issuer) }] : []),
        ],
      }),
    )
    return [
      { id: 'declarant', title: { th: 'ข้อมูลผู้แจ้ง', en: "Declarant's details" }, facts: declarant },
      { id: 'loss', title: { th: 'การสูญหาย', en: 'The loss' }, facts: loss },
      ...documents,
    ]
  }

  async function links(tx: Tx, c: Case): Promise<CaseLink[]> {
    const row = await report(tx, c.id)
    if (!row?.issuedAt || row.revokedAt || !row.verifyTokenHash) {
      return []
    }
    // Relative: the link works wherever the officers' page is opened.
    const relative = (url: string) => {
      const u = new URL(url)
      return `${u.pathname}${u.search}`
    }
    return [
      {
        id: 'pdf_th',
        label: { th: 'บันทึกแจ้งเอกสารหาย (PDF ภาษาไทย)', en: 'Record (PDF, Thai)' },
        href: relative(pdfUrl(c.id, 'th')),
      },
      {
        id: 'pdf_en',
        label: { th: 'บันทึกแจ้งเอกสารหาย (PDF ภาษาอังกฤษ)', en: 'Record (PDF, English)' },
        href: relative(pdfUrl(c.id, 'en')),
      },
    ]
  }

  return {
    kinds: ['lost_document'],
    async fields(tx, c) {
      const row = withPersonalData(await report(tx, c.id))
      if (!row?.idNumberEnc) {
        return [] // no report, or its personal data was purged
      }
      const list = await items(tx, c.id)
      const numbered = list.filter((i) => i.numberEnc !== null).map((i) => documentField(i.position))
      return [
        'declarantName',
        'dateOfBirth',
        'nationalId',
        'phone',
        'address',
        'circumstances',
        ...(numbered.length > 0 ? ['documentNumbers', ...numbered] : []),
      ]
    },
    async reveal(tx, c, field) {
      if (field === 'documentNumbers') {
        return documentNumbers(tx, c.id)
      }
      const position = /^document_(\d{1,3})$/.exec(field)?.[1]
      if (position) {
        const item = (await items(tx, c.id)).find((i) => i.position === Number(position))
        return item?.numberEnc ? cipher.decrypt(item.numberEnc) : null
      }
      const row = await report(tx, c.id)
      if (!row) {
        return null
      }
      switch (field) {
        case 'nationalId':
          return row.idNumberEnc ? cipher.decrypt(row.idNumberEnc) : null
        case 'phone':
          return row.phoneEnc ? cipher.decrypt(row.phoneEnc) : null
        case 'circumstances':
          return circumstancesOf(cipher, row)
        case 'declarantName':
          return row.declarantName
        case 'dateOfBirth':
          return row.dateOfBirth ? `${formatDay('th', row.dateOfBirth)} (${formatDay('en', row.dateOfBirth)})` : null
        case 'address':
          return row.address ? formatAddress('th', row.address) : null
        default:
          return null
      }
    },
    sections,
    links,
  }
}

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { LoadedRecord } from '../../../../bot/lost-documents/record/load.js'
import { renderRecordPdf } from '../../../../bot/lost-documents/record/pdf.js'
import { S137_TH } from '../../../../bot/lost-documents/record/record-text.js'

const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm')
const FULL_ID = '1234567890121'
const issuedAt = new Date('2026-11-26T07:05:00Z')
const verifyUrl = 'https://oa.example/verify/sjGA4t7XmJSeBIKYbkwggA'

/** A record as loadRecord returns it (only the fields the PDF reads matter; the rest are realistic). */
function sampleRecord(officer: LoadedRecord['officer'], circumstances = 'ลืมกระเป๋าสตางค์ไว้ที่ร้านค้าในตลาด'): LoadedRecord {
  return {
    case: { id: '3b1f0c2e-8d4a-4c6e-9f00-1234567890ab', referenceNumber: 'RYG-2569-000123', status: 'issued' },
    station: {
      nameTh: 'สถานีตำรวจภูธรเมืองระยอง',
      nameEn: 'Rayong City Police Station',
      addressTh: 'ถนนสุขุมวิท ตำบลท่าประดู่ อำเภอเมืองระยอง จังหวัดระยอง 21000',
      addressEn: 'Sukhumvit Road, Tha Pradu, Mueang Rayong District, Rayong 21000',
      phone: '038-611-111',
    },
    report: {
      declarantName: 'นางสาวผู้ใหญ่ ที่เจ้าหน้าที่',
      idType: 'thai_id',
      idNumberEnc: `v1.not-decrypted-${FULL_ID}`,
      idNumberLast: FULL_ID.slice(-4),
      dateOfBirth: '1990-01-05',
      address: { houseNo: '12/3', road: 'สุขุมวิท', subdistrict: 'ท่าประดู่', district: 'เมืองระยอง', province: 'ระยอง' },
      lostFrom: new Date('2026-11-25T02:00:00Z'),
      lostTo: null,
      placeText: 'ตลาดเทศบาลนครระยอง',
      circumstances,
      declaredAt: new Date('2026-11-26T06:58:00Z'),
      issuedAt,
      verifyTokenHash: 'x',
    },
    items: [
      {
        position: 1,
        documentType: 'thai_id_card',
        nameTh: 'บัตรประจำตัวประชาชน',
        nameEn: 'Thai national ID card',
        numberLast: '0121',
        issuer: null,
      },
      {
        position: 2,
        documentType: 'atm_card',
        nameTh: 'บัตรเอทีเอ็ม / บัตรเดบิต',
        nameEn: 'ATM / debit card',
        numberLast: '9012',
        issuer: 'ธนาคารกรุงเทพ',
      },
    ],
    officer,
  } as unknown as LoadedRecord
}

describe.skipIf(!hasPoppler)('record PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'record-pdf-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  async function textOf(record: LoadedRecord, lang: 'th' | 'en', name: string) {
    const file = join(dir, `${name}.pdf`)
    writeFileSync(file, await renderRecordPdf(record, { lang, verifyUrl }))
    return { file, text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8') }
  }

  it('carries the number, BE date, station, masked ID, s.137 and verify URL; never the full ID (happy)', async () => {
    const { text } = await textOf(sampleRecord(null), 'th', 'system')
    expect(text).toContain('RYG-2569-000123')
    expect(text).toContain('26 พฤศจิกายน 2569 เวลา 14:05 น.')
    // Extracted whole: SARA AM would otherwise come out as "ตำารวจ" (see bot/pdf/layout.ts, ActualText).
    expect(text).toContain('สถานีตำรวจภูธรเมืองระยอง')
    expect(text).toContain('x-xxxx-xxxxx-12-1')
    expect(text).toContain('5 มกราคม 2533')
    expect(text.replace(/\s+/g, ' ')).toContain(S137_TH.slice(-60))
    expect(text).toContain('ปรับไม่เกินหนึ่งหมื่นบาท')
    expect(text).toContain('section 137')
    expect(text).toContain(verifyUrl)
    expect(text).toContain('ออกโดยระบบอิเล็กทรอนิกส์')
    expect(text).toContain('xxxxx9012')
    expect(text).not.toContain(FULL_ID)
    expect(text).not.toContain('v1.not-decrypted')
  })

  it("prints the issuing officer's name and role, English first with lang=en", async () => {
    const officer = { id: 'o1', displayName: 'Somchai', fullName: 'ร.ต.อ. สมชาย ใจดี', role: 'duty_officer' as const }
    const { text } = await textOf(sampleRecord(officer), 'en', 'officer')
    expect(text).toContain('ร.ต.อ. สมชาย ใจดี')
    expect(text).toContain('เจ้าหน้าที่เวร / Duty officer')
    expect(text).toContain('26 November 2026 (B.E. 2569), 14:05')
    expect(text.indexOf('Lost Document Report')).toBeLessThan(text.indexOf('บันทึกการแจ้งเอกสารหาย'))
  })

  it.skipIf(!existsSync('/usr/bin/zbarimg'))('has a QR code that scans to the verification URL', async () => {
    const { file } = await textOf(sampleRecord(null), 'th', 'qr')
    const png = join(dir, 'qr')
    expect(spawnSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', file, png]).status).toBe(0)
    const scan = spawnSync('zbarimg', ['-q', '--raw', `${png}.png`])
    expect(scan.stdout.toString().trim()).toBe(verifyUrl)
  })

  it('renders every page (pdftoppm exit 0), a long statement flowing onto a second page', async () => {
    const long = 'ข้าพเจ้าวางกระเป๋าสตางค์ไว้ที่ร้านค้า เมื่อกลับมาไม่พบ '.repeat(60)
    const { file, text } = await textOf(sampleRecord(null, long), 'th', 'long')
    const out = spawnSync('pdftoppm', ['-r', '40', '-png', file, join(dir, 'page')])
    expect(out.status, out.stderr.toString()).toBe(0)
    expect(readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png')).length).toBe(2)
    expect(text).toContain('RYG-2569-000123 · 2/2')
  })

  it('prints an address given in English the English way in both languages, no Thai label glued to it', async () => {
    const record = sampleRecord(null, 'I lost my wallet on the bus')
    record.report.declarantName = 'Malee Srisuk'
    record.report.address = {
      houseNo: '99',
      moo: '4',
      road: 'Sukhumvit',
      subdistrict: 'Noen Phra',
      district: 'Mueang Rayong',
      province: 'Rayong',
      postcode: '21150',
    }
    for (const lang of ['en', 'th'] as const) {
      const { text } = await textOf(record, lang, `english-address-${lang}`)
      // The longer English line may wrap in the PDF's address box.
      expect(text.replace(/\s+/g, ' ')).toContain(
        '99, Moo 4, Sukhumvit Road, Noen Phra Subdistrict, Mueang Rayong District, Rayong, 21150',
      )
      expect(text).not.toMatch(/(ตำบล|อำเภอ|จังหวัด|ถนน|หมู่ )\s?[A-Za-z]/)
    }
  })
})

import { CONSENT_VERSION, type ReportDraft } from '../../../bot/contracts/lost-documents/draft.js'
import { bangkokLocalDateTime } from '../../../bot/contracts/lost-documents/rules.js'

/** A valid Thai national ID (mod-11 check digit 1), from thai-conventions.md's worked example. */
export const THAI_ID = '1234567890121'

/** Bangkok wall-clock time `days` ago, the way the form and LINE's picker send it. */
export function daysAgo(days: number, now = new Date()): string {
  return bangkokLocalDateTime(new Date(now.getTime() - days * 24 * 60 * 60 * 1000))
}

/** A complete, valid report; tests change one thing at a time. */
export function validDraft(overrides: Partial<ReportDraft> = {}): ReportDraft {
  return {
    declarantName: 'สมชาย ใจดี',
    idType: 'thai_id',
    idNumber: '1-2345-67890-12-1',
    useLastId: false,
    dateOfBirth: '1987-05-12',
    phone: '081-234-5678',
    address: {
      houseNo: '12/3',
      village: '',
      moo: '4',
      soi: '',
      road: 'สุขุมวิท',
      subdistrict: 'เชิงเนิน',
      district: 'เมืองระยอง',
      province: 'ระยอง',
      postcode: '21000',
    },
    items: [{ documentType: 'thai_id_card', number: THAI_ID, issuer: null }],
    lostFrom: daysAgo(2),
    lostTo: null,
    placeText: 'ตลาดเทศบาลนครระยอง',
    location: null,
    circumstances: 'กระเป๋าสตางค์ตกหายระหว่างเดินตลาดตอนเช้า',
    declaration: true,
    consent: true,
    consentVersion: CONSENT_VERSION,
    ...overrides,
  }
}

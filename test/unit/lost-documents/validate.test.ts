import { describe, expect, it } from 'vitest'
import { CONSENT_VERSION, ID_TYPES } from '../../../bot/contracts/lost-documents/draft.js'
import { ISSUE_MESSAGES } from '../../../bot/contracts/lost-documents/messages.js'
import { validateReport } from '../../../bot/contracts/lost-documents/report.js'
import { ID_TYPES as SCHEMA_ID_TYPES } from '../../../db/schema/lost-documents.js'
import { daysAgo, validDraft } from './fixtures.js'

const ctx = { now: new Date(), documentTypes: ['thai_id_card', 'bank_book', 'other'], hasPreviousId: false }
const fields = (d = validDraft()) => validateReport(d, ctx).issues.map((i) => i.field)

describe('validateReport (shared by the server, the chat and the LIFF form)', () => {
  it('a valid report normalises: trimmed text, compact ID, 0XXXXXXXXX phone, Bangkok times as instants', () => {
    const { issues, report } = validateReport(
      validDraft({ declarantName: '  สมชาย   ใจดี ', phone: '+66 81 234 5678', lostFrom: '2026-11-20T09:30' }),
      { ...ctx, now: new Date('2026-11-26T00:00:00Z') },
    )
    expect(issues).toEqual([])
    expect(report).toMatchObject({ declarantName: 'สมชาย ใจดี', idNumber: '1234567890121', phone: '0812345678' })
    expect(report?.lostFrom.toISOString()).toBe('2026-11-20T02:30:00.000Z')
    expect(report?.address).toEqual({
      houseNo: '12/3',
      moo: '4',
      road: 'สุขุมวิท',
      subdistrict: 'เชิงเนิน',
      district: 'เมืองระยอง',
      province: 'ระยอง',
      postcode: '21000',
    })
    expect(report?.items).toEqual([{ documentType: 'thai_id_card', number: '1234567890121', issuer: null }])
  })

  it.each([
    ['declarantName', { declarantName: 'ก' }],
    // Issue #8: a first name alone is not ชื่อ-นามสกุล (the LIFF form and the API, as in the chat).
    ['declarantName', { declarantName: 'สมชาย' }],
    ['declarantName', { declarantName: 'นายสมชาย' }],
    ['idType', { idType: 'driver' }],
    ['idNumber', { idNumber: '1234567890122' }],
    ['idNumber', { idType: 'passport', idNumber: 'x!' }],
    ['idNumber', { useLastId: true, idNumber: null }],
    ['dateOfBirth', { dateOfBirth: '12/05/2530' }],
    ['dateOfBirth', { dateOfBirth: '1899-12-31' }],
    ['phone', { phone: '038611111' }],
    ['address.houseNo', { address: { ...validDraft().address, houseNo: '' } }],
    ['address.postcode', { address: { ...validDraft().address, postcode: '2100' } }],
    ['items', { items: [] }],
    ['items', { items: Array.from({ length: 11 }, () => ({ documentType: 'other' })) }],
    ['items.0.documentType', { items: [{ documentType: 'passport_of_mars' }] }],
    ['lostFrom', { lostFrom: '' }],
    ['lostFrom', { lostFrom: daysAgo(-1) }],
    ['lostFrom', { lostFrom: daysAgo(4000) }],
    ['lostTo', { lostFrom: daysAgo(2), lostTo: daysAgo(3) }],
    ['lostTo', { lostTo: 'tomorrow' }],
    ['placeText', { placeText: '  ' }],
    ['circumstances', { circumstances: 'หาย' }],
    ['declaration', { declaration: false }],
    ['consent', { consent: false }],
    ['consent', { consentVersion: 'lost-doc-2020-01' }],
  ] as const)('%s: %j', (field, change) => {
    expect(fields(validDraft(change as never))).toEqual([field])
  })

  it('an earlier report lets "use the same ID" through without a number', () => {
    const { issues, report } = validateReport(validDraft({ useLastId: true, idNumber: null }), {
      ...ctx,
      hasPreviousId: true,
    })
    expect(issues).toEqual([])
    expect(report?.idNumber).toBeNull()
  })

  it('before the types are loaded (null) any code passes the type check', () => {
    expect(
      validateReport(validDraft({ items: [{ documentType: 'x' }] }), { ...ctx, documentTypes: null }).issues,
    ).toEqual([])
  })

  it('every message names its field in Thai and English', () => {
    for (const [code, [th, en]] of Object.entries(ISSUE_MESSAGES)) {
      expect(th, code).toMatch(/[\u0E00-\u0E7F]/)
      expect(en, code).not.toMatch(/[\u0E00-\u0E7F]/)
    }
  })

  it('keeps its ID types and consent version in step with the schema', () => {
    expect([...ID_TYPES]).toEqual([...SCHEMA_ID_TYPES])
    expect(CONSENT_VERSION).toMatch(/^lost-doc-\d{4}-\d{2}$/)
  })
})

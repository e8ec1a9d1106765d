import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { ReportDraft } from '../../../bot/contracts/lost-documents/draft.js'
import { cases, lostDocumentReports } from '../../../db/schema/index.js'
import { daysAgo, validDraft } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// POST /api/liff/lost-documents: every validation error by field, in Thai and English, and nothing stored.
const s = lostDocumentStack({ worker: false })
const { call, tokenFor } = s
const item = (documentType = 'thai_id_card') => ({ documentType, number: null, issuer: null })

const cases_: [string, Partial<ReportDraft>, string][] = [
  ['a Thai ID with a wrong check digit', { idNumber: '1234567890122' }, 'idNumber'],
  ['a Thai ID of 12 digits', { idNumber: '123456789012' }, 'idNumber'],
  ['a passport number with symbols', { idType: 'passport', idNumber: 'AB#12' }, 'idNumber'],
  ['a landline instead of a mobile', { phone: '038-611-111' }, 'phone'],
  ['a phone of 9 digits', { phone: '081234567' }, 'phone'],
  ['a postcode of 4 digits', { address: { ...validDraft().address, postcode: '2100' } }, 'address.postcode'],
  ['no subdistrict', { address: { ...validDraft().address, subdistrict: ' ' } }, 'address.subdistrict'],
  ['no items', { items: [] }, 'items'],
  ['11 items', { items: Array.from({ length: 11 }, () => item()) }, 'items'],
  ['an unknown document type', { items: [item('spaceship_licence')] }, 'items.0.documentType'],
  ['a lost date in the future', { lostFrom: daysAgo(-2) }, 'lostFrom'],
  ['a range ending before it starts', { lostFrom: daysAgo(2), lostTo: daysAgo(3) }, 'lostTo'],
  ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
  ['the 31st of February', { dateOfBirth: '1990-02-31' }, 'dateOfBirth'],
  ['no s.137 declaration', { declaration: false }, 'declaration'],
  ['no PDPA consent', { consent: false }, 'consent'],
  ['an old consent version', { consentVersion: 'lost-doc-2020-01' }, 'consent'],
  ['"use the same ID" without an earlier report', { useLastId: true, idNumber: null }, 'idNumber'],
  ['a map pin off the planet', { location: { latitude: 123, longitude: 500 } }, 'location'],
]

describe('POST /api/liff/lost-documents: each validation error', () => {
  it.each(cases_)('%s → 400 naming the field in Thai and English, nothing stored', async (_name, change, field) => {
    const token = tokenFor()
    const res = await call('/api/liff/lost-documents', { method: 'POST', token, body: validDraft(change) })
    expect(res.status, res.text).toBe(400)
    const body = res.json()
    expect(body.error.code).toBe('validation_failed')
    const detail = body.error.details.find((d: { field: string }) => d.field === field)
    expect(detail, res.text).toBeDefined()
    expect(detail.messageTh).toMatch(/[\u0E00-\u0E7F]/)
    expect(detail.messageEn).toMatch(/[a-z]/)
    expect(detail.messageEn).not.toMatch(/[\u0E00-\u0E7F]/)
    expect(body.error.details).toHaveLength(1)
    expect(await s.db.db.$count(lostDocumentReports)).toBe(0)
    expect(await s.db.db.$count(cases)).toBe(0)
  })

  it('a body of the wrong types reports every field at once', async () => {
    const res = await call('/api/liff/lost-documents', {
      method: 'POST',
      token: tokenFor(),
      body: { declarantName: 42, items: 'passport', phone: null, location: 'here' },
    })
    expect(res.status, res.text).toBe(400)
    const fields = res.json().error.details.map((d: { field: string }) => d.field)
    expect(fields).toEqual(
      expect.arrayContaining([
        'declarantName',
        'idType',
        'phone',
        'items',
        'lostFrom',
        'declaration',
        'consent',
        'location',
      ]),
    )
  })

  it('accepts +66, Thai digits and dashes, and normalises them', async () => {
    const token = tokenFor()
    const res = await call('/api/liff/lost-documents', {
      method: 'POST',
      token,
      body: validDraft({ phone: '+66 81-234-5678', idNumber: '๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑' }),
    })
    expect(res.status, res.text).toBe(201)
    const [row] = await s.db.db
      .select()
      .from(lostDocumentReports)
      .where(eq(lostDocumentReports.caseId, res.json().report.id))
    expect(row?.phoneLast).toBe('5678')
    expect(row?.idNumberLast).toBe('0121')
    expect(s.deps.cipher.decrypt(row?.phoneEnc ?? '')).toBe('0812345678')
    expect(s.deps.cipher.decrypt(row?.idNumberEnc ?? '')).toBe('1234567890121')
  })

  it('without a LINE ID token → 401', async () => {
    const res = await call('/api/liff/lost-documents', { method: 'POST', body: validDraft() })
    expect(res.status).toBe(401)
  })
})

describe('GET /api/liff/lost-documents/form', () => {
  it('active types in order, the consent version and texts; no pre-fill the first time', async () => {
    const res = await call('/api/liff/lost-documents/form', { token: tokenFor() })
    expect(res.status, res.text).toBe(200)
    const form = res.json()
    expect(form.documentTypes[0].code).toBe('thai_id_card')
    expect(form.documentTypes.at(-1).code).toBe('other')
    expect(form.consentVersion).toBe('lost-doc-2026-11')
    expect(form.texts.s137.th).toContain('มาตรา 137')
    expect(form.prefill).toBeNull()
  })

  it('pre-fills from the last report, the ID number only masked', async () => {
    const token = tokenFor('ประยุทธ์ ทดสอบ')
    await call('/api/liff/lost-documents', {
      method: 'POST',
      token,
      body: validDraft({ declarantName: 'ประยุทธ์ ทดสอบ' }),
    })
    const res = await call('/api/liff/lost-documents/form', { token })
    const { prefill } = res.json()
    expect(prefill).toMatchObject({
      declarantName: 'ประยุทธ์ ทดสอบ',
      idType: 'thai_id',
      idMasked: 'x-xxxx-xxxxx-12-1',
      dateOfBirth: '1987-05-12',
      phone: '0812345678',
    })
    expect(res.text).not.toContain('1234567890121')
    expect(res.text).not.toContain('2345-67890')
  })
})

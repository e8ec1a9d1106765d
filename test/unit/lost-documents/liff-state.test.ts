import { describe, expect, it } from 'vitest'
import { validateReport } from '../../../bot/contracts/lost-documents/report.js'
import { check, initialState, toDraft } from '../../../liff/src/pages/lost-document/state.js'
import type { FormInfo } from '../../../liff/src/pages/lost-document/types.js'

const info: FormInfo = {
  documentTypes: [
    {
      code: 'thai_id_card',
      nameTh: 'บัตร',
      nameEn: 'ID',
      policy: 'issue_now',
      reasonTh: null,
      reasonEn: null,
      hasNumber: true,
      issuers: [],
    },
  ],
  consentVersion: 'lost-doc-2026-11',
  texts: { s137: { th: 'ก', en: 'a' }, declaration: { th: 'ก', en: 'a' }, consent: { th: 'ก', en: 'a' } },
  prefill: null,
}

describe('the LIFF form state (liff/src/pages/lost-document/state.ts)', () => {
  const now = new Date('2026-11-26T07:00:00Z') // 14:00 in Bangkok

  it('a day without a time is the whole day, up to now when the day is today', () => {
    const s = { ...initialState(info), lostDate: { d: '20', m: '11', y: '2026' } }
    expect(toDraft(s, info, now)).toMatchObject({ lostFrom: '2026-11-20T00:00', lostTo: '2026-11-20T23:59' })
    const today = { ...s, lostDate: { d: '26', m: '11', y: '2026' } }
    expect(toDraft(today, info, now)).toMatchObject({ lostFrom: '2026-11-26T00:00', lostTo: '2026-11-26T14:00' })
    const timed = { ...s, lostTime: '09:30' }
    expect(toDraft(timed, info, now)).toMatchObject({ lostFrom: '2026-11-20T09:30', lostTo: null })
    const range = { ...s, range: true, toDate: { d: '22', m: '11', y: '2026' }, toTime: '' }
    expect(toDraft(range, info, now)).toMatchObject({ lostFrom: '2026-11-20T00:00', lostTo: '2026-11-22T23:59' })
  })

  it("the form checks with the server's own rules: the same issues for the same draft", () => {
    const s = {
      ...initialState(info),
      declarantName: 'ก',
      phone: '123',
      address: { ...initialState(info).address, postcode: '1' },
    }
    const server = validateReport(toDraft(s, info), {
      now: new Date(),
      documentTypes: ['thai_id_card'],
      hasPreviousId: false,
    })
    expect(check(s, info)).toEqual(server.issues)
    expect(check(s, info).map((i) => i.field)).toEqual(
      expect.arrayContaining(['declarantName', 'phone', 'address.postcode', 'items.0.documentType']),
    )
  })

  it('pre-fill: "use the same ID" on, the number never in the state', () => {
    const prefilled = initialState({
      ...info,
      prefill: {
        declarantName: 'สมชาย',
        idType: 'thai_id',
        idMasked: 'x-xxxx-xxxxx-12-1',
        dateOfBirth: '1987-05-12',
        phone: '0812345678',
        address: { houseNo: '1' },
      },
    })
    expect(prefilled).toMatchObject({ useLastId: true, idNumber: '', dob: { d: '12', m: '5', y: '1987' } })
    expect(toDraft(prefilled, info)).toMatchObject({ useLastId: true, idNumber: null, dateOfBirth: '1987-05-12' })
  })
})

import { describe, expect, it } from 'vitest'
import { formatAddress, recordDate, recordDateTime } from '../../../../bot/lost-documents/record/format.js'

describe('record formats', () => {
  it('writes instants in the Buddhist Era, Bangkok time (happy)', () => {
    const at = new Date('2026-11-26T07:05:00Z')
    expect(recordDateTime('th', at)).toBe('26 พฤศจิกายน 2569 เวลา 14:05 น.')
    expect(recordDateTime('en', at)).toBe('26 November 2026 (B.E. 2569), 14:05')
    // 23:30 UTC on 31 Dec is already 1 January in Bangkok, and the BE year turns with it.
    expect(recordDateTime('th', new Date('2026-12-31T17:30:00Z'), false)).toBe('1 มกราคม 2570')
  })

  it('never shifts a calendar date by a time zone', () => {
    expect(recordDate('th', '1990-01-05')).toBe('5 มกราคม 2533')
    expect(recordDate('en', '1990-01-05')).toBe('5 January 1990 (B.E. 2533)')
  })

  it('writes Thai addresses in postal order, Bangkok with แขวง/เขต', () => {
    expect(
      formatAddress({
        houseNo: '12/3',
        moo: '4',
        road: 'สุขุมวิท',
        subdistrict: 'ท่าประดู่',
        district: 'เมืองระยอง',
        province: 'ระยอง',
        postcode: '21000',
      }),
    ).toBe('เลขที่ 12/3 หมู่ 4 ถนนสุขุมวิท ตำบลท่าประดู่ อำเภอเมืองระยอง จังหวัดระยอง 21000')
    expect(
      formatAddress({
        houseNo: '99',
        soi: 'สุขุมวิท 11',
        subdistrict: 'คลองเตยเหนือ',
        district: 'วัฒนา',
        province: 'กรุงเทพมหานคร',
        postcode: '10110',
      }),
    ).toBe('เลขที่ 99 ซอยสุขุมวิท 11 แขวงคลองเตยเหนือ เขตวัฒนา กรุงเทพมหานคร 10110')
  })

  it('prints an address given in English the English way: no Thai label glued to an English name', () => {
    const english = {
      houseNo: '99',
      moo: '4',
      subdistrict: 'Noen Phra',
      district: 'Mueang Rayong',
      province: 'Rayong',
      postcode: '21150',
    }
    // Issue #8: English labels in the English order ("Noen Phra Subdistrict, Mueang Rayong District").
    expect(formatAddress(english)).toBe('99, Moo 4, Noen Phra Subdistrict, Mueang Rayong District, Rayong, 21150')
    // The English chat's Rayong button stored "ระยอง" before issue #8: still an English address, printed in English.
    const mixed = formatAddress({ ...english, province: 'ระยอง' })
    expect(mixed).toBe('99, Moo 4, Noen Phra Subdistrict, Mueang Rayong District, Rayong, 21150')
    expect(mixed).not.toMatch(/[ก-๙]/)
    // Another part typed in Thai: Thai labels only before Thai words.
    const thai = formatAddress({ ...english, district: 'เมืองระยอง' })
    expect(thai).toBe('เลขที่ 99 หมู่ 4 Noen Phra อำเภอเมืองระยอง Rayong 21150')
    expect(thai).not.toMatch(/[ก-๙][A-Za-z]/)
  })
})

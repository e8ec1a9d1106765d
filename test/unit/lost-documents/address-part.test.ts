import { describe, expect, it } from 'vitest'
import { addressPart, formatAddress } from '../../../bot/contracts/lost-documents/address-format.js'
import { formatAddress as recordAddress } from '../../../bot/lost-documents/record/format.js'

describe('address fields typed with their own label', () => {
  it('are not printed with the label twice', () => {
    expect(addressPart('soi', 'ซอยลับเฉพาะ 7')).toBe('ลับเฉพาะ 7')
    expect(addressPart('road', 'ถ.สุขุมวิท')).toBe('สุขุมวิท')
    expect(addressPart('soi', 'ซอย')).toBe('ซอย') // nothing left: keep what was typed
    const a = {
      houseNo: '12/3',
      soi: 'ซอยลับเฉพาะ 7',
      road: 'ถนนสุขุมวิท',
      subdistrict: 'ต.ท่าประดู่',
      province: 'จังหวัดระยอง',
    }
    expect(formatAddress('th', a)).toBe('12/3 ซ.ลับเฉพาะ 7 ถ.สุขุมวิท ต.ท่าประดู่ จ.ระยอง')
    expect(recordAddress(a)).toBe('เลขที่ 12/3 ซอยลับเฉพาะ 7 ถนนสุขุมวิท ตำบลท่าประดู่ จังหวัดระยอง')
  })
})

import { describe, expect, it } from 'vitest'
import { formatAddress } from '../../../bot/contracts/lost-documents/address-format.js'
import {
  asciiDigits,
  bangkokLocalDateTime,
  bangkokToday,
  compactIdNumber,
  formatThaiId,
  isDocumentIdNumber,
  isPostcode,
  isThaiNationalId,
  normaliseMobile,
  parseBangkokDateTime,
  parseTypedDate,
} from '../../../bot/contracts/lost-documents/rules.js'

describe('Thai national ID (mod-11)', () => {
  it.each([
    ['1234567890121', true], // the worked example: remainder 0 → check 1
    ['1-2345-67890-12-1', true],
    ['1 2345 67890 12 1', true],
    ['๑๒๓๔๕๖๗๘๙๐๑๒๑', true], // Thai digits from a Thai keyboard
    ['1234567890122', false],
    ['123456789012', false],
    ['12345678901210', false],
    ['123456789012a', false],
    ['', false],
  ])('%s → %s', (id, ok) => {
    expect(isThaiNationalId(id)).toBe(ok)
  })

  it('accepts exactly one check digit for each of 200 prefixes (every remainder, 0 → 1 and 1 → 0 included)', () => {
    for (let n = 100000000000; n < 100000000200; n++) {
      const twelve = String(n)
      const sum = [...twelve].reduce((acc, d, i) => acc + Number(d) * (13 - i), 0)
      const check = (11 - (sum % 11)) % 10
      expect(isThaiNationalId(`${twelve}${check}`)).toBe(true)
      expect(isThaiNationalId(`${twelve}${(check + 1) % 10}`)).toBe(false)
    }
  })

  it('formats and compacts', () => {
    expect(formatThaiId('1234567890121')).toBe('1-2345-67890-12-1')
    expect(compactIdNumber(' aa-123.456/7 ')).toBe('AA1234567')
    expect(asciiDigits('๐๙')).toBe('09')
  })
})

describe('other ID numbers', () => {
  it.each([
    ['AA1234567', true],
    ['aa 123 4567', true],
    ['WP-2024-001234', true],
    ['AB#12', false],
    ['12345', false],
  ])('%s → %s', (id, ok) => {
    expect(isDocumentIdNumber(id)).toBe(ok)
  })
})

describe('Thai mobile numbers', () => {
  it.each([
    ['0812345678', '0812345678'],
    ['081-234-5678', '0812345678'],
    ['+66 81 234 5678', '0812345678'],
    ['+66812345678', '0812345678'],
    ['0066812345678', '0812345678'],
    ['66812345678', '0812345678'],
    ['0612345678', '0612345678'],
    ['(092) 345-6789', '0923456789'],
    ['๐๘๑๒๓๔๕๖๗๘', '0812345678'],
    ['038611111', null], // a Rayong landline is not a mobile
    ['021234567', null],
    ['081234567', null],
    ['08123456789', null],
    ['0812345678x', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseMobile(input)).toBe(expected)
  })
})

describe('postcodes', () => {
  it('five digits', () => {
    expect(isPostcode('21000')).toBe(true)
    expect(isPostcode('๒๑๐๐๐')).toBe(true)
    expect(isPostcode('2100')).toBe(false)
    expect(isPostcode('210000')).toBe(false)
    expect(isPostcode('2100a')).toBe(false)
  })
})

describe('dates and times in Bangkok', () => {
  it('reads wall-clock time as UTC+7 and rejects impossible dates', () => {
    expect(parseBangkokDateTime('2026-11-26T14:05')?.toISOString()).toBe('2026-11-26T07:05:00.000Z')
    expect(parseBangkokDateTime('2026-01-01T00:30')?.toISOString()).toBe('2025-12-31T17:30:00.000Z')
    expect(parseBangkokDateTime('2026-11-26T14:05:00+07:00')?.toISOString()).toBe('2026-11-26T07:05:00.000Z')
    expect(parseBangkokDateTime('2026-02-30T10:00')).toBeNull()
    expect(parseBangkokDateTime('2026-11-26T24:00')).toBeNull()
    expect(parseBangkokDateTime('26/11/2026 14:05')).toBeNull()
  })

  it('today and now as Bangkok sees them', () => {
    const at = new Date('2026-12-31T17:30:00Z') // 00:30 on 1 January in Bangkok
    expect(bangkokToday(at)).toBe('2027-01-01')
    expect(bangkokLocalDateTime(at)).toBe('2027-01-01T00:30')
  })

  it('typed dates: Buddhist Era years as Thai forms write them', () => {
    expect(parseTypedDate('12/05/2530')).toBe('1987-05-12')
    expect(parseTypedDate('12-5-1987')).toBe('1987-05-12')
    expect(parseTypedDate('๑๒/๐๕/๒๕๓๐')).toBe('1987-05-12')
    expect(parseTypedDate('1987-05-12')).toBe('1987-05-12')
    expect(parseTypedDate('31/02/2530')).toBeNull()
    expect(parseTypedDate('yesterday')).toBeNull()
  })
})

describe('addresses', () => {
  const a = {
    houseNo: '12/3',
    moo: '4',
    road: 'สุขุมวิท',
    subdistrict: 'เชิงเนิน',
    district: 'เมืองระยอง',
    province: 'ระยอง',
    postcode: '21000',
  }
  it('one line in the Thai order, with the usual abbreviations', () => {
    expect(formatAddress('th', a)).toBe('12/3 หมู่ 4 ถ.สุขุมวิท ต.เชิงเนิน อ.เมืองระยอง จ.ระยอง 21000')
    // The labels are the address's own language, whoever reads it.
    expect(formatAddress('en', a)).toBe('12/3 หมู่ 4 ถ.สุขุมวิท ต.เชิงเนิน อ.เมืองระยอง จ.ระยอง 21000')
  })
  it('an address given in English is written the English way, never "ต.Noen Phra"', () => {
    const en = { houseNo: '99', moo: '4', road: 'Sukhumvit', subdistrict: 'Noen Phra', district: 'Mueang Rayong' }
    const line = 'Moo 4, Sukhumvit Road, Noen Phra Subdistrict, Mueang Rayong District, Rayong, 21150'
    expect(formatAddress('th', { ...en, province: 'Rayong', postcode: '21150' })).toBe(`99, ${line}`)
    expect(formatAddress('en', { ...en, soi: 'Soi 7', province: 'Rayong', postcode: '21150' })).toBe(
      '99, Moo 4, Soi 7, Sukhumvit Road, Noen Phra Subdistrict, Mueang Rayong District, Rayong, 21150',
    )
    // A label typed by the citizen is not doubled.
    expect(formatAddress('en', { ...en, subdistrict: 'Tambon Noen Phra', district: 'Mueang Rayong District' })).toBe(
      '99, Moo 4, Sukhumvit Road, Tambon Noen Phra, Mueang Rayong District',
    )
    // The Rayong button stored in Thai by an English chat before issue #8: still printed the English way.
    expect(formatAddress('en', { ...en, province: 'ระยอง' })).toBe(
      '99, Moo 4, Sukhumvit Road, Noen Phra Subdistrict, Mueang Rayong District, Rayong',
    )
    // Mixed (another part typed in Thai): Thai labels only in front of Thai words.
    expect(formatAddress('en', { ...en, district: 'เมืองระยอง' })).toBe('99 หมู่ 4 Sukhumvit Noen Phra อ.เมืองระยอง')
  })
})

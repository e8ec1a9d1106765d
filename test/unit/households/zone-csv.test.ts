import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { addressKey, keyPart, validateHousehold } from '../../../bot/contracts/households.js'
import { parseCsv, readZoneAddresses } from '../../../bot/households/import/csv.js'

const HEADER = 'house_no,moo,village,soi,road,tambon,municipality,amphoe,postcode,lat,lng'

describe('the address key', () => {
  it('reads prefixes, Thai digits, spaces and leading zeros the same way', () => {
    expect(keyPart('ซ. สุขุมวิท ๑๒')).toBe(keyPart('สุขุมวิท 12'))
    expect(keyPart('หมู่ที่ 04')).toBe('4')
    expect(keyPart('ต.ท่าประดู่')).toBe('ท่าประดู่')
    expect(addressKey({ houseNo: '๑๒/๓', moo: 'ม.4', soi: 'ซอยยมจินดา 2', subdistrict: 'ตำบลท่าประดู่' })).toBe(
      addressKey({ houseNo: '12/3', moo: '4', soi: 'ยมจินดา 2', subdistrict: 'ท่าประดู่' }),
    )
  })
  it('uses the road when there is no soi', () => {
    const a = addressKey({ houseNo: '1', road: 'ถนนสุขุมวิท', subdistrict: 'ปากน้ำ' })
    expect(a).toBe(addressKey({ houseNo: '1', road: 'ถ.สุขุมวิท', subdistrict: 'ปากน้ำ' }))
    expect(a).not.toBe(addressKey({ houseNo: '1', road: 'ถนนชุมพล', subdistrict: 'ปากน้ำ' }))
  })
})

describe('the zone address CSV', () => {
  it('parses quotes, commas and line breaks inside quotes, CRLF', () => {
    const rows = parseCsv('a,b\r\n"1, ก","x ""y"""\r\n"line\nbreak",2\n')
    expect(rows.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1, ก', 'x "y"'],
      ['line\nbreak', '2'],
    ])
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3])
  })

  it('the seed: 8,053 addresses of เทศบาลนครระยอง in four tambons, BOM tolerated, no problem', () => {
    const text = readFileSync(new URL('../../../bot/households/seed/rayong-city-zone.csv', import.meta.url), 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const { rows, problems } = readZoneAddresses(text)
    expect(problems).toEqual([])
    expect(rows).toHaveLength(8053)
    expect(new Set(rows.map((r) => r.subdistrict))).toEqual(new Set(['ท่าประดู่', 'เชิงเนิน', 'เนินพระ', 'ปากน้ำ']))
    expect(new Set(rows.map((r) => r.municipality))).toEqual(new Set(['เทศบาลนครระยอง']))
    expect(rows.every((r) => r.latitude !== null && r.latitude > 12.67 && r.latitude < 12.693)).toBe(true)
  })

  it('bad rows by line number (the header is line 1), Thai headers accepted', () => {
    const text = [
      'บ้านเลขที่,หมู่,ซอย,ถนน,ตำบล,เทศบาล,อำเภอ,รหัสไปรษณีย์,lat,lng',
      '12/3,4,ยมจินดา 2,ถนนยมจินดา,ท่าประดู่,เทศบาลนครระยอง,เมืองระยอง,21000,12.68,101.27',
      ',4,ยมจินดา 2,ถนนยมจินดา,ท่าประดู่,เทศบาลนครระยอง,เมืองระยอง,21000,,',
      '5,,,ถนนสุขุมวิท,,เทศบาลนครระยอง,เมืองระยอง,2100,abc,101.27',
      '๑๒/๓,ม.4,ซ.ยมจินดา 2,ถนนยมจินดา,ท่าประดู่,,,,,',
      '7,,,ถนนสุขุมวิท,ปากน้ำ,เทศบาลนครระยอง,เมืองระยอง,21000,,',
    ].join('\n')
    const { rows, problems } = readZoneAddresses(text)
    expect(rows.map((r) => r.houseNo)).toEqual(['12/3', '7'])
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5])
    expect(problems[1]?.problems.join(' ')).toMatch(/tambon.*postcode.*latitude/s)
    expect(problems[2]?.problems[0]).toContain('line 2')
  })

  it('a file without the required columns, or empty', () => {
    expect(readZoneAddresses('a,b\n1,2').problems[0]?.problems.join()).toContain('house_no')
    expect(readZoneAddresses('').problems[0]?.line).toBe(1)
    expect(readZoneAddresses(`${HEADER}\n`).problems[0]?.line).toBe(2)
  })
})

describe('the household form check', () => {
  const ok = {
    address: {
      houseNo: '12/3',
      soi: 'ยมจินดา 2',
      subdistrict: 'ท่าประดู่',
      district: 'เมืองระยอง',
      province: 'ระยอง',
      postcode: '21000',
    },
    location: { lat: 12.68, lng: 101.27 },
    members: 4,
    language: 'th',
    topics: ['crime_alert', 'general', 'nonsense'],
  }
  it('keeps known topics, trims the address', () => {
    const { issues, input } = validateHousehold(ok)
    expect(issues).toEqual([])
    expect(input?.topics).toEqual(['crime_alert', 'general'])
  })
  it('names every problem by field', () => {
    const { issues, input } = validateHousehold({ address: { houseNo: ' ' }, members: 0, topics: [] })
    expect(input).toBeUndefined()
    expect(issues.map((i) => i.field)).toEqual([
      'address.houseNo',
      'address.subdistrict',
      'address.district',
      'address.province',
      'address.postcode',
      'location',
      'members',
      'language',
      'topics',
    ])
  })
})

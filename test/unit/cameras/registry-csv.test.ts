import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../../bot/cameras/registry/csv.js'
import { readCameraCsv } from '../../../bot/cameras/registry/csv-rows.js'
import { SAMPLE_COUNTS, sampleCsv } from '../../../bot/cameras/seed/sample.js'

const HEADER =
  'code,name,owner_type,owner_name,latitude,longitude,direction_deg,fov_deg,range_m,covers,retention_days,live_view,status'

describe('parseCsv', () => {
  it('drops the BOM, reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF', () => {
    const { records } = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\r\n\r\nlast,row')
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['two\nlines', 'z'] },
      { line: 6, cells: ['last', 'row'] },
    ])
  })
})

describe('readCameraCsv', () => {
  it('takes Thai words for owner type, status and live view', () => {
    const csv = `${HEADER}\nX-1,หน้าร้าน,เอกชน,ร้านป้า,12.68,101.27,90,90,20,หน้าร้าน,7,ไม่,ขัดข้อง\nX-2,แยก,ตำรวจ,,12.68,101.27,,,,,30,ใช่,`
    const { rows, problems } = readCameraCsv(csv)
    expect(problems).toEqual([])
    expect(rows.map((r) => [r.code, r.ownerType, r.status, r.liveView, r.directionDeg])).toEqual([
      ['X-1', 'private', 'offline', false, 90],
      ['X-2', 'police', 'active', true, null],
    ])
  })

  it('reports each bad row by its line number with the reason', () => {
    const csv = [
      HEADER,
      'OK-1,ดี,police,,12.68,101.27,0,90,40,,30,yes,active',
      'BAD-1,ผิด,somebody,,12.68,101.27,0,90,40,,30,yes,active',
      'BAD-2,ผิด,agency,,north,101.27,0,90,40,,30,yes,active',
      '"OK-2","ชื่อ, มีจุลภาค",agency,,12.68,101.27,0,90,40,"ครอบคลุม\nสองบรรทัด",14,no,active',
      'BAD-3,ผิด,agency,,12.68,101.27,400,90,40,,30,yes,active',
      'OK-1,ซ้ำ,police,,12.68,101.27,0,90,40,,30,yes,active',
      ',ไม่มีรหัส,police,,12.68,101.27,0,90,40,,30,yes,active',
      'BAD-4,ผิด,private,,12.68,101.27,0,90,40,,30,maybe,active',
    ].join('\n')
    const { rows, problems } = readCameraCsv(csv)
    expect(rows.map((r) => r.code)).toEqual(['OK-1', 'OK-2'])
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'BAD-1'],
      [4, 'BAD-2'],
      [7, 'BAD-3'],
      [8, 'OK-1'],
      [9, null],
      [10, 'BAD-4'],
    ])
    expect(problems[0]?.reason).toMatch(/owner_type "somebody"/)
    expect(problems[1]?.reason).toMatch(/latitude/)
    expect(problems[2]?.reason).toMatch(/direction_deg/)
    expect(problems[3]?.reason).toMatch(/already on line 2/)
    expect(problems[4]?.reason).toMatch(/code is empty/)
    expect(problems[5]?.reason).toMatch(/live_view/)
    expect(problems.every((p) => p.reasonTh.length > 0)).toBe(true)
  })

  it('a file without a required column is one problem on line 1', () => {
    expect(readCameraCsv('code,name\nA,B').problems).toEqual([
      expect.objectContaining({ line: 1, reason: 'missing columns: owner_type, latitude, longitude' }),
    ])
  })
})

describe('the sample registry', () => {
  it('is the committed file, 416 good rows: 132 police, 86 agency, 198 private', () => {
    const file = readFileSync(new URL('../../../bot/cameras/seed/rayong-cameras.csv', import.meta.url), 'utf8')
    expect(file).toBe(sampleCsv())
    const { rows, problems } = readCameraCsv(file)
    expect(problems).toEqual([])
    expect(rows).toHaveLength(416)
    for (const [type, n] of Object.entries(SAMPLE_COUNTS)) {
      expect(rows.filter((r) => r.ownerType === type)).toHaveLength(n)
    }
    // Inside the zone's box around Rayong City (12.68 N, 101.27 E).
    for (const r of rows) {
      expect(r.latitude).toBeGreaterThan(12.67)
      expect(r.latitude).toBeLessThan(12.693)
      expect(r.longitude).toBeGreaterThan(101.265)
      expect(r.longitude).toBeLessThan(101.287)
    }
  })
})

import { addressKey, type ImportProblem } from '../../contracts/households.js'

/** RFC 4180 fields of a CSV text: quoted fields may hold commas, quotes ("") and line breaks. Lines start at 1. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') {
        quoted = false
      } else {
        if (c === '\n') {
          line++
        }
        field += c
      }
      continue
    }
    if (c === '"' && field === '') {
      quoted = true
    } else if (c === ',') {
      fields.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++
      }
      fields.push(field)
      rows.push({ line: rowLine, fields })
      fields = []
      field = ''
      line++
      rowLine = line
    } else {
      field += c
    }
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field)
    rows.push({ line: rowLine, fields })
  }
  return rows.filter((r) => r.fields.some((f) => f.trim() !== ''))
}

/** The columns of the zone's address list, each with the headings accepted for it (English or Thai). */
const COLUMNS = {
  houseNo: ['house_no', 'houseno', 'house no', 'บ้านเลขที่', 'เลขที่'],
  moo: ['moo', 'หมู่', 'หมู่ที่'],
  village: ['village', 'หมู่บ้าน', 'หมู่บ้าน/อาคาร'],
  soi: ['soi', 'ซอย'],
  road: ['road', 'ถนน'],
  subdistrict: ['tambon', 'subdistrict', 'ตำบล', 'ตำบล/แขวง', 'แขวง'],
  municipality: ['municipality', 'เทศบาล'],
  district: ['amphoe', 'district', 'อำเภอ', 'อำเภอ/เขต', 'เขต'],
  postcode: ['postcode', 'รหัสไปรษณีย์'],
  latitude: ['lat', 'latitude', 'ละติจูด'],
  longitude: ['lng', 'lon', 'longitude', 'ลองจิจูด'],
} as const
type Column = keyof typeof COLUMNS

export type ZoneAddressRow = {
  key: string
  houseNo: string
  moo: string | null
  village: string | null
  soi: string | null
  road: string | null
  subdistrict: string
  municipality: string | null
  district: string | null
  latitude: number | null
  longitude: number | null
}

/** The list's rows, or every problem by line number (the header is line 1): a list with any problem saves nothing. */
export function readZoneAddresses(text: string): { rows: ZoneAddressRow[]; problems: ImportProblem[] } {
  const all = parseCsv(text.replace(/^\uFEFF/, ''))
  const [header, ...body] = all
  if (!header) {
    return { rows: [], problems: [{ line: 1, problems: ['the file is empty / ไฟล์ว่าง'] }] }
  }
  const heads = header.fields.map((h) => h.trim().toLowerCase())
  const index = {} as Record<Column, number>
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    index[col] = heads.findIndex((h) => names.includes(h))
  }
  const missing = (['houseNo', 'subdistrict'] as const).filter((c) => index[c] < 0)
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [
        {
          line: header.line,
          problems: missing.map((c) => `missing column ${COLUMNS[c][0]} / ไม่มีคอลัมน์ ${COLUMNS[c][3] ?? COLUMNS[c][1]}`),
        },
      ],
    }
  }
  const problems: ImportProblem[] = []
  const rows: ZoneAddressRow[] = []
  const seen = new Map<string, number>()
  for (const { line, fields } of body) {
    const get = (c: Column) => (index[c] >= 0 ? (fields[index[c]] ?? '').trim() : '')
    const opt = (c: Column) => get(c) || null
    const issues: string[] = []
    if (fields.length > heads.length) {
      issues.push(`${fields.length} fields, the header has ${heads.length} / จำนวนช่องมากกว่าหัวตาราง`)
    }
    const houseNo = get('houseNo')
    const subdistrict = get('subdistrict')
    if (!houseNo) {
      issues.push('house_no is empty / ไม่มีบ้านเลขที่')
    } else if (!/\d/.test(houseNo.replace(/[\u0E50-\u0E59]/g, '0'))) {
      issues.push(`house_no "${houseNo}" has no number / บ้านเลขที่ไม่มีตัวเลข`)
    }
    if (!subdistrict) {
      issues.push('tambon is empty / ไม่มีตำบล')
    }
    const postcode = get('postcode')
    if (postcode && !/^\d{5}$/.test(postcode)) {
      issues.push(`postcode "${postcode}" is not 5 digits / รหัสไปรษณีย์ไม่ครบ 5 หลัก`)
    }
    const coord = (c: 'latitude' | 'longitude', max: number) => {
      const v = get(c)
      if (!v) {
        return null
      }
      const n = Number(v)
      if (!Number.isFinite(n) || Math.abs(n) > max) {
        issues.push(`${c} "${v}" is not a coordinate / พิกัดไม่ถูกต้อง`)
        return null
      }
      return n
    }
    const latitude = coord('latitude', 90)
    const longitude = coord('longitude', 180)
    if ((latitude === null) !== (longitude === null) && issues.length === 0) {
      issues.push('lat and lng go together / ต้องมีทั้งละติจูดและลองจิจูด')
    }
    const row: ZoneAddressRow = {
      key: addressKey({ houseNo, moo: get('moo'), soi: get('soi'), road: get('road'), subdistrict }),
      houseNo,
      moo: opt('moo'),
      village: opt('village'),
      soi: opt('soi'),
      road: opt('road'),
      subdistrict,
      municipality: opt('municipality'),
      district: opt('district'),
      latitude,
      longitude,
    }
    const earlier = seen.get(row.key)
    if (issues.length === 0 && earlier !== undefined) {
      issues.push(`the same address as line ${earlier} / ที่อยู่ซ้ำกับบรรทัดที่ ${earlier}`)
    }
    if (issues.length > 0) {
      problems.push({ line, problems: issues })
    } else {
      seen.set(row.key, line)
      rows.push(row)
    }
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ line: header.line + 1, problems: ['no addresses under the header / ไม่มีรายการที่อยู่'] })
  }
  return { rows, problems }
}

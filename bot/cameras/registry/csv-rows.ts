import type { CameraImportProblem } from '../../contracts/camera-registry.js'
import type { CameraOwnerType, CameraStatus } from '../../contracts/cameras.js'
import { parseCsv } from './csv.js'

/** The columns of the import file, in this order in the sample; the header may order them freely. */
export const CAMERA_CSV_COLUMNS = [
  'code',
  'name',
  'owner_type',
  'owner_name',
  'latitude',
  'longitude',
  'direction_deg',
  'fov_deg',
  'range_m',
  'covers',
  'retention_days',
  'live_view',
  'status',
] as const
const REQUIRED = ['code', 'name', 'owner_type', 'latitude', 'longitude'] as const

/** One good row, as the registry stores it. */
export type CameraRow = {
  line: number
  code: string
  name: string
  ownerType: CameraOwnerType
  ownerName: string | null
  latitude: number
  longitude: number
  directionDeg: number | null
  fieldOfViewDeg: number | null
  rangeMeters: number | null
  covers: string | null
  retentionDays: number | null
  liveView: boolean
  status: CameraStatus
}

// English or Thai words, lower-cased and without spaces.
const OWNER_WORDS: Record<string, CameraOwnerType> = {
  police: 'police',
  ตำรวจ: 'police',
  กล้องตำรวจ: 'police',
  สถานีตำรวจ: 'police',
  agency: 'agency',
  หน่วยงาน: 'agency',
  หน่วยงานอื่น: 'agency',
  หน่วยงานรัฐ: 'agency',
  เทศบาล: 'agency',
  กล้องหน่วยงานอื่น: 'agency',
  private: 'private',
  เอกชน: 'private',
  กล้องเอกชน: 'private',
  ร้านค้า: 'private',
  บ้าน: 'private',
}
const STATUS_WORDS: Record<string, CameraStatus> = {
  active: 'active',
  ใช้งาน: 'active',
  ใช้งานได้: 'active',
  ปกติ: 'active',
  offline: 'offline',
  ออฟไลน์: 'offline',
  ขัดข้อง: 'offline',
  เสีย: 'offline',
  removed: 'removed',
  ถอดออก: 'removed',
  ยกเลิก: 'removed',
  รื้อถอน: 'removed',
}
const YES = new Set(['yes', 'y', 'true', '1', 'ใช่', 'มี', 'ได้'])
const NO = new Set(['no', 'n', 'false', '0', 'ไม่', 'ไม่มี', 'ไม่ได้', ''])

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '')

type Problem = Omit<CameraImportProblem, 'line' | 'code'>
const problem = (reason: string, reasonTh: string): Problem => ({ reason, reasonTh })

function intIn(raw: string, min: number, max: number, what: string, whatTh: string): number | null | Problem {
  const v = raw.trim()
  if (v === '') {
    return null
  }
  const n = Number(v)
  if (!Number.isInteger(n) || n < min || n > max) {
    return problem(`${what} must be a whole number ${min}–${max} (got "${v}")`, `${whatTh}ต้องเป็นจำนวนเต็ม ${min}–${max}`)
  }
  return n
}
const isProblem = (v: unknown): v is Problem => typeof v === 'object' && v !== null && 'reason' in v

/** One record's cells by column name → a row, or why not. */
function readRow(get: (c: (typeof CAMERA_CSV_COLUMNS)[number]) => string, line: number): CameraRow | Problem {
  for (const c of REQUIRED) {
    if (get(c).trim() === '') {
      return problem(`${c} is empty`, `ช่อง ${c} ว่าง`)
    }
  }
  const code = get('code').trim()
  if (code.length > 40 || !/^[\p{L}\p{N}._/-]+$/u.test(code)) {
    return problem(`code "${code}" may hold letters, digits, . _ / - only (≤ 40)`, 'รหัสกล้องมีอักขระที่ใช้ไม่ได้')
  }
  const ownerType = OWNER_WORDS[key(get('owner_type'))]
  if (!ownerType) {
    return problem(
      `owner_type "${get('owner_type').trim()}" is not police, agency or private`,
      'ประเภทเจ้าของต้องเป็น ตำรวจ / หน่วยงาน / เอกชน',
    )
  }
  const latitude = Number(get('latitude').trim())
  const longitude = Number(get('longitude').trim())
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    return problem(`latitude "${get('latitude').trim()}" is not a latitude`, 'ละติจูดไม่ถูกต้อง')
  }
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    return problem(`longitude "${get('longitude').trim()}" is not a longitude`, 'ลองจิจูดไม่ถูกต้อง')
  }
  const directionDeg = intIn(get('direction_deg'), 0, 359, 'direction_deg', 'ทิศทาง')
  const fieldOfViewDeg = intIn(get('fov_deg'), 1, 360, 'fov_deg', 'มุมมอง')
  const rangeMeters = intIn(get('range_m'), 1, 2000, 'range_m', 'ระยะ')
  const retentionDays = intIn(get('retention_days'), 0, 3650, 'retention_days', 'จำนวนวันที่เก็บภาพ')
  for (const v of [directionDeg, fieldOfViewDeg, rangeMeters, retentionDays]) {
    if (isProblem(v)) {
      return v
    }
  }
  const live = key(get('live_view'))
  if (!YES.has(live) && !NO.has(live)) {
    return problem(`live_view "${get('live_view').trim()}" is not yes or no`, 'ดูภาพสดต้องเป็น ใช่ หรือ ไม่')
  }
  const statusWord = key(get('status'))
  const status = statusWord === '' ? 'active' : STATUS_WORDS[statusWord]
  if (!status) {
    return problem(
      `status "${get('status').trim()}" is not active, offline or removed`,
      'สถานะต้องเป็น ใช้งาน / ขัดข้อง / ถอดออก',
    )
  }
  const text = (v: string, max: number) => v.trim().slice(0, max) || null
  return {
    line,
    code,
    name: get('name').trim().slice(0, 200),
    ownerType,
    ownerName: text(get('owner_name'), 200),
    latitude,
    longitude,
    directionDeg: directionDeg as number | null,
    fieldOfViewDeg: fieldOfViewDeg as number | null,
    rangeMeters: rangeMeters as number | null,
    covers: text(get('covers'), 500),
    retentionDays: retentionDays as number | null,
    liveView: YES.has(live),
    status,
  }
}

/**
 * The import file → good rows and problems by line (the header is line 1). A code twice in the file is a problem on
 * its second line. A missing required column is one problem on line 1 and no rows.
 */
export function readCameraCsv(text: string): { rows: CameraRow[]; problems: CameraImportProblem[] } {
  const { records, unclosedQuoteAt } = parseCsv(text)
  const problems: CameraImportProblem[] = []
  const [header, ...body] = records
  if (!header) {
    return { rows: [], problems: [{ line: 1, code: null, reason: 'the file is empty', reasonTh: 'ไฟล์ว่าง' }] }
  }
  const index = new Map(header.cells.map((h, i) => [key(h), i]))
  const missing = REQUIRED.filter((c) => !index.has(c))
  if (missing.length > 0) {
    const list = missing.join(', ')
    return {
      rows: [],
      problems: [{ line: 1, code: null, reason: `missing columns: ${list}`, reasonTh: `ไม่มีคอลัมน์: ${list}` }],
    }
  }
  const rows: CameraRow[] = []
  const seen = new Map<string, number>()
  for (const r of body) {
    const get = (c: (typeof CAMERA_CSV_COLUMNS)[number]) => {
      const i = index.get(c)
      return i === undefined ? '' : (r.cells[i] ?? '')
    }
    const code = get('code').trim() || null
    const row = readRow(get, r.line)
    if (isProblem(row)) {
      problems.push({ line: r.line, code, ...row })
      continue
    }
    const first = seen.get(row.code)
    if (first !== undefined) {
      problems.push({
        line: r.line,
        code,
        reason: `code ${row.code} is already on line ${first}`,
        reasonTh: `รหัส ${row.code} ซ้ำกับบรรทัด ${first}`,
      })
      continue
    }
    seen.set(row.code, r.line)
    rows.push(row)
  }
  if (unclosedQuoteAt !== null) {
    problems.push({
      line: unclosedQuoteAt,
      code: null,
      reason: 'a quote is never closed',
      reasonTh: 'เครื่องหมายคำพูดไม่ปิด',
    })
  }
  return { rows, problems }
}

import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { csvField } from '../registry/csv.js'
import { CAMERA_CSV_COLUMNS } from '../registry/csv-rows.js'

/**
 * The Smart Safety Zone around Rayong City (12.68 N, 101.27 E, about 4.4 km²), as the DB seed draws it
 * (bot/house-watch/settings/seed-area.ts, RAYONG_ZONE); copied so the sample stays the same file whatever an admin
 * does to the station's area. GeoJSON order: [lng, lat].
 */
const ZONE: GeoJSON.Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [101.2673, 12.6919],
      [101.2786, 12.6924],
      [101.2856, 12.6863],
      [101.286, 12.6767],
      [101.2803, 12.6706],
      [101.2708, 12.6706],
      [101.2656, 12.6785],
      [101.2673, 12.6919],
    ],
  ],
}

/** The zone's cameras in the seed: 132 police, 86 other agencies', 198 private (issue #15). */
export const SAMPLE_COUNTS = { police: 132, agency: 86, private: 198 } as const

// Streets of the Rayong City zone (names only; the positions are synthetic, spread over the zone's polygon).
const STREETS = [
  'ถนนสุขุมวิท',
  'ถนนตากสินมหาราช',
  'ถนนราษฎร์บำรุง',
  'ถนนยมจินดา',
  'ถนนจันทอุดม',
  'ถนนภักดีบริรักษ์',
  'ถนนศรีเมือง',
  'ถนนเนินพระ',
  'ถนนราชชุมพล',
  'ถนนท่าบ้าน',
  'ถนนสายกลาง',
  'ถนนบ้านแลง',
]
const POLICE_SPOTS = ['ทางแยก', 'หน้าโรงเรียน', 'จุดกลับรถ', 'ป้อมตำรวจ', 'หน้าตลาด', 'สะพาน', 'หน้าธนาคาร']
const AGENCIES = [
  'เทศบาลนครระยอง',
  'เทศบาลตำบลเนินพระ',
  'เทศบาลตำบลเชิงเนิน',
  'แขวงทางหลวงระยอง',
  'โรงพยาบาลระยอง',
  'สถานีขนส่งผู้โดยสารระยอง',
  'การไฟฟ้าส่วนภูมิภาคระยอง',
]
const AGENCY_SPOTS = ['สวนสาธารณะ', 'ลานจอดรถ', 'ทางเข้าอาคาร', 'ป้ายรถประจำทาง', 'ทางข้ามถนน', 'ริมแม่น้ำระยอง']
const SHOPS = [
  'ร้านทอง',
  'ร้านสะดวกซื้อ',
  'ร้านขายยา',
  'ร้านกาแฟ',
  'มินิมาร์ท',
  'คาร์แคร์',
  'ร้านอาหาร',
  'หอพัก',
  'บ้านพัก',
  'ร้านซ่อมรถจักรยานยนต์',
  'อู่ซ่อมรถ',
  'ร้านโทรศัพท์มือถือ',
]
const SHOP_COVERS = ['หน้าร้านและทางเท้า', 'หน้าบ้านและถนน', 'ลานจอดรถหน้าร้าน', 'ซอยข้างร้าน', 'ประตูทางเข้า']

/** A small deterministic generator (mulberry32): the same file every time. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type SampleCamera = Record<(typeof CAMERA_CSV_COLUMNS)[number], string | number>

/**
 * The sample registry: 416 synthetic cameras inside the zone with codes RYG-P-001…, RYG-A-001…,
 * RYG-V-001…; police cameras keep 30 days and have live view, agencies 14–30 days, private 7–15 days; a few offline.
 */
export function sampleCameras(): SampleCamera[] {
  const rnd = random(15_2026)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T
  const ring = ZONE.coordinates[0] ?? []
  const lngs = ring.map((p) => p[0] ?? 0)
  const lats = ring.map((p) => p[1] ?? 0)
  const box = { w: Math.min(...lngs), e: Math.max(...lngs), s: Math.min(...lats), n: Math.max(...lats) }
  const inside = () => {
    for (;;) {
      const lng = box.w + rnd() * (box.e - box.w)
      const lat = box.s + rnd() * (box.n - box.s)
      if (booleanPointInPolygon([lng, lat], ZONE)) {
        return { lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) }
      }
    }
  }
  const out: SampleCamera[] = []
  const add = (type: keyof typeof SAMPLE_COUNTS, prefix: string) => {
    for (let i = 1; i <= SAMPLE_COUNTS[type]; i++) {
      const at = inside()
      const street = pick(STREETS)
      const soi = 1 + Math.floor(rnd() * 20)
      const offline = rnd() < 0.05
      const base = {
        code: `RYG-${prefix}-${String(i).padStart(3, '0')}`,
        latitude: at.lat,
        longitude: at.lng,
        direction_deg: Math.floor(rnd() * 36) * 10,
        status: offline ? 'offline' : 'active',
      }
      if (type === 'police') {
        const spot = pick(POLICE_SPOTS)
        out.push({
          ...base,
          name: `${spot} ${street}`,
          owner_type: 'police',
          owner_name: 'สถานีตำรวจภูธรเมืองระยอง (CCOC)',
          fov_deg: pick([60, 90, 110]),
          range_m: pick([40, 60, 80]),
          covers: `${spot} ${street} ทั้งสองฝั่งทาง`,
          retention_days: 30,
          live_view: 'yes',
        })
      } else if (type === 'agency') {
        const spot = pick(AGENCY_SPOTS)
        out.push({
          ...base,
          name: `${spot} ${street}`,
          owner_type: 'agency',
          owner_name: pick(AGENCIES),
          fov_deg: pick([70, 90, 100]),
          range_m: pick([30, 50, 60]),
          covers: `${spot} ${street}`,
          retention_days: pick([14, 15, 30]),
          live_view: rnd() < 0.4 ? 'yes' : 'no',
        })
      } else {
        const shop = pick(SHOPS)
        out.push({
          ...base,
          name: `${shop} ${street} ซอย ${soi}`,
          owner_type: 'private',
          owner_name: `${shop} ซอย ${soi}`,
          fov_deg: pick([80, 90, 110]),
          range_m: pick([15, 20, 25, 30]),
          covers: pick(SHOP_COVERS),
          retention_days: pick([7, 7, 10, 14, 15]),
          live_view: 'no',
        })
      }
    }
  }
  add('police', 'P')
  add('agency', 'A')
  add('private', 'V')
  return out
}

/** The sample as the import file: UTF-8 with a BOM (Excel opens Thai right), CRLF lines. */
export function sampleCsv(): string {
  const lines = [CAMERA_CSV_COLUMNS.join(',')]
  for (const c of sampleCameras()) {
    lines.push(CAMERA_CSV_COLUMNS.map((k) => csvField(c[k])).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

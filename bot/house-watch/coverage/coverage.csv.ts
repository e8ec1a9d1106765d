import { bangkokDateTime, buddhistDate, csvCell, UTF8_BOM } from '../../audit/audit.csv.js'
import { VISIT_RESULT_LABELS } from '../../contracts/house-watch.js'
import type { Coverage, CoverageStatus } from '../../contracts/patrol.js'

const STATUS_TH: Record<CoverageStatus, string> = { visited: 'ตรวจแล้ว', missed: 'ไม่ได้ตรวจ', due: 'ยังไม่ได้ตรวจ' }
const GPS_TH = { near: 'อยู่ใกล้จุด', far: 'ห่างจากจุด', unknown: 'ไม่มีพิกัด' } as const
const KIND_TH = { house: 'บ้านฝากดูแล', red_box: 'ตู้แดง' } as const

export const COVERAGE_CSV_HEADER = [
  'วันที่ (พ.ศ.)',
  'ผลัด',
  'รหัสจุด',
  'ประเภท',
  'ชื่อ/ที่อยู่',
  'สถานะ',
  'เวลาตรวจ (เวลาไทย)',
  'วันที่ตรวจ (พ.ศ.)',
  'เจ้าหน้าที่',
  'ตรวจพิกัด GPS',
  'ระยะจากจุด (ม.)',
  'ความแม่นยำ GPS (ม.)',
  'ผลการตรวจ',
  'status',
  'gps_check',
  'result',
]

/**
 * One row per visit, and one per point without a visit; Thai headers first for the station's staff, the codes at the
 * end for whoever sorts or filters by them. BOM, CRLF, cells guarded against formulas (audit.csv.ts).
 */
export function coverageCsv(c: Coverage): string {
  const shiftDay = buddhistDate(new Date(`${c.shift.date}T12:00:00+07:00`))
  const rows = c.points.flatMap((p) => {
    const name = [p.nameTh, p.address].filter(Boolean).join(' ')
    const base = [shiftDay, c.shift.nameTh, p.code, KIND_TH[p.kind], name, STATUS_TH[p.status]]
    if (p.visits.length === 0) {
      return [[...base, '', '', '', '', '', '', '', p.status, '', '']]
    }
    return p.visits.map((v) => {
      const at = new Date(v.at)
      return [
        ...base,
        bangkokDateTime(at).slice(11, 16),
        buddhistDate(at),
        v.officerName,
        GPS_TH[v.gpsCheck],
        v.distanceMeters === null ? '' : Math.round(v.distanceMeters),
        v.accuracyMeters === null ? '' : Math.round(v.accuracyMeters),
        VISIT_RESULT_LABELS[v.result].th,
        p.status,
        v.gpsCheck,
        v.result,
      ]
    })
  })
  const lines = [COVERAGE_CSV_HEADER, ...rows].map((r) => r.map(csvCell).join(','))
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`
}

import { CAMERA_OWNER_TYPE_LABELS, FOOTAGE_STATUS_LABELS } from '@contracts/cameras.js'
import type { Language } from '@contracts/citizens.js'

// Cameras near a case and the CCOC queue (issue #15): this page's words, Thai and English.
const TEXTS = {
  section: { th: 'กล้องใกล้เคียง', en: 'Nearby cameras' },
  noLocation: {
    th: 'เรื่องนี้ยังไม่มีตำแหน่งเหตุ แตะแผนที่เพื่อปักหมุด แล้วกดบันทึก',
    en: 'This case has no location yet: tap the map to set a pin, then save.',
  },
  noLocationRead: { th: 'เรื่องนี้ยังไม่มีตำแหน่งเหตุ', en: 'This case has no location yet.' },
  savePin: { th: 'บันทึกตำแหน่งเหตุ', en: 'Save the location' },
  radius: { th: 'รัศมี', en: 'Radius' },
  from: { th: 'ตั้งแต่ (เวลาไทย)', en: 'From (Thai time)' },
  to: { th: 'ถึง', en: 'To' },
  none: { th: 'ไม่มีกล้องในรัศมีนี้', en: 'No camera within this radius.' },
  inside: { th: 'ยังมีภาพ', en: 'Inside retention' },
  outside: { th: 'เกินระยะเก็บ', en: 'Past retention' },
  unknown: { th: 'ไม่ทราบระยะเก็บ', en: 'Retention unknown' },
  until: { th: 'ถึง', en: 'until' },
  ask: { th: 'สิ่งที่ขอ', en: 'What to ask for' },
  askHint: { th: 'เช่น ภาพรถจักรยานยนต์สีแดงผ่านหน้าร้าน', en: 'e.g. a red motorcycle passing the shop' },
  deadline: { th: 'กำหนดตอบ (ไม่ระบุ = 3 วัน)', en: 'Answer by (empty = 3 days)' },
  send: { th: 'ส่งคำขอภาพ', en: 'Send requests' },
  selected: { th: 'เลือก {n} กล้อง', en: '{n} selected' },
  sent: { th: 'ส่งคำขอแล้ว {n} รายการ', en: '{n} requests sent' },
  requests: { th: 'คำขอภาพของเรื่องนี้', en: "This case's footage requests" },
  noRequests: { th: 'ยังไม่มีคำขอภาพ', en: 'No footage request yet.' },
  letter: { th: 'หนังสือขอภาพ (PDF)', en: 'Request letter (PDF)' },
  overdue: { th: 'เกินกำหนด', en: 'Overdue' },
  due: { th: 'กำหนด', en: 'Due' },
  queue: { th: 'คิวงาน CCOC คำขอภาพ', en: 'CCOC footage queue' },
  all: { th: 'ทั้งหมด', en: 'All' },
  onlyOverdue: { th: 'เฉพาะที่เกินกำหนด', en: 'Overdue only' },
  mine: { th: 'งานของฉัน', en: 'Mine' },
  status: { th: 'สถานะ', en: 'Status' },
  claim: { th: 'รับงาน', en: 'Take it' },
  received: { th: 'ได้รับไฟล์แล้ว', en: 'File received' },
  close: { th: 'ปิด', en: 'Close' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
  answerBy: { th: 'บันทึกคำตอบทางโทรศัพท์', en: 'Record a phone answer' },
  assignee: { th: 'ผู้รับผิดชอบ', en: 'Assignee' },
  unassigned: { th: 'ยังไม่มีผู้รับ', en: 'Unassigned' },
  empty: { th: 'ไม่มีคำขอในคิว', en: 'The queue is empty.' },
  openCase: { th: 'เปิดเรื่อง', en: 'Open case' },
  reach_line: { th: 'LINE', en: 'LINE' },
  reach_phone: { th: 'โทรศัพท์', en: 'Phone' },
  reach_visit: { th: 'เข้าพบ', en: 'Visit' },
  reach_letter: { th: 'หนังสือ', en: 'Letter' },
  reach_ccoc_task: { th: 'งาน CCOC', en: 'CCOC task' },
  channel_line: { th: 'ส่งทาง LINE', en: 'By LINE' },
  channel_letter: { th: 'หนังสือราชการ', en: 'Letter' },
  channel_ccoc_task: { th: 'งาน CCOC', en: 'CCOC task' },
} as const
export type CamKey = keyof typeof TEXTS

export function ct(lang: Language, key: CamKey, vars: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
}
export const ownerLabel = (lang: Language, t: keyof typeof CAMERA_OWNER_TYPE_LABELS) =>
  CAMERA_OWNER_TYPE_LABELS[t][lang]
export const statusLabel = (lang: Language, s: keyof typeof FOOTAGE_STATUS_LABELS) => FOOTAGE_STATUS_LABELS[s][lang]

/** "3 ธ.ค. 2569 20:00" / "3 Dec 2026 20:00" in Bangkok time. */
export function when(lang: Language, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso))
}

/** A datetime-local value read as Bangkok time ("2026-12-01T20:00" → "2026-12-01T20:00:00+07:00"). */
export const bangkokIso = (local: string) => `${local}:00+07:00`
/** Bangkok wall time of an instant for a datetime-local input. */
export function localValue(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16)
}

export type NearbyCamera = {
  id: string
  code: string
  name: string
  ownerType: 'police' | 'agency' | 'private'
  ownerName: string | null
  latitude: number
  longitude: number
  retentionDays: number | null
  status: string
  distanceMeters: number
  retention: 'inside' | 'outside' | 'unknown'
  overwrittenAt: string | null
  reach: 'line' | 'phone' | 'visit' | 'letter' | 'ccoc_task'
}
export type NearbyAnswer = {
  location: { latitude: number; longitude: number } | null
  radiusMeters: number
  at: string
  summary: { th: string; en: string } | null
  items: NearbyCamera[]
}
export type QueueItem = {
  id: string
  caseId: string
  channel: 'line' | 'letter' | 'ccoc_task'
  status: keyof typeof FOOTAGE_STATUS_LABELS
  windowFrom: string
  windowTo: string
  ask: string
  deadlineAt: string
  overdue: boolean
  letterNumber: string | null
  answerNote: string | null
  assigneeId: string | null
  caseReference: string
  cameraCode: string
  cameraName: string
  ownerType: 'police' | 'agency' | 'private'
  ownerName: string | null
  contactPreference: string | null
  requesterName: string
  assigneeName: string | null
}

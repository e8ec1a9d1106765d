import { AUDIT_ACTION_LABELS } from '@contracts/audit.js'
import type { Language } from '../lib/i18n.js'
import { CASE_STATUSES, type CaseKind, type OfficerRole } from '../lib/types.js'

type Label = Record<Language, string>

/** Status names as officers and citizens read them (mirrors bot/cases/statuses.ts STATUS_LABELS). */
export const STATUS_LABELS: Record<string, Label> = {
  submitted: { th: 'รับเรื่องแล้ว', en: 'Received' },
  in_review: { th: 'กำลังตรวจสอบ', en: 'In review' },
  awaiting_info: { th: 'รอข้อมูลเพิ่มเติม', en: 'Waiting for more information' },
  visit_station: { th: 'นัดมาที่สถานี', en: 'Asked to visit the station' },
  issued: { th: 'ออกบันทึกแล้ว', en: 'Record issued' },
  rejected: { th: 'ไม่อนุมัติ', en: 'Rejected' },
  revoked: { th: 'ยกเลิกบันทึก', en: 'Record revoked' },
  closed: { th: 'ปิดเรื่อง', en: 'Closed' },
  approved: { th: 'อนุมัติแล้ว', en: 'Approved' },
  active: { th: 'กำลังดูแล', en: 'Active' },
  completed: { th: 'เสร็จสิ้น', en: 'Completed' },
  cancelled: { th: 'ยกเลิก', en: 'Cancelled' },
  waiting: { th: 'รอเจ้าหน้าที่', en: 'Waiting for an officer' },
  in_progress: { th: 'กำลังดำเนินการ', en: 'In progress' },
  answered: { th: 'ตอบแล้ว', en: 'Answered' },
  new: { th: 'แจ้งเหตุใหม่', en: 'New alert' },
  dispatched: { th: 'ส่งสายตรวจแล้ว', en: 'Patrol dispatched' },
  on_scene: { th: 'ถึงที่เกิดเหตุแล้ว', en: 'On scene' },
  resolved: { th: 'คลี่คลายแล้ว', en: 'Resolved' },
}

/** Every status of every kind, in the order officers meet them (for the filter): the server's list. */
export const STATUSES_BY_KIND: Record<CaseKind, readonly string[]> = CASE_STATUSES

/** Statuses where nothing is left to do: shown muted. */
export const DONE_STATUSES = new Set(['issued', 'rejected', 'revoked', 'closed', 'completed', 'cancelled', 'resolved'])

export const KIND_LABELS: Record<CaseKind, Label> = {
  lost_document: { th: 'แจ้งเอกสารหาย', en: 'Lost document' },
  house_watch: { th: 'ฝากบ้าน', en: 'House watch' },
  consultation: { th: 'ปรึกษากฎหมาย', en: 'Legal consultation' },
  sos: { th: 'เหตุด่วน SOS', en: 'SOS' },
}

export const ROLE_LABELS: Record<OfficerRole, Label> = {
  admin: { th: 'ผู้ดูแลระบบ', en: 'Administrator' },
  supervisor: { th: 'หัวหน้า / ผู้กำกับดูแล', en: 'Supervisor' },
  duty_officer: { th: 'เจ้าหน้าที่เวร', en: 'Duty officer' },
  legal_advisor: { th: 'เจ้าหน้าที่ให้คำปรึกษากฎหมาย', en: 'Legal-advice officer' },
  patrol_officer: { th: 'สายตรวจ', en: 'Patrol officer' },
  ccoc_operator: { th: 'เจ้าหน้าที่ศูนย์ CCOC', en: 'CCOC operator' },
  viewer: { th: 'ดูอย่างเดียว', en: 'Viewer' },
}

/** Personal-data fields of a case, as the reveal endpoint names them. */
export const FIELD_LABELS: Record<string, Label> = {
  name: { th: 'ชื่อ-นามสกุล', en: 'Name' },
  fullName: { th: 'ชื่อ-นามสกุล', en: 'Name' },
  displayName: { th: 'ชื่อใน LINE', en: 'LINE name' },
  phone: { th: 'โทรศัพท์', en: 'Phone' },
  nationalId: { th: 'เลขประจำตัวประชาชน', en: 'National ID' },
  passportNumber: { th: 'เลขหนังสือเดินทาง', en: 'Passport number' },
  documentNumbers: { th: 'เลขที่เอกสารที่หาย', en: 'Numbers of the lost documents' },
  circumstances: { th: 'เหตุการณ์ (คำบอกเล่าของผู้แจ้ง)', en: "What happened (the citizen's words)" },
  address: { th: 'ที่อยู่', en: 'Address' },
  email: { th: 'อีเมล', en: 'Email' },
  message: { th: 'ข้อความของผู้แจ้ง', en: "The citizen's message" },
}

export function statusLabel(lang: Language, status: string): string {
  return STATUS_LABELS[status]?.[lang] ?? status
}
/** What else the OA's messages are about, counted per month (bot/line/message-kind.ts; the dashboard's columns). */
export const MESSAGE_KIND_LABELS: Record<string, Label> = {
  announcement: { th: 'ประกาศ', en: 'Announcements' },
  chat: { th: 'แชตอัตโนมัติ', en: 'Chat answers' },
  case: { th: 'แจ้งผลเรื่อง', en: 'Case updates' },
  station_group: { th: 'กลุ่ม LINE สถานี', en: 'Station group' },
  officers: { th: 'เจ้าหน้าที่', en: 'Officers' },
  privacy: { th: 'สิทธิ์ข้อมูลส่วนบุคคล', en: 'Privacy rights' },
  other: { th: 'อื่น ๆ', en: 'Other' },
}

export function kindLabel(lang: Language, kind: string): string {
  return KIND_LABELS[kind as CaseKind]?.[lang] ?? MESSAGE_KIND_LABELS[kind]?.[lang] ?? kind
}
export function roleLabel(lang: Language, role: string): string {
  return ROLE_LABELS[role as OfficerRole]?.[lang] ?? role
}
export function fieldLabel(lang: Language, field: string): string {
  // A masked timeline entry (`event_<id>`): the citizen's own words.
  const label = FIELD_LABELS[field] ?? (field.startsWith('event_') ? FIELD_LABELS.message : undefined)
  return label?.[lang] ?? field
}

/** What an audit entry means, for people (the server's table); the code is shown next to it for exact filtering. */
export function actionLabel(lang: Language, action: string): string {
  return AUDIT_ACTION_LABELS[action]?.[lang] ?? action
}

// Shared by the server and the LIFF apps (imported as @contracts/cameras.js): plain data and types, no imports.
// The CCOC camera network: the zone's cameras, cameras near a case, footage requests and evidence (issue #15).

/** Whose camera it is: the seed's 132 police, 86 other agencies', 198 private (shops, houses). */
export const CAMERA_OWNER_TYPES = ['police', 'agency', 'private'] as const
export type CameraOwnerType = (typeof CAMERA_OWNER_TYPES)[number]

export const CAMERA_OWNER_TYPE_LABELS: Record<CameraOwnerType, { th: string; en: string }> = {
  police: { th: 'กล้องตำรวจ', en: 'Police' },
  agency: { th: 'กล้องหน่วยงานอื่น', en: 'Other agency' },
  private: { th: 'กล้องเอกชน', en: 'Private' },
}

/** Whether it records: active, reported offline (may come back), removed (kept for old requests). */
export const CAMERA_STATUSES = ['active', 'offline', 'removed'] as const
export type CameraStatus = (typeof CAMERA_STATUSES)[number]

/** A private owner's registration is seen by others only once an officer verified it. */
export const CAMERA_VERIFICATION = ['pending', 'verified', 'rejected'] as const
export type CameraVerification = (typeof CAMERA_VERIFICATION)[number]

/** How a private owner prefers to be reached. */
export const CAMERA_CONTACT_PREFERENCES = ['line', 'phone', 'visit'] as const
export type CameraContactPreference = (typeof CAMERA_CONTACT_PREFERENCES)[number]

/** How a footage request reaches the camera: LINE (private owners who joined), a letter (agencies), a CCOC task (police). */
export const FOOTAGE_REQUEST_CHANNELS = ['line', 'letter', 'ccoc_task'] as const
export type FootageRequestChannel = (typeof FOOTAGE_REQUEST_CHANNELS)[number]

/**
 * A footage request: open (sent, no answer) → the owner's answer (have it / nothing recorded / already overwritten /
 * refused) → received (a file came) → closed; or cancelled by the officer. Overdue is open past its deadline.
 */
export const FOOTAGE_REQUEST_STATUSES = [
  'open',
  'have_it',
  'nothing_recorded',
  'overwritten',
  'refused',
  'received',
  'closed',
  'cancelled',
] as const
export type FootageRequestStatus = (typeof FOOTAGE_REQUEST_STATUSES)[number]

/** The owner's answers from LINE (postback) or the LIFF page. */
export const FOOTAGE_ANSWERS = ['have_it', 'nothing_recorded', 'overwritten', 'refused'] as const
export type FootageAnswer = (typeof FOOTAGE_ANSWERS)[number]

export const FOOTAGE_STATUS_LABELS: Record<FootageRequestStatus, { th: string; en: string }> = {
  open: { th: 'รอคำตอบ', en: 'Awaiting answer' },
  have_it: { th: 'มีภาพ', en: 'Has footage' },
  nothing_recorded: { th: 'ไม่มีการบันทึก', en: 'Nothing recorded' },
  overwritten: { th: 'ภาพถูกบันทึกทับแล้ว', en: 'Already overwritten' },
  refused: { th: 'ปฏิเสธ', en: 'Refused' },
  received: { th: 'ได้รับไฟล์แล้ว', en: 'File received' },
  closed: { th: 'ปิดแล้ว', en: 'Closed' },
  cancelled: { th: 'ยกเลิก', en: 'Cancelled' },
}

/** Chain of custody of an evidence file, on the case timeline and in the audit log. */
export const CUSTODY_ACTIONS = ['received', 'viewed', 'exported'] as const
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number]

/** Defaults: the radius of "cameras near a case", the days an owner has to answer, the LIFF upload limit. */
export const DEFAULT_NEARBY_RADIUS_METERS = 300
export const DEFAULT_FOOTAGE_DEADLINE_DAYS = 3
export const MAX_EVIDENCE_UPLOAD_BYTES = 25 * 1024 * 1024

// Shared by the server and the LIFF apps (imported as @contracts/cameras-evidence.js): plain data and types.
// Evidence files of footage requests (issue #15, points 4 and 5): what an owner may upload, and the texts of the limit.

import type { FootageRequestStatus } from './cameras.js'

/**
 * What a camera owner (or an officer) may upload as evidence: video clips as phones and recorders export them, still
 * pictures, and a zip for a recorder's own export format (.dav, .264 …) or many files at once. Nothing is re-encoded
 * or shrunk: the SHA-256 is of the bytes as sent.
 */
export const EVIDENCE_CONTENT_TYPES = [
  'video/mp4',
  'video/quicktime',
  'image/jpeg',
  'image/png',
  'application/zip',
] as const
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number]

/** What browsers send for the same files (Windows names a zip x-zip-compressed); mapped to the types above. */
export const EVIDENCE_TYPE_ALIASES: Record<string, EvidenceContentType> = {
  'application/x-zip-compressed': 'application/zip',
  'application/x-zip': 'application/zip',
  'image/jpg': 'image/jpeg',
}

/** The file name endings the page's picker offers (a phone's picker filters by these). */
export const EVIDENCE_ACCEPT =
  '.mp4,.mov,.jpg,.jpeg,.png,.zip,video/mp4,video/quicktime,image/jpeg,image/png,application/zip'

/** "Too large: bring it to the station with the reference": the 413's text and the page's. */
export function evidenceTooLargeText(reference: string, maxMb: number): { th: string; en: string } {
  if (!reference) {
    return { th: `ไฟล์ใหญ่เกินไป (เกิน ${maxMb} MB)`, en: `The file is too large (over ${maxMb} MB)` }
  }
  return {
    th: `ไฟล์ใหญ่เกินไป (เกิน ${maxMb} MB): กรุณานำมามอบที่สถานีพร้อมเลขอ้างอิง ${reference}`,
    en: `The file is too large (over ${maxMb} MB): please bring it to the station with the reference ${reference}`,
  }
}

/**
 * What the camera owner sees of a footage request (GET /api/liff/footage-requests/:id, bot/cameras/owner-requests):
 * the case's reference only (nothing else of the case), the camera, the window, the ask, their files.
 */
export type OwnerRequestView = {
  id: string
  referenceNumber: string
  camera: { code: string; name: string; covers: string | null }
  windowFrom: string
  windowTo: string
  window: { th: string; en: string }
  ask: string
  deadlineAt: string
  deadline: { th: string; en: string }
  overdue: boolean
  status: FootageRequestStatus
  statusTh: string
  statusEn: string
  answeredAt: string | null
  answerNote: string | null
  canAnswer: boolean
  canUpload: boolean
  files: { id: string; size: number; sha256: string; receivedAt: string }[]
}

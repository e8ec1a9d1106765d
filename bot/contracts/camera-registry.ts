// Shared by the server and the LIFF apps (@contracts/camera-registry.js): the camera registry's API shapes (issue #15,
// points 1 and 2). Plain types and data, no imports (the enums are in ./cameras.ts).

export type CameraOwnerTypeName = 'police' | 'agency' | 'private'
export type CameraStatusName = 'active' | 'offline' | 'removed'
export type CameraVerificationName = 'pending' | 'verified' | 'rejected'
export type CameraContactPreferenceName = 'line' | 'phone' | 'visit'

/** A camera as officers see it (the owner's phone is never in it: it stays encrypted). */
export type CameraView = {
  id: string
  code: string
  name: string
  ownerType: CameraOwnerTypeName
  ownerName: string | null
  /** A private owner who joined through LINE (footage requests reach them there). */
  fromLine: boolean
  hasPhone: boolean
  contactPreference: CameraContactPreferenceName | null
  latitude: number
  longitude: number
  directionDeg: number | null
  fieldOfViewDeg: number | null
  rangeMeters: number | null
  covers: string | null
  retentionDays: number | null
  liveView: boolean
  status: CameraStatusName
  verification: CameraVerificationName
  verifiedAt: string | null
  note: string | null
  createdAt: string
  updatedAt: string
}

/** Counts for the dashboard and the registry header: every camera that is not removed, and pending registrations. */
export type CameraStats = {
  total: number
  byOwnerType: Record<CameraOwnerTypeName, number>
  byStatus: Record<CameraStatusName, number>
  pending: number
}

/** One bad CSV line: its line number in the file (the header is line 1) and why. */
export type CameraImportProblem = { line: number; code: string | null; reason: string; reasonTh: string }

export type CameraImportResult = {
  /** 'all': nothing saved when any row is bad (default); 'good_rows': the good rows saved, the bad ones reported. */
  mode: 'all' | 'good_rows'
  saved: boolean
  created: number
  updated: number
  problems: CameraImportProblem[]
}

/** A private owner's camera as they see it in the citizen LIFF app. */
export type MyCamera = {
  id: string
  code: string
  name: string
  latitude: number
  longitude: number
  directionDeg: number | null
  fieldOfViewDeg: number | null
  covers: string | null
  retentionDays: number | null
  contactPreference: CameraContactPreferenceName | null
  /** The phone, theirs: shown back to them to edit. */
  phone: string | null
  status: CameraStatusName
  verification: CameraVerificationName
  createdAt: string
}

/** What the owner's form sends (register or edit). */
export type MyCameraInput = {
  name: string
  latitude: number
  longitude: number
  directionDeg: number | null
  fieldOfViewDeg: number | null
  covers: string | null
  retentionDays: number | null
  contactPreference: CameraContactPreferenceName
  phone: string | null
  consentVersion: string
}

/** The PDPA notice a private owner consents to: the police may ask for footage; the owner may always refuse. */
export const CAMERA_CONSENT_VERSION = 'cameras-2026-12-v1'

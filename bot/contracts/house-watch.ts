// Shared by the server and the LIFF apps (imported as @contracts/house-watch.js): plain data and types, no imports.
// House watch (ฝากบ้านกับตำรวจ 4.0), red boxes (ตู้แดง 4.0) and patrol check-ins with GPS (issue #13).

/** How the owner hears about patrol visits: each visit, or one summary a day at the station's hour (the default). */
export const HOUSE_WATCH_NOTIFY = ['daily_digest', 'each_visit'] as const
export type HouseWatchNotify = (typeof HOUSE_WATCH_NOTIFY)[number]

/** How a new enrolment inside the jurisdiction is approved: at once, or by the duty officer (station setting). */
export const HOUSE_WATCH_APPROVAL = ['auto', 'duty_officer'] as const
export type HouseWatchApproval = (typeof HOUSE_WATCH_APPROVAL)[number]

/** How the enrolment came in. */
export const HOUSE_WATCH_CHANNELS = ['liff', 'chat'] as const
export type HouseWatchChannel = (typeof HOUSE_WATCH_CHANNELS)[number]

/** Why a watch ended. */
export const HOUSE_WATCH_END_REASONS = ['returned', 'expired', 'cancelled', 'rejected'] as const
export type HouseWatchEndReason = (typeof HOUSE_WATCH_END_REASONS)[number]

/** Where the map pin came from. */
export const LOCATION_SOURCES = ['gps', 'pin', 'chat'] as const
export type LocationSource = (typeof LOCATION_SOURCES)[number]

/** A patrol point: an enrolled house (one per house-watch case) or a red box (ตู้แดง, a fixed point). */
export const PATROL_POINT_KINDS = ['house', 'red_box'] as const
export type PatrolPointKind = (typeof PATROL_POINT_KINDS)[number]

/** What the officer found at a visit: 'normal' or a finding (pushed at once to the owner and the station group). */
export const VISIT_RESULTS = [
  'normal',
  'door_open',
  'window_open',
  'suspicious_person',
  'suspicious_vehicle',
  'damage',
  'other',
] as const
export type VisitResult = (typeof VISIT_RESULTS)[number]
export const isFinding = (r: VisitResult) => r !== 'normal'

export const VISIT_RESULT_LABELS: Record<VisitResult, { th: string; en: string }> = {
  normal: { th: 'ปกติ', en: 'All normal' },
  door_open: { th: 'ประตูเปิดอยู่', en: 'Door open' },
  window_open: { th: 'หน้าต่างเปิดอยู่', en: 'Window open' },
  suspicious_person: { th: 'พบบุคคลน่าสงสัย', en: 'Suspicious person' },
  suspicious_vehicle: { th: 'พบยานพาหนะน่าสงสัย', en: 'Suspicious vehicle' },
  damage: { th: 'พบความเสียหาย', en: 'Damage' },
  other: { th: 'อื่น ๆ', en: 'Other' },
}

/** The GPS check of a visit: near the point, farther than the station's distance (flagged, not refused), or no fix. */
export const GPS_CHECKS = ['near', 'far', 'unknown'] as const
export type GpsCheck = (typeof GPS_CHECKS)[number]

/** A patrol shift: its key, names and Bangkok start time "HH:MM"; it lasts until the next shift starts. */
export type PatrolShift = { key: string; nameTh: string; nameEn: string; start: string }
/** Thai police practice: three 8-hour shifts (เวรเช้า 08–16, เวรบ่าย 16–24, เวรดึก 00–08). */
export const DEFAULT_SHIFTS: PatrolShift[] = [
  { key: 'night', nameTh: 'เวรดึก', nameEn: 'Night', start: '00:00' },
  { key: 'morning', nameTh: 'เวรเช้า', nameEn: 'Morning', start: '08:00' },
  { key: 'afternoon', nameTh: 'เวรบ่าย', nameEn: 'Afternoon', start: '16:00' },
]

/** Station defaults until the admin sets its own (house_watch_settings). */
export const DEFAULT_MAX_WATCH_DAYS = 30
export const DEFAULT_GPS_TOLERANCE_METERS = 100
export const DEFAULT_PURGE_AFTER_DAYS = 30
/** The daily summary to owners goes at this Bangkok hour. */
export const DEFAULT_DIGEST_HOUR = 20
/** A second scan of the same point within this many minutes is the same visit. */
export const SAME_VISIT_MINUTES = 10

/**
 * A structured Thai address (the lost-document form's fields): house number, หมู่, village or building, ซอย, road,
 * ตำบล/แขวง, อำเภอ/เขต, province, postcode.
 */
export type ThaiAddress = {
  houseNo: string
  moo?: string
  village?: string
  soi?: string
  road?: string
  subdistrict: string
  district: string
  province: string
  postcode: string
}

/** A position on the map (WGS 84). */
export type LatLng = { lat: number; lng: number }
/** A GeoJSON polygon ([lng, lat] rings) or multipolygon: a station's jurisdiction. */
export type Jurisdiction =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }

// --- The owner's side (LIFF API /api/liff/house-watch/..., bot/house-watch/owner; liff/src/pages/house-watch) ---

/** One of the citizen's house watches as the owner's page lists it. */
export type OwnerWatch = {
  caseId: string
  referenceNumber: string
  status: string
  statusTh: string
  statusEn: string
  /** Approved or under way, not ended: "I'm home" and "extend" apply. */
  running: boolean
  /** Bangkok dates, inclusive. */
  startsOn: string
  endsOn: string
  endedAt: string | null
  endReason: HouseWatchEndReason | null
  notify: HouseWatchNotify
  visitCount: number
  lastVisitAt: string | null
}

/** A patrol visit at the owner's house: when, who (rank and name), what was found, whether there is a photo. */
export type OwnerVisit = {
  id: string
  at: string
  officer: string
  result: VisitResult
  resultTh: string
  resultEn: string
  note: string | null
  hasPhoto: boolean
}

/** One watch with its visit log (newest first) and the latest end an extension may reach. */
export type OwnerWatchDetail = { watch: OwnerWatch & { extendUntil: string; maxDays: number }; visits: OwnerVisit[] }

// ── Red boxes registry and check-ins (hw-checkin) ─────────────────────────────────────────────────────────────────

/** A patrol point as the officers' app shows it (registry, stickers). */
export type PatrolPointView = {
  id: string
  kind: PatrolPointKind
  code: string
  nameTh: string | null
  nameEn: string | null
  latitude: number
  longitude: number
  active: boolean
  qrVersion: number
  /** The house-watch case of a house point. */
  caseId: string | null
}

/** The phone's position at a scan (navigator.geolocation), accuracy in metres. */
export type ScanPosition = { lat: number; lng: number; accuracy: number }

/** A visit photo: JPEG or PNG, at most this many bytes (LINE's image preview limit, so one file serves both). */
export const MAX_VISIT_PHOTO_BYTES = 1_000_000

/** What the scan page shows after a check-in. */
export type CheckInOutcome = {
  visitId: string
  /** A second scan within SAME_VISIT_MINUTES: the same visit, updated, no second notice. */
  sameVisit: boolean
  point: { id: string; kind: PatrolPointKind; code: string; nameTh: string | null; nameEn: string | null }
  gpsCheck: GpsCheck
  distanceMeters: number | null
  toleranceMeters: number
  result: VisitResult
  shift: { key: string; nameTh: string; nameEn: string; date: string }
  scannedAt: string
}

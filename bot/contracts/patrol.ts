// The patrol list, coverage and dashboard answers of the officers' API (issue #13), shared with the admin LIFF app.
import type { GpsCheck, LatLng, PatrolPointKind, VisitResult } from './house-watch.js'

/** A shift named for people: key, Thai and English names, its Bangkok date, and its bounds (ISO instants). */
export type ShiftView = { key: string; nameTh: string; nameEn: string; date: string; from: string; to: string }

export type VisitView = {
  id: string
  at: string
  /** Rank and name as printed (officers.full_name), else the LINE display name. */
  officerName: string
  gpsCheck: GpsCheck
  distanceMeters: number | null
  accuracyMeters: number | null
  result: VisitResult
}

/** One stop of today's round, in route order. */
export type PatrolStopView = LatLng & {
  id: string
  order: number
  kind: PatrolPointKind
  code: string
  nameTh: string | null
  nameEn: string | null
  address: string | null
  notes: string | null
  watchEndsOn: string | null
  /** From the previous stop (the station for the first), metres. */
  legMeters: number
  fromStationMeters: number
  visits: VisitView[]
  lastVisit: VisitView | null
}

/** GET /api/admin/patrol/today */
export type PatrolToday = {
  date: string
  shift: ShiftView
  shifts: { key: string; nameTh: string; nameEn: string; start: string }[]
  /** The station (where the route starts); null when the station has no location set (the route starts at a stop). */
  start: LatLng | null
  stops: PatrolStopView[]
  totalMeters: number
}

export const COVERAGE_STATUSES = ['visited', 'missed', 'due'] as const
/** visited: checked in this shift; missed: the shift ended without a visit; due: not yet, the shift is running. */
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number]

export type CoveragePoint = LatLng & {
  id: string
  kind: PatrolPointKind
  code: string
  nameTh: string | null
  nameEn: string | null
  address: string | null
  status: CoverageStatus
  /** A visit far from the point (GPS) or with a finding. */
  flagged: boolean
  visits: VisitView[]
}

/** GET /api/admin/patrol/coverage?date&shift */
export type Coverage = {
  shift: ShiftView
  shifts: { key: string; nameTh: string; nameEn: string; start: string }[]
  start: LatLng | null
  points: CoveragePoint[]
  totals: { points: number; visited: number; missed: number; due: number; flagged: number; visits: number }
}

/** The house-watch block of GET /api/admin/dashboard. */
export type HouseWatchStats = {
  activeWatches: number
  activeRedBoxes: number
  /** Last 7 Bangkok days, every shift that has ended or is running: points due, visited, missed, visits. */
  perShift: { date: string; shiftKey: string; due: number; visited: number; missed: number; visits: number }[]
  flaggedVisits: number
  findings: { result: VisitResult; count: number }[]
}

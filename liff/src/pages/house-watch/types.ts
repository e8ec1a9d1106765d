import type { VisitResult } from '@contracts/house-watch.js'

/** GET /api/liff/house-watch/mine (bot/house-watch/owner/owner.routes.ts). */
export type OwnerWatch = {
  caseId: string
  referenceNumber: string
  status: string
  statusTh: string
  statusEn: string
  running: boolean
  startsOn: string
  endsOn: string
  endedAt: string | null
  endReason: 'returned' | 'expired' | 'cancelled' | 'rejected' | null
  notify: 'daily_digest' | 'each_visit'
  visitCount: number
  lastVisitAt: string | null
}

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

/** GET /api/liff/house-watch/:caseId. */
export type WatchDetail = { watch: OwnerWatch & { extendUntil: string; maxDays: number }; visits: OwnerVisit[] }

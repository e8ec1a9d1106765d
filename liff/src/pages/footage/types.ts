import type { FootageAnswer, FootageRequestStatus } from '@contracts/cameras.js'

/** GET /api/liff/footage-requests/:id (bot/cameras/owner-requests/owner-requests.routes.ts). */
export type OwnerRequest = {
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

export type OwnerRequestDetail = { request: OwnerRequest; upload: { maxBytes: number; contentTypes: string[] } }

export type { FootageAnswer }

import type { FootageAnswer } from '@contracts/cameras.js'
import type { OwnerRequestView } from '@contracts/cameras-evidence.js'

/** GET /api/liff/footage-requests/:id (bot/cameras/owner-requests/owner-requests.routes.ts). */
export type OwnerRequest = OwnerRequestView

export type OwnerRequestDetail = { request: OwnerRequest; upload: { maxBytes: number; contentTypes: string[] } }

export type { FootageAnswer }

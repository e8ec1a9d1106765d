import type { ConsultationDetail, ConsultationStats } from '@contracts/consultations.js'
import { apiErrorFrom, networkError } from '@shared/lib/api.js'
import type { AttachmentMeta, CaseListItem, CaseView, Dashboard } from '../../lib/types.js'

// What the consultation screens read beyond the answers already on main: the fields issue #12 adds to the officers'
// API (B: the case's consultation and unread counts; C1: the dashboard block). Intersections with the contract's own
// types, so they stay correct once bot/contracts/admin-api.ts carries the fields itself.
export type ConsultationCaseView = CaseView & { consultation?: ConsultationDetail }
export type InboxItem = CaseListItem & { unread?: number }
export type DashboardWithConsultations = Dashboard & { consultations?: ConsultationStats }

/** A list answer as `{ items }` (the officers' API's habit) or as a bare array. */
export function itemsOf<T>(answer: T[] | { items: T[] }): T[] {
  return Array.isArray(answer) ? answer : answer.items
}

/**
 * POST /api/admin/cases/:id/attachments: the file's bytes as they are (not JSON), its type as Content-Type and its
 * name URI-encoded in X-File-Name; the answer is the stored attachment, sent with the next message.
 */
export async function uploadAttachment(caseId: string, file: File): Promise<AttachmentMeta> {
  let res: Response
  try {
    res = await fetch(`/api/admin/cases/${encodeURIComponent(caseId)}/attachments`, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch {
    throw networkError()
  }
  const body: unknown = await res.json().catch(() => undefined)
  if (!res.ok) {
    throw apiErrorFrom(res.status, body)
  }
  return body as AttachmentMeta
}

import type { EnrolDraft } from '@contracts/house-watch-enrol.js'
import { apiErrorFrom, networkError } from '@shared/lib/api.js'
import { getIdToken } from '@shared/lib/liff.js'
import type { HwReceipt, Photo } from './state.js'

export type FieldProblem = { field: string; messageTh: string; messageEn: string }
export type Outside = { th: string; en: string; station: { nameTh: string; nameEn: string; phone: string } | null }

/** The server's answer that is not a receipt but is for the form to show: fields to fix, or the right station. */
export class EnrolRefused extends Error {
  constructor(
    readonly problems: FieldProblem[],
    readonly outside: Outside | null,
  ) {
    super(outside ? 'outside_jurisdiction' : 'validation_failed')
  }
}

type ErrorBody = { error?: { code?: string; message?: string; messageTh?: string; details?: unknown } }

/**
 * POST the request with its idempotency key (a double tap or a retry files it once). Its own fetch: a 400's
 * per-field details and a 422's station must reach the form, not a generic error.
 */
export async function postEnrolment(draft: EnrolDraft, photo: Photo | null, key: string): Promise<HwReceipt> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'idempotency-key': key,
  }
  const token = getIdToken()
  if (token) {
    headers.authorization = `Bearer ${token}`
  }
  const body = { ...draft, photo: photo ? { contentType: photo.contentType, data: photo.data } : null }
  let res: Response
  try {
    res = await fetch('/api/liff/house-watch', {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      cache: 'no-store',
    })
  } catch {
    throw networkError()
  }
  const json = (await res.json().catch(() => undefined)) as (HwReceipt & ErrorBody) | undefined
  if (res.ok && json) {
    return json
  }
  const error = json?.error
  if (res.status === 400 && error?.code === 'validation_failed' && Array.isArray(error.details)) {
    throw new EnrolRefused(error.details as FieldProblem[], null)
  }
  if (res.status === 422 && error?.code === 'outside_jurisdiction') {
    const station = (error.details as { station?: Outside['station'] } | undefined)?.station ?? null
    throw new EnrolRefused([], { th: error.messageTh ?? '', en: error.message ?? '', station })
  }
  throw apiErrorFrom(res.status, json)
}

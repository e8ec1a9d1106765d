import type { ReportDraft } from '../../../../bot/lost-documents/validation/draft.js'
import { ApiError } from '../../lib/api.js'
import { tBoth } from '../../lib/i18n.js'
import { getIdToken } from '../../lib/liff.js'
import type { SubmitResult } from './types.js'

export type FieldProblem = { field: string; messageTh: string; messageEn: string }

/** A 400 from the server's checks, with the problem of each field (shown next to it). */
export class ReportRejected extends Error {
  constructor(readonly details: FieldProblem[]) {
    super('validation_failed')
  }
}

/**
 * POST the report with its idempotency key: a double tap or a retry after a lost answer files it once. Its own
 * fetch (not lib/api's) because the per-field details of a 400 must reach the form.
 */
export async function postReport(draft: ReportDraft, idempotencyKey: string): Promise<SubmitResult> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'idempotency-key': idempotencyKey,
  }
  const token = getIdToken()
  if (token) {
    headers.authorization = `Bearer ${token}`
  }
  let res: Response
  try {
    res = await fetch('/api/liff/lost-documents', {
      method: 'POST',
      headers,
      body: JSON.stringify(draft),
      cache: 'no-store',
    })
  } catch {
    const text = tBoth('error.network')
    throw new ApiError(0, 'network', text.th, text.en)
  }
  const body = (await res.json().catch(() => undefined)) as
    | (SubmitResult & {
        error?: { code?: string; message?: string; messageTh?: string; details?: unknown }
        reqId?: string
      })
    | undefined
  if (res.ok && body) {
    return body
  }
  if (res.status === 400 && body?.error?.code === 'validation_failed' && Array.isArray(body.error.details)) {
    throw new ReportRejected(body.error.details as FieldProblem[])
  }
  const fallback = tBoth(res.status >= 500 ? 'error.server' : 'error.title')
  throw new ApiError(
    res.status,
    body?.error?.code ?? 'http_error',
    body?.error?.messageTh ?? fallback.th,
    body?.error?.message ?? fallback.en,
    body?.reqId,
  )
}

/** A key per filled-in form (kept across retries of the same form, new for the next report). */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}

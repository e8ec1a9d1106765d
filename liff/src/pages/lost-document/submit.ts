import type { ReportDraft } from '@contracts/lost-documents/draft.js'
import { apiErrorFrom, networkError } from '@shared/lib/api.js'
import { getIdToken } from '@shared/lib/liff.js'
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
 * fetch (not the shared requestJson) because the per-field details of a 400 must reach the form.
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
    throw networkError()
  }
  const body = (await res.json().catch(() => undefined)) as
    | (SubmitResult & { error?: { code?: string; details?: unknown } })
    | undefined
  if (res.ok && body) {
    return body
  }
  if (res.status === 400 && body?.error?.code === 'validation_failed' && Array.isArray(body.error.details)) {
    throw new ReportRejected(body.error.details as FieldProblem[])
  }
  throw apiErrorFrom(res.status, body)
}

/** A key per filled-in form (kept across retries of the same form, new for the next report). */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`
}

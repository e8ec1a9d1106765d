import { ApiError } from '../../../src/lib/api.js'
import { tBoth } from '../../../src/lib/i18n.js'

export { ApiError }

/** An API failure that keeps the server's body (e.g. 403 `not_an_officer` says whether a request is pending). */
export class AdminApiError extends ApiError {
  constructor(
    status: number,
    code: string,
    th: string,
    en: string,
    reqId: string | undefined,
    readonly body: unknown,
  ) {
    super(status, code, th, en, reqId)
  }
}

/** Fired when a signed-in call answers 401: the session ended (expired, revoked, officer disabled). */
export const UNAUTHORIZED_EVENT = 'rsz-admin:unauthorized'

type ErrorBody = { error?: { code?: unknown; message?: unknown; messageTh?: unknown }; reqId?: unknown }

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined)

function toError(status: number, body: unknown): AdminApiError {
  const fallback = tBoth(status >= 500 ? 'error.server' : 'error.title')
  const b = (body ?? {}) as ErrorBody
  return new AdminApiError(
    status,
    str(b.error?.code) ?? 'http_error',
    str(b.error?.messageTh) ?? fallback.th,
    str(b.error?.message) ?? fallback.en,
    str(b.reqId),
    body,
  )
}

export type AdminRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  /** A LINE ID token, for the calls made before there is a session (sign-in, access request). */
  idToken?: string | null
  signal?: AbortSignal
  /** Do not announce a 401 (the sign-in itself probes for an existing session). */
  quiet?: boolean
}

/**
 * JSON on /api/admin with the session cookie (`rsz_admin`, Path=/api/admin, sent by the browser).
 * Rejects with AdminApiError only. 204 resolves to undefined.
 */
export async function adminApi<T>(path: string, req: AdminRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (req.idToken) {
    headers.authorization = `Bearer ${req.idToken}`
  }
  if (req.body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  let res: Response
  try {
    res = await fetch(`/api/admin${path}`, {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: req.signal,
    })
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') {
      throw err
    }
    const text = tBoth('error.network')
    throw new AdminApiError(0, 'network', text.th, text.en, undefined, undefined)
  }
  const body = res.status === 204 ? undefined : ((await res.json().catch(() => undefined)) as unknown)
  if (!res.ok) {
    if (res.status === 401 && !req.idToken && !req.quiet) {
      window.dispatchEvent(new Event(UNAUTHORIZED_EVENT))
    }
    throw toError(res.status, body)
  }
  return body as T
}

/** Any failure as an AdminApiError, so every screen shows errors the same way. */
export function asAdminError(err: unknown): AdminApiError {
  if (err instanceof AdminApiError) {
    return err
  }
  if (err instanceof ApiError) {
    return new AdminApiError(err.status, err.code, err.th, err.en, err.reqId, undefined)
  }
  const text = tBoth('error.init')
  return new AdminApiError(0, 'client_error', text.th, text.en, undefined, undefined)
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError'
}

/** A query string from defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) {
      q.set(key, String(value))
    }
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

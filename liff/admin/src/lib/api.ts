import { ApiError, type JsonRequest, requestJson } from '@shared/lib/api.js'

/** Fired when a signed-in call answers 401: the session ended (expired, revoked, officer disabled). */
export const UNAUTHORIZED_EVENT = 'rsz-admin:unauthorized'

export type AdminRequest = Omit<JsonRequest, 'method'> & {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Do not announce a 401 (the sign-in itself probes for an existing session). */
  quiet?: boolean
}

/**
 * JSON on /api/admin with the session cookie (`rsz_admin`, Path=/api/admin, sent by the browser), or with a LINE
 * ID token (`idToken`) for the calls made before there is a session (sign-in, access request).
 * Rejects with ApiError (its `body` is the server's, e.g. 403 `not_an_officer` says whether a request is pending)
 * or the AbortError of `signal`. 204 resolves to undefined.
 */
export async function adminApi<T>(path: string, { quiet, ...req }: AdminRequest = {}): Promise<T> {
  try {
    return await requestJson<T>(`/api/admin${path}`, req)
  } catch (err) {
    if (err instanceof ApiError && err.status === 401 && !req.idToken && !quiet) {
      window.dispatchEvent(new Event(UNAUTHORIZED_EVENT))
    }
    throw err
  }
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

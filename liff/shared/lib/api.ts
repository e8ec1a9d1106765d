// The fetch base of both apps: JSON in and out, and every failure as one ApiError with text for people in both
// languages. The server answers errors as `{ error: { code, message, messageTh? }, reqId }`.
import { type KitKey, kitBoth } from '../i18n/kit.js'

/** An API failure with text for people in both languages (Thai first), the server's reference and its body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly th: string,
    readonly en: string,
    readonly reqId?: string,
    /** The whole error body, for callers that need more than the message (e.g. `details`, flags). */
    readonly body?: unknown,
  ) {
    super(en)
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; messageTh?: unknown }; reqId?: unknown }

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined
}

/** A failed response as an ApiError: the server's code and texts, else a generic text in both languages. */
export function apiErrorFrom(status: number, body: unknown, fallbackKey?: KitKey): ApiError {
  const fallback = kitBoth(fallbackKey ?? (status >= 500 || status === 0 ? 'error.server' : 'error.title'))
  const b = (body ?? {}) as ErrorBody
  return new ApiError(
    status,
    str(b.error?.code) ?? (status === 0 ? 'network' : 'http_error'),
    str(b.error?.messageTh) ?? fallback.th,
    str(b.error?.message) ?? fallback.en,
    str(b.reqId),
    body,
  )
}

/** The request never got an answer (offline, DNS, connection reset). */
export function networkError(): ApiError {
  const text = kitBoth('error.network')
  return new ApiError(0, 'network', text.th, text.en)
}

export type JsonRequest = {
  method?: string
  body?: unknown
  /** A LINE ID token, sent as `Authorization: Bearer`. */
  idToken?: string | null
  signal?: AbortSignal
}

/**
 * JSON on our own origin (cookies included). Rejects with ApiError, or with the AbortError of `signal`, never
 * anything else. A body that is not JSON (204) resolves to undefined.
 */
export async function requestJson<T>(url: string, req: JsonRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (req.idToken) {
    headers.authorization = `Bearer ${req.idToken}`
  }
  if (req.body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  let res: Response
  try {
    res = await fetch(url, {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: req.signal,
    })
  } catch (err) {
    if (isAbort(err)) {
      throw err
    }
    throw networkError()
  }
  const body = res.status === 204 ? undefined : ((await res.json().catch(() => undefined)) as unknown)
  if (!res.ok) {
    throw apiErrorFrom(res.status, body)
  }
  return body as T
}

/** Any failure as an ApiError, so every screen shows errors the same way. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) {
    return err
  }
  const text = kitBoth('error.init')
  return new ApiError(0, 'client_error', text.th, text.en)
}

export function isAbort(err: unknown): boolean {
  return err instanceof DOMException && err.name === 'AbortError'
}

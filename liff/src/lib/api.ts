import { tBoth } from './i18n.js'
import { getIdToken } from './liff.js'

/** An API failure with text for people in both languages (Thai first) and the server's reference. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly th: string,
    readonly en: string,
    readonly reqId?: string,
  ) {
    super(en)
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; messageTh?: unknown }; reqId?: unknown }

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined
}

function toApiError(status: number, body: ErrorBody | undefined): ApiError {
  const fallback = tBoth(status >= 500 || status === 0 ? 'error.server' : 'error.title')
  const e = body?.error
  return new ApiError(
    status,
    str(e?.code) ?? (status === 0 ? 'network' : 'http_error'),
    str(e?.messageTh) ?? fallback.th,
    str(e?.message) ?? fallback.en,
    str(body?.reqId),
  )
}

/** GET/PUT/POST JSON on our own API with the citizen's LINE ID token. Rejects with ApiError, never anything else. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; auth?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (init.auth !== false) {
    const token = getIdToken()
    if (token) {
      headers.authorization = `Bearer ${token}`
    }
  }
  if (init.body !== undefined) {
    headers['content-type'] = 'application/json'
  }
  let res: Response
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: 'same-origin',
      cache: 'no-store',
    })
  } catch {
    const text = tBoth('error.network')
    throw new ApiError(0, 'network', text.th, text.en)
  }
  const body = (await res.json().catch(() => undefined)) as unknown
  if (!res.ok) {
    throw toApiError(res.status, body as ErrorBody | undefined)
  }
  return body as T
}

/** Any failure as an ApiError, so every screen shows errors the same way. */
export function asApiError(err: unknown): ApiError {
  if (err instanceof ApiError) {
    return err
  }
  const text = tBoth('error.init')
  return new ApiError(0, 'client_error', text.th, text.en)
}

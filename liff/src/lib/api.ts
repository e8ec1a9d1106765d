import { requestJson } from '@shared/lib/api.js'
import { getIdToken } from '@shared/lib/liff.js'

/**
 * GET/PUT/POST JSON on the citizen API with the citizen's LINE ID token (the server verifies it with LINE).
 * Rejects with ApiError (@shared/lib/api), never anything else.
 */
export function api<T>(path: string, init: { method?: string; body?: unknown; auth?: boolean } = {}): Promise<T> {
  return requestJson<T>(path, {
    method: init.method,
    body: init.body,
    idToken: init.auth === false ? null : getIdToken(),
  })
}

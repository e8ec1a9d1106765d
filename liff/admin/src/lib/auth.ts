import { ApiError } from '@shared/lib/api.js'
import { decodeClaims, getIdToken, initLiff, type LiffClientConfig, type LiffSession } from '@shared/lib/liff.js'
import { adminApi } from './api.js'
import type { Me, Officer } from './types.js'

export type SignInResult =
  | { outcome: 'signed-in'; me: Me }
  | { outcome: 'not-an-officer'; pendingRequest: boolean; canRequestAccess: boolean }

/** Starts LIFF (LINE, LINE Login in a desktop browser, or the emulator) for the admin LIFF app. */
export async function startLiff(): Promise<LiffSession> {
  const res = await fetch('/admin/config.json', { cache: 'no-store' }).catch(() => undefined)
  const config = (res?.ok ? await res.json() : { liffId: '', emulator: false }) as LiffClientConfig
  return initLiff(config, import.meta.env.VITE_LIFF_ID_ADMIN)
}

/** The LINE user the ID token is for (display only; the server verifies the token with LINE). */
function tokenSubject(token: string): string | undefined {
  const { sub } = decodeClaims(token)
  return typeof sub === 'string' ? sub : undefined
}

function flag(body: unknown, name: 'pendingRequest' | 'canRequestAccess'): boolean | undefined {
  const b = body as Record<string, unknown> & { error?: { details?: Record<string, unknown> } }
  const v = b?.[name] ?? b?.error?.details?.[name]
  return typeof v === 'boolean' ? v : undefined
}

/**
 * Reuses the session cookie when it belongs to this LINE user; otherwise exchanges the LINE ID token for a session
 * (POST /api/admin/auth/session). A LINE user who is not an officer is told whether a request is already pending.
 */
export async function signIn(options: { reuse: boolean }): Promise<SignInResult> {
  const idToken = getIdToken()
  if (options.reuse) {
    try {
      const me = await adminApi<Me>('/me', { quiet: true })
      if (!idToken || tokenSubject(idToken) === me.officer.lineUserId) {
        return { outcome: 'signed-in', me }
      }
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) {
        throw err
      }
    }
  }
  try {
    await adminApi<{ officer: Officer }>('/auth/session', { method: 'POST', idToken })
  } catch (err) {
    if (err instanceof ApiError && err.status === 403 && err.code === 'not_an_officer') {
      return {
        outcome: 'not-an-officer',
        pendingRequest: flag(err.body, 'pendingRequest') ?? false,
        canRequestAccess: flag(err.body, 'canRequestAccess') ?? true,
      }
    }
    throw err
  }
  return { outcome: 'signed-in', me: await adminApi<Me>('/me') }
}

export async function requestAccess(note: string): Promise<void> {
  try {
    await adminApi('/access-requests', { method: 'POST', idToken: getIdToken(), body: note ? { note } : {} })
  } catch (err) {
    // Already asked: the request is pending, which is what the officer wanted.
    if (!(err instanceof ApiError && err.status === 409)) {
      throw err
    }
  }
}

export async function signOut(): Promise<void> {
  await adminApi('/auth/session', { method: 'DELETE' }).catch(() => undefined)
}

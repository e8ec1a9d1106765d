import { type ApiError, asApiError } from '@shared/lib/api.js'
import type { LiffSession } from '@shared/lib/liff.js'
import { useRoute } from '@shared/lib/router.js'
import { ToastProvider } from '@shared/ui/toast.js'
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { UNAUTHORIZED_EVENT } from './lib/api.js'
import { requestAccess, signIn, signOut, startLiff } from './lib/auth.js'
import { type Language, storedLanguage, storeLanguage } from './lib/i18n.js'
import { type AdminSession, AdminSessionContext } from './lib/session.js'
import { SosAlarm } from './lib/sos-alarm.js'
import type { Me } from './lib/types.js'
import { SignInScreen, type SignInState } from './pages/sign-in.js'
import { pageFor } from './routes.js'

type State = SignInState | { phase: 'ready'; me: Me }

function Routes() {
  const route = useRoute()
  return pageFor(route)
}

/** Signs the officer in (LIFF → LINE ID token → session cookie), then shows the page the address names. */
export function App() {
  const [lang, setLangState] = useState<Language>(storedLanguage)
  const [state, setState] = useState<State>({ phase: 'starting' })
  const liff = useRef<LiffSession | null>(null)

  const run = useCallback(async (reuse: boolean) => {
    setState({ phase: 'starting' })
    try {
      liff.current ??= await startLiff()
      const result = await signIn({ reuse })
      if (result.outcome === 'signed-in') {
        setState({ phase: 'ready', me: result.me })
      } else {
        setState({ phase: result.pendingRequest ? 'pending' : 'no-access', canRequestAccess: result.canRequestAccess })
      }
    } catch (err) {
      setState({ phase: 'failed', error: asApiError(err) })
    }
  }, [])

  useEffect(() => {
    void run(true)
    // A call answered 401 (session expired or revoked, officer disabled): sign in again with a fresh ID token.
    const onUnauthorized = () => void run(false)
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized)
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized)
  }, [run])

  const setLang = useCallback((next: Language) => {
    storeLanguage(next)
    setLangState(next)
  }, [])

  const onRequestAccess = useCallback(async (note: string): Promise<ApiError | null> => {
    try {
      await requestAccess(note)
      setState({ phase: 'pending', canRequestAccess: false })
      return null
    } catch (err) {
      return asApiError(err)
    }
  }, [])

  const session = useMemo<AdminSession | null>(() => {
    if (state.phase !== 'ready' || !liff.current) {
      return null
    }
    const permissions = new Set(state.me.permissions)
    return {
      liff: liff.current,
      me: state.me,
      lang,
      setLang,
      can: (p) => permissions.has(p),
      async signOut() {
        await signOut()
        setState({ phase: 'signed-out' })
      },
    }
  }, [state, lang, setLang])

  if (state.phase !== 'ready' || !session) {
    return (
      <SignInScreen
        state={state.phase === 'ready' ? { phase: 'starting' } : state}
        lang={lang}
        setLang={setLang}
        liff={liff.current}
        onRetry={() => void run(false)}
        onRequestAccess={onRequestAccess}
      />
    )
  }
  return (
    <AdminSessionContext.Provider value={session}>
      <ToastProvider>
        <SosAlarm>
          <Routes />
        </SosAlarm>
      </ToastProvider>
    </AdminSessionContext.Provider>
  )
}

import { type ApiError, asApiError } from '@shared/lib/api.js'
import { initLiff, type LiffClientConfig, type LiffSession } from '@shared/lib/liff.js'
import { useRoute } from '@shared/lib/router.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { ToastProvider } from '@shared/ui/toast.js'
import type { FunctionComponent } from 'preact'
import { useEffect, useMemo, useState } from 'preact/hooks'
import { api } from './lib/api.js'
import { type Language, languageFromTag, t } from './lib/i18n.js'
import { type Session, SessionContext } from './lib/session.js'
import type { Me } from './lib/types.js'
import { MyCamerasPage } from './pages/cameras/my-cameras-page.js'
import { ConsultationPage } from './pages/consultation/consultation-page.js'
import { FootageListPage } from './pages/footage/footage-list-page.js'
import { FootagePage } from './pages/footage/footage-page.js'
import { HomePage } from './pages/home.js'
import { HouseWatchPage } from './pages/house-watch/house-watch-page.js'
import { MyWatchesPage } from './pages/house-watch/my-watches-page.js'
import { HouseWatchNewPage } from './pages/house-watch/new-page.js'
import { HouseholdPage } from './pages/household/household-page.js'
import { LostDocumentPage } from './pages/lost-document/lost-document-page.js'
import { ConsultationThreadPage } from './pages/my-reports/consultation-thread-page.js'
import { MyDataPage } from './pages/my-reports/my-data-page.js'
import { MyReportsPage } from './pages/my-reports/my-reports-page.js'
import { ReportDetailPage } from './pages/my-reports/report-detail-page.js'
import { NotFoundPage } from './pages/not-found.js'
import { SettingsPage } from './pages/settings.js'
import { Shell } from './ui/shell.js'

/** Route (path under /liff/) → page. A new citizen service adds its page here and a link on the home page. */
const routes: Record<string, FunctionComponent> = {
  '': HomePage,
  settings: SettingsPage,
  'lost-document': LostDocumentPage,
  consultation: ConsultationPage,
  'house-watch/new': HouseWatchNewPage,
  'my-reports': MyReportsPage,
  'my-data': MyDataPage,
  // A route ending in /* takes one more path segment (the report's ID).
  'my-reports/*': ReportDetailPage,
  // A legal consultation of the citizen's, read-only (its list is on "my reports").
  'my-consultations/*': ConsultationThreadPage,
  // House watch, the owner's side: their watches, and one with its visit log (the approval message links here).
  'house-watch/mine': MyWatchesPage,
  'house-watch/*': HouseWatchPage,
  // My household (issue #14); the invite link carries ?code=.
  household: HouseholdPage,
  // CCOC footage requests addressed to the citizen's cameras: the list, and one (the LINE message links here).
  footage: FootageListPage,
  'footage/*': FootagePage,
  // CCOC cameras (issue #15): a private owner's cameras (the verification message links here).
  cameras: MyCamerasPage,
}

type State =
  | { phase: 'starting'; lang: Language }
  | { phase: 'failed'; lang: Language; error: ApiError }
  | { phase: 'ready'; liff: LiffSession; me: Me }

function firstLanguage(): Language {
  return languageFromTag(new URLSearchParams(window.location.search).get('lang') ?? navigator.language)
}

function Routes() {
  const route = useRoute()
  const parts = route.split('/')
  const Page = routes[route] ?? (parts.length === 2 ? routes[`${parts[0]}/*`] : undefined) ?? NotFoundPage
  return <Page />
}

export function App() {
  const [state, setState] = useState<State>(() => ({ phase: 'starting', lang: firstLanguage() }))

  useEffect(() => {
    let lang = firstLanguage()
    ;(async () => {
      const config = await api<LiffClientConfig>('/api/liff/config', { auth: false })
      const liff = await initLiff(config, import.meta.env.VITE_LIFF_ID_CITIZEN)
      lang = liff.language
      setState({ phase: 'starting', lang })
      const me = await api<Me>(`/api/liff/me?lang=${liff.language}`)
      setState({ phase: 'ready', liff, me })
    })().catch((err: unknown) => setState({ phase: 'failed', lang, error: asApiError(err) }))
  }, [])

  const session = useMemo<Session | null>(() => {
    if (state.phase !== 'ready') {
      return null
    }
    const setMe = (me: Me) => setState({ phase: 'ready', liff: state.liff, me })
    return { liff: state.liff, me: state.me, lang: state.me.language, setMe }
  }, [state])

  if (state.phase === 'starting') {
    return (
      <Shell lang={state.lang} title={t(state.lang, 'common.loading')}>
        <div class="loading" aria-hidden="true" />
      </Shell>
    )
  }
  if (state.phase === 'failed' || !session) {
    const lang = state.phase === 'failed' ? state.lang : 'th'
    const error = state.phase === 'failed' ? state.error : asApiError(undefined)
    return (
      <Shell lang={lang} title={t(lang, 'error.title')}>
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => window.location.reload()} />
      </Shell>
    )
  }
  return (
    <SessionContext.Provider value={session}>
      <ToastProvider>
        <Routes />
      </ToastProvider>
    </SessionContext.Provider>
  )
}

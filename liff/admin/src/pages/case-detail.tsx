import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { adminApi } from '../lib/api.js'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { useCaseStream } from '../lib/stream.js'
import type { CaseView } from '../lib/types.js'
import { Layout } from '../ui/layout.js'
import { AssignmentCard } from './case-actions.js'
import { CaseCameras } from './case-cameras.js'
import { CitizenCard } from './case-citizen.js'
import { Composer } from './case-composer.js'
import { CaseEvidence } from './case-evidence.js'
import { ReportCards } from './case-report.js'
import { StatusCard } from './case-status.js'
import { CaseSummary } from './case-summary.js'
import { type Names, Timeline } from './case-timeline.js'
import { ConsultationThread } from './consultation/thread.js'

/** One case: summary, citizen (masked), timeline, and what the officer may do with it. */
export function CasePage({ id }: { id: string }) {
  const { lang, me, can } = useAdmin()
  const [view, setView] = useState<CaseView | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  const loadedAt = useRef(0)
  const load = useCallback(async () => {
    loadedAt.current = Date.now()
    try {
      setView(await adminApi<CaseView>(`/cases/${encodeURIComponent(id)}`))
      setError(null)
    } catch (err) {
      setError(asApiError(err))
    }
  }, [id])
  useEffect(() => {
    void load()
  }, [load])
  // A message from the citizen or another officer's action shows up without a reload.
  // Our own actions reload already (and each load is an audited view): a change event is followed by a load only
  // if none started within a moment of it, so the echo of our own change costs nothing.
  const pending = useRef<number | undefined>(undefined)
  useCaseStream((e) => {
    if (e.id === id) {
      const at = Date.now()
      window.clearTimeout(pending.current)
      pending.current = window.setTimeout(() => loadedAt.current < at && void load(), 800)
    }
  })
  useEffect(() => () => window.clearTimeout(pending.current), [])

  const back = { to: '', label: t(lang, 'nav.inbox') }
  if (!view) {
    return (
      <Layout title={t(lang, 'case.title')} back={back}>
        {error ? (
          <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => void load()} />
        ) : (
          <div class="loading" role="status" aria-label={t(lang, 'common.loading')} />
        )}
      </Layout>
    )
  }
  const c = view.case
  if (c.kind === 'consultation') {
    return <ConsultationThread view={view} error={error} reload={load} />
  }
  const act = can('cases.act')
  const names: Names = { [me.officer.id]: t(lang, 'timeline.you') }
  for (const e of view.events) {
    if (e.officer?.displayName) {
      names[e.officer.id] = e.officer.displayName
    }
  }
  if (c.assignee) {
    names[c.assignee.id] = c.assignee.displayName
  }
  return (
    <Layout title={c.referenceNumber} back={back}>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="case-grid">
        <div class="case-summary-area">
          <CaseSummary lang={lang} c={c} myId={me.officer.id} />
        </div>
        {act ? (
          <aside class="case-side" aria-label={t(lang, 'case.actions')}>
            <AssignmentCard c={c} onDone={load} />
            <StatusCard view={view} onDone={load} />
          </aside>
        ) : null}
        <div class="case-main">
          <CitizenCard c={c} />
          <ReportCards c={c} />
          {can('cameras.read') ? <CaseCameras caseId={c.id} /> : null}
          <CaseEvidence caseId={c.id} onChange={load} />
          <Timeline lang={lang} events={view.events} names={names} caseId={view.case.id} />
          {act ? <Composer caseId={c.id} blocked={c.citizen?.followState === 'blocked'} onDone={load} /> : null}
        </div>
      </div>
    </Layout>
  )
}

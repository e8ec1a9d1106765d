import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { ChevronIcon } from '@shared/ui/icons.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { formatDateTime } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import type { ReportSummary } from '../lost-document/types.js'
import { MyConsultations } from './my-consultations.js'
import { MyData } from './my-data.js'
import { MyEmergencies } from './my-emergencies.js'
import { rt } from './texts.js'
import '../lost-document/form.css'
import '../lost-document/form-parts.css'
import './reports.css'

/** The citizen's lost-document reports, newest first, each with its status; their emergencies; their PDPA rights. */
export function MyReportsPage() {
  const { lang } = useSession()
  const [items, setItems] = useState<ReportSummary[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    setError(null)
    api<{ items: ReportSummary[] }>('/api/liff/my-reports').then(
      (res) => setItems(res.items),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [attempt])

  return (
    <Shell lang={lang} title={rt(lang, 'title')} back={{ to: '' }}>
      {items && items.length > 0 ? (
        <Link class="button button-primary button-wide new-report" to="lost-document">
          + {rt(lang, 'newReport')}
        </Link>
      ) : null}
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {!items && !error ? <div class="loading" aria-hidden="true" /> : null}
      {items && items.length === 0 ? (
        <Card>
          <p>{rt(lang, 'empty')}</p>
          <Link class="button button-primary" to="lost-document">
            {rt(lang, 'newReport')}
          </Link>
        </Card>
      ) : null}
      {items && items.length > 0 ? (
        <ul class="actions report-list">
          {items.map((r) => (
            <li key={r.id}>
              <Link class="action report-row" to={`my-reports/${r.id}`}>
                <span class="action-text">
                  <span class="action-label">{r.referenceNumber}</span>
                  <span class={`status-badge status-${r.status}`}>{lang === 'th' ? r.statusTh : r.statusEn}</span>
                  <span class="action-hint">
                    {r.items.map((i) => (lang === 'th' ? i.nameTh : i.nameEn)).join(', ')}
                  </span>
                  <span class="action-hint">
                    {rt(lang, 'reported', { date: formatDateTime(lang, new Date(r.createdAt)) })}
                  </span>
                </span>
                <ChevronIcon />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <MyConsultations />
      <MyEmergencies />
      <MyData />
    </Shell>
  )
}

import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../lib/api.js'
import { type Language, t, when } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { PrivacyRequest, RefusalGround } from '../lib/types.js'
import { Layout } from '../ui/layout.js'
import { EraseButton, RefuseButton } from './privacy-answer.js'

const FILTERS = ['pending', 'done', 'declined'] as const
type Filter = (typeof FILTERS)[number]

function groundLabel(lang: Language, grounds: RefusalGround[], code: string | null): string | null {
  const g = grounds.find((x) => x.code === code)
  return g ? g[lang] : code
}

function RequestRow({
  r,
  grounds,
  onAnswered,
}: {
  r: PrivacyRequest
  grounds: RefusalGround[]
  onAnswered: () => void
}) {
  const { lang } = useAdmin()
  const rows = r.result ? Object.values(r.result).reduce((a, b) => a + b, 0) : 0
  const who = r.citizen.erased
    ? t(lang, 'privacy.erasedCitizen')
    : t(lang, 'privacy.citizen', { name: r.citizen.displayName ?? '—', cases: r.citizen.cases })
  return (
    <li class="row-card privacy-request">
      <p class="row-title">
        {t(lang, r.kind === 'delete' ? 'privacy.kind.delete' : 'privacy.kind.export')}
        {r.overdue ? <span class="flag flag-overdue">{t(lang, 'privacy.overdue')}</span> : null}
      </p>
      <p class="row-note">{who}</p>
      <p class="hint">
        {t(lang, 'privacy.asked', { when: when(lang, r.createdAt) })}
        {r.status === 'pending' ? ` · ${t(lang, 'privacy.due', { when: when(lang, r.dueAt) })}` : null}
      </p>
      {r.handledBy ? (
        <p class="hint">
          {t(lang, 'privacy.handled', { name: r.handledBy.displayName, when: when(lang, r.completedAt) })}
        </p>
      ) : null}
      {r.status === 'declined' ? (
        <p class="row-note">
          {groundLabel(lang, grounds, r.refusalGround)}
          {r.note ? ` — ${r.note}` : null}
        </p>
      ) : null}
      {r.result ? <p class="hint">{t(lang, 'privacy.result', { rows })}</p> : null}
      {r.status === 'pending' && r.kind === 'delete' ? (
        <div class="row-actions">
          <EraseButton request={r} onAnswered={onAnswered} />
          <RefuseButton request={r} grounds={grounds} onAnswered={onAnswered} />
        </div>
      ) : null}
    </li>
  )
}

/**
 * Citizens' PDPA requests for admins and supervisors (privacy.requests): the open erasure requests oldest first
 * with their 30-day due date, erased or refused with a legal ground; the answered ones and the exports as history.
 */
export function PrivacyRequestsPage() {
  const { lang } = useAdmin()
  const [filter, setFilter] = useState<Filter>('pending')
  const [data, setData] = useState<{ items: PrivacyRequest[]; grounds: RefusalGround[] } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    setError(null)
    const kind = filter === 'pending' ? '&kind=delete' : ''
    adminApi<{ items: PrivacyRequest[]; grounds: RefusalGround[] }>(`/privacy/requests?status=${filter}${kind}`).then(
      setData,
      (err: unknown) => setError(asApiError(err)),
    )
  }, [filter, attempt])
  return (
    <Layout title={t(lang, 'privacy.title')}>
      <p class="hint">{t(lang, 'privacy.intro')}</p>
      <Card>
        <label class="field field-inline privacy-filter" for="privacy-filter">
          <span class="field-label">{t(lang, 'privacy.filter')}</span>
          <select id="privacy-filter" value={filter} onChange={(e) => setFilter(e.currentTarget.value as Filter)}>
            {FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(lang, `privacy.filter.${f}`)}
              </option>
            ))}
          </select>
        </label>
        {error ? (
          <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
        ) : null}
        {!data && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
        {data && data.items.length === 0 ? <p class="hint">{t(lang, 'privacy.none')}</p> : null}
        {data && data.items.length > 0 ? (
          <ul class="row-list">
            {data.items.map((r) => (
              <RequestRow key={r.id} r={r} grounds={data.grounds} onAnswered={() => setAttempt((n) => n + 1)} />
            ))}
          </ul>
        ) : null}
      </Card>
    </Layout>
  )
}

import { ANNOUNCEMENT_TOPIC_LABELS, type BroadcastStatus } from '@contracts/announcements.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { num, t, when } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { Layout } from '../../ui/layout.js'
import { type AnnouncementSettingsView, type BroadcastView, broadcastsApi } from './api.js'
import './announcements.css'

export function StatusBadge({ status }: { status: BroadcastStatus }) {
  const { lang } = useAdmin()
  return <span class={`ann-status ann-status-${status}`}>{t(lang, `ann.status.${status}`)}</span>
}

/** The moment that matters for a row: when it went, when it will go, or when it was written. */
function moment(lang: 'th' | 'en', b: BroadcastView): string {
  if (b.completedAt) {
    return t(lang, 'ann.at.completed', { when: when(lang, b.completedAt) })
  }
  if (b.status === 'scheduled' && b.scheduledAt) {
    return t(lang, 'ann.at.scheduled', { when: when(lang, b.scheduledAt) })
  }
  if (b.startedAt) {
    return t(lang, 'ann.at.started', { when: when(lang, b.startedAt) })
  }
  return t(lang, 'ann.at.created', { when: when(lang, b.createdAt) })
}

function Row({ b }: { b: BroadcastView }) {
  const { lang } = useAdmin()
  return (
    <li class="row-card ann-row">
      <Link class="ann-row-link" to={`announcements/${b.id}`}>
        <span class="row-title">
          <StatusBadge status={b.status} />
          <span>{b.title}</span>
        </span>
        <span class="hint">{`${ANNOUNCEMENT_TOPIC_LABELS[b.topic][lang]} · ${moment(lang, b)}`}</span>
        <span class="ann-row-figures">
          <span>{t(lang, 'ann.fig.recipients', { n: num(lang, b.recipients) })}</span>
          <span>{t(lang, 'ann.fig.sent', { n: num(lang, b.sent) })}</span>
          {b.failed > 0 ? <span class="ann-bad">{t(lang, 'ann.fig.failed', { n: num(lang, b.failed) })}</span> : null}
        </span>
      </Link>
    </li>
  )
}

/** Require approval, and the monthly budget (GET/PUT /api/admin/broadcasts/settings). */
function SettingsCard() {
  const { lang } = useAdmin()
  const notify = useToast()
  const [s, setS] = useState<AnnouncementSettingsView | null>(null)
  const [budget, setBudget] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    broadcastsApi.settings().then(
      (v) => {
        setS(v)
        setBudget(v.monthlyBudget === null ? '' : String(v.monthlyBudget))
      },
      (err) => setError(asApiError(err)),
    )
  }, [])
  const parsed = budget.trim() === '' ? null : Number(budget)
  const bad = parsed !== null && (!Number.isInteger(parsed) || parsed < 0)
  async function save(e: Event) {
    e.preventDefault()
    if (!s || bad) {
      return
    }
    setBusy(true)
    setError(null)
    try {
      setS(await broadcastsApi.saveSettings({ requireApproval: s.requireApproval, monthlyBudget: parsed }))
      notify(t(lang, 'ann.settingsSaved'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title={t(lang, 'ann.settings')}>
      {s ? (
        <form class="form" onSubmit={save}>
          <label class="check">
            <input
              type="checkbox"
              checked={s.requireApproval}
              onChange={(e) => setS({ ...s, requireApproval: e.currentTarget.checked })}
            />
            <span>{t(lang, 'ann.requireApproval')}</span>
          </label>
          <label class="field ann-narrow">
            <span class="field-label">{t(lang, 'ann.budget')}</span>
            <span class="field-hint">{t(lang, 'ann.budgetHint')}</span>
            <input
              type="number"
              inputMode="numeric"
              min={0}
              value={budget}
              aria-invalid={bad}
              onInput={(e) => setBudget(e.currentTarget.value)}
            />
          </label>
          <div class="button-row">
            <button type="submit" class="button button-primary" disabled={busy || bad}>
              {t(lang, 'ann.saveSettings')}
            </button>
          </div>
        </form>
      ) : error ? null : (
        <p class="loading">{t(lang, 'common.loading')}</p>
      )}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </Card>
  )
}

/** Announcements: what was sent, what is going out, what waits; a new one; the station's settings. */
export function AnnouncementsPage() {
  const { lang, can } = useAdmin()
  const [items, setItems] = useState<BroadcastView[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = () =>
    broadcastsApi.list().then(
      (r) => setItems(r.broadcasts),
      (err) => setError(asApiError(err)),
    )
  useEffect(() => {
    void load()
  }, [])
  return (
    <Layout title={t(lang, 'ann.title')}>
      <div class="ann-list-page">
        <div class="ann-list-head">
          <p class="lead">{t(lang, 'ann.lead')}</p>
          {can('broadcasts.send') ? (
            <Link class="button button-primary" to="announcements/new">
              {t(lang, 'ann.new')}
            </Link>
          ) : null}
        </div>
        {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => void load()} /> : null}
        {items === null && !error ? <p class="loading">{t(lang, 'common.loading')}</p> : null}
        {items && items.length === 0 ? <p class="empty">{t(lang, 'ann.empty')}</p> : null}
        {items && items.length > 0 ? (
          <ul class="row-list">
            {items.map((b) => (
              <Row key={b.id} b={b} />
            ))}
          </ul>
        ) : null}
        {can('broadcasts.approve') ? <SettingsCard /> : null}
      </div>
    </Layout>
  )
}

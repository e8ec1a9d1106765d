import { type ApiError, asApiError, isAbort } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useState } from 'preact/hooks'
import { KIND_LABELS, STATUSES_BY_KIND, statusLabel } from '../i18n/labels.js'
import { adminApi, query } from '../lib/api.js'
import { bangkokDate, day, dayBoundary, duration, type Language, num, t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { CASE_KINDS, type Dashboard, LIVE_CASE_KINDS } from '../lib/types.js'
import { Gauge, HBars, Legend, StackedBars } from '../ui/charts.js'
import { Layout } from '../ui/layout.js'
import { RegistriesBlock } from './cameras/dashboard-block.js'
import { ConsultationBlock } from './consultation/dashboard-block.js'
import type { DashboardWithConsultations } from './consultation/types.js'
import { HouseWatchBlock } from './patrol/dashboard-block.js'

const RANGES = [7, 30, 90] as const
const STATUS_ORDER = [...new Set(Object.values(STATUSES_BY_KIND).flat())]

function PerDay({ lang, d, days }: { lang: Language; d: Dashboard; days: number }) {
  const columns = Array.from({ length: days }, (_, i) => bangkokDate(days - 1 - i)).map((key) => ({
    key,
    label: day(lang, key).split(' ').slice(0, 2).join(' '),
  }))
  const counts = new Map(d.perDay.map((p) => [`${p.date.slice(0, 10)}|${p.kind}`, p.count]))
  // Services that exist, and any other kind only if it has cases in the period (imported or older data).
  const kinds = CASE_KINDS.filter(
    (k) => LIVE_CASE_KINDS.includes(k) || d.perDay.some((p) => p.kind === k && p.count > 0),
  )
  const series = kinds.map((k) => ({ key: k, label: KIND_LABELS[k][lang] }))
  const totals = kinds.map((k) => d.perDay.filter((p) => p.kind === k).reduce((a, p) => a + p.count, 0))
  const summary = series.map((s, i) => `${s.label} ${num(lang, totals[i] ?? 0)}`).join(', ')
  return (
    <Card title={t(lang, 'dashboard.perDay')}>
      <StackedBars
        columns={columns}
        series={series}
        value={(c, s) => counts.get(`${c}|${s}`) ?? 0}
        title={t(lang, 'dashboard.perDay')}
        summary={summary}
      />
      <Legend series={series.map((s, i) => ({ ...s, label: `${s.label} (${num(lang, totals[i] ?? 0)})` }))} />
    </Card>
  )
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'bad' | 'good' }) {
  return (
    <div class={`stat${tone ? ` stat-${tone}` : ''}`}>
      <p class="stat-label">{label}</p>
      <p class="stat-value">{value}</p>
    </div>
  )
}

function Quota({ lang, quota }: { lang: Language; quota: Dashboard['quota'] }) {
  if (quota === null) {
    // The server could not ask LINE (it says so with null rather than failing the whole dashboard).
    return <p>{t(lang, 'dashboard.quotaUnknown')}</p>
  }
  if (quota.limit === null) {
    return <p>{t(lang, 'dashboard.quotaUnlimited', { used: num(lang, quota.used) })}</p>
  }
  const remaining = Math.max(0, quota.limit - quota.used)
  return (
    <Gauge
      ratio={quota.limit > 0 ? quota.used / quota.limit : 1}
      label={t(lang, 'dashboard.quota')}
      caption={t(lang, 'dashboard.quotaCaption', {
        used: num(lang, quota.used),
        limit: num(lang, quota.limit),
        remaining: num(lang, remaining),
      })}
    />
  )
}

/** Supervisors' view: cases per day by kind, open work by status, response times, SLA, LINE quota. */
export function DashboardPage() {
  const { lang } = useAdmin()
  const [days, setDays] = useState<(typeof RANGES)[number]>(30)
  const [d, setD] = useState<DashboardWithConsultations | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const ctrl = new AbortController()
    setError(null)
    const from = dayBoundary(bangkokDate(days - 1), 'start')
    adminApi<Dashboard>(`/dashboard${query({ from, to: new Date().toISOString() })}`, { signal: ctrl.signal }).then(
      setD,
      (err: unknown) => !isAbort(err) && setError(asApiError(err)),
    )
    return () => ctrl.abort()
  }, [days, attempt])
  const open = d
    ? Object.entries(d.openByStatus)
        .filter(([, n]) => n > 0)
        .sort(([a], [b]) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b))
        .map(([s, n]) => ({ key: s, label: statusLabel(lang, s), value: n, text: num(lang, n) }))
    : []
  return (
    <Layout title={t(lang, 'dashboard.title')}>
      <fieldset class="segmented segmented-inline">
        <legend class="visually-hidden">{t(lang, 'dashboard.range')}</legend>
        {RANGES.map((n) => (
          <label key={n} class={`segment${days === n ? ' is-on' : ''}`}>
            <input type="radio" name="range" checked={days === n} onChange={() => setDays(n)} />
            <span>{t(lang, 'dashboard.days', { n })}</span>
          </label>
        ))}
      </fieldset>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {!d && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
      {d ? (
        <div class="dash-grid">
          <div class="stats">
            <Stat label={t(lang, 'dashboard.firstResponse')} value={duration(lang, d.medianFirstResponseMinutes)} />
            <Stat label={t(lang, 'dashboard.resolution')} value={duration(lang, d.medianResolutionMinutes)} />
            <Stat
              label={t(lang, 'dashboard.sla')}
              value={num(lang, d.slaBreaches)}
              tone={d.slaBreaches > 0 ? 'bad' : 'good'}
            />
          </div>
          <PerDay lang={lang} d={d} days={days} />
          <Card title={t(lang, 'dashboard.open')}>
            {open.length > 0 ? <HBars rows={open} /> : <p class="hint">{t(lang, 'dashboard.noneOpen')}</p>}
          </Card>
          <Card title={t(lang, 'dashboard.quota')}>
            <Quota lang={lang} quota={d.quota} />
          </Card>
        </div>
      ) : null}
      {d ? <RegistriesBlock lang={lang} /> : null}
      {d?.consultations ? <ConsultationBlock lang={lang} stats={d.consultations} /> : null}
      {d?.houseWatch ? <HouseWatchBlock lang={lang} stats={d.houseWatch} /> : null}
    </Layout>
  )
}

import type { Coverage, CoveragePoint } from '@contracts/patrol.js'
import { type ApiError, asApiError, isAbort } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { MapView } from '@shared/ui/map/index.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi, query } from '../../lib/api.js'
import { bangkokDate, type Language, num, t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { DateField } from '../../ui/date-field.js'
import { Layout } from '../../ui/layout.js'
import { KindBadge, MapAndList, markerOf, pointName, VisitLine, withStation } from './parts.js'
import './patrol.css'

function Totals({ lang, c }: { lang: Language; c: Coverage }) {
  const items = [
    { key: 'points', label: t(lang, 'coverage.points'), value: c.totals.points },
    { key: 'visited', label: t(lang, 'coverage.visited'), value: c.totals.visited },
    { key: 'missed', label: t(lang, 'coverage.missed'), value: c.totals.missed },
    { key: 'due', label: t(lang, 'coverage.due'), value: c.totals.due },
    { key: 'flagged', label: t(lang, 'coverage.flagged'), value: c.totals.flagged },
  ].filter((i) => i.key !== 'due' || i.value > 0)
  return (
    <div class="stats cov-totals">
      {items.map((i) => (
        <div key={i.key} class={`stat cov-stat-${i.key}`}>
          <p class="stat-label">{i.label}</p>
          <p class="stat-value">{num(lang, i.value)}</p>
        </div>
      ))}
    </div>
  )
}

function Row({ lang, p, n }: { lang: Language; p: CoveragePoint; n: number }) {
  return (
    <tr class={`cov-row cov-row--${p.status}${p.flagged ? ' cov-row--flagged' : ''}`}>
      <td>
        <span class="cov-n">{n}.</span> <strong>{pointName(lang, p)}</strong> <KindBadge lang={lang} kind={p.kind} />
        {p.address ? <div class="cov-address">{p.address}</div> : null}
      </td>
      <td>
        <span class={`cov-status cov-status--${p.status}`}>{t(lang, `coverage.${p.status}`)}</span>
        {p.flagged ? (
          <span class="cov-status cov-status--flagged" title={t(lang, 'coverage.flaggedHint')}>
            {t(lang, 'coverage.flagged')}
          </span>
        ) : null}
      </td>
      <td>
        {p.visits.length > 0 ? (
          <ul class="visit-lines">
            {p.visits.map((v) => (
              <VisitLine key={v.id} lang={lang} v={v} />
            ))}
          </ul>
        ) : (
          '—'
        )}
      </td>
    </tr>
  )
}

/** Supervisors: one shift's points, visited or missed, with who checked in when and where; map, table and CSV. */
export function CoveragePage() {
  const { lang } = useAdmin()
  const [pick, setPick] = useState<{ date?: string; shift?: string }>({})
  const [data, setData] = useState<Coverage | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const ctrl = new AbortController()
    setError(null)
    adminApi<Coverage>(`/patrol/coverage${query(pick)}`, { signal: ctrl.signal }).then(
      setData,
      (err: unknown) => !isAbort(err) && setError(asApiError(err)),
    )
    return () => ctrl.abort()
  }, [pick.date, pick.shift, attempt])

  const date = pick.date ?? data?.shift.date ?? bangkokDate()
  const shift = pick.shift ?? data?.shift.key ?? ''
  const origin = data?.start ?? data?.points[0] ?? null
  const markers = data
    ? withStation(
        lang,
        data.start,
        data.points.map((p, i) => markerOf(lang, p, i + 1)),
      )
    : []
  return (
    <Layout title={t(lang, 'coverage.title')}>
      <div class="cov-controls">
        <DateField
          lang={lang}
          label={t(lang, 'coverage.date')}
          value={date}
          max={bangkokDate()}
          onChange={(d) => d && setPick({ date: d, shift })}
        />
        <label class="field">
          <span class="field-label">{t(lang, 'coverage.shift')}</span>
          <select value={shift} onChange={(e) => setPick({ date, shift: e.currentTarget.value })}>
            {(data?.shifts ?? []).map((s) => (
              <option key={s.key} value={s.key}>
                {`${lang === 'th' ? s.nameTh : s.nameEn} (${s.start})`}
              </option>
            ))}
          </select>
        </label>
        <a
          class="button button-secondary cov-csv"
          href={`/api/admin/patrol/coverage.csv${query({ date, shift })}`}
          download
        >
          {t(lang, 'coverage.csv')}
        </a>
      </div>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {!data && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
      {data ? (
        <>
          <Totals lang={lang} c={data} />
          {data.points.length === 0 ? (
            <p class="empty">{t(lang, 'coverage.none')}</p>
          ) : (
            <MapAndList
              id="cov-table-title"
              title={t(lang, 'coverage.tableTitle')}
              map={
                origin ? <MapView lang={lang} center={origin} markers={markers} listMarkersInFallback={false} /> : null
              }
            >
              <table class="cov-table">
                <thead>
                  <tr>
                    <th scope="col">{t(lang, 'coverage.col.point')}</th>
                    <th scope="col">{t(lang, 'coverage.col.status')}</th>
                    <th scope="col">{t(lang, 'coverage.col.visits')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.points.map((p, i) => (
                    <Row key={p.id} lang={lang} p={p} n={i + 1} />
                  ))}
                </tbody>
              </table>
            </MapAndList>
          )}
        </>
      ) : null}
    </Layout>
  )
}

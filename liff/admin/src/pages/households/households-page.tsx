import type { Coverage, HouseholdListItem, ImportProblem, ImportResult } from '@contracts/households.js'
import { ApiError, asApiError, isAbort } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { type MapMarker, MapView } from '@shared/ui/map/index.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi, query } from '../../lib/api.js'
import { type Language, num, t, when } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { Layout } from '../../ui/layout.js'
import './households.css'

/** A share in per cent: one decimal, two below 1% (2 of 8,053 is 0.02%, not 0%). */
const pct = (part: number, whole: number) => {
  if (whole <= 0) {
    return 0
  }
  const p = (part / whole) * 100
  return p > 0 && p < 1 ? Math.round(p * 100) / 100 : Math.round(p * 10) / 10
}

/** One bar per area: registered out of the list's addresses (plain SVG; labels in HTML so Thai wraps). */
function CoverageBars({
  lang,
  rows,
}: {
  lang: Language
  rows: { key: string; label: string; total: number; registered: number; households: number }[]
}) {
  return (
    <ul class="hh-bars">
      {rows.map((r) => {
        const p = pct(r.registered, r.total)
        return (
          <li key={r.key}>
            <span class="hh-bar-label">{r.label}</span>
            <svg class="hh-bar" width="100%" height="18" role="img" aria-label={`${r.label}: ${p}%`}>
              <rect class="hh-bar-track" width="100%" height="18" rx="4" />
              <rect class="hh-bar-fill" width={`${Math.min(100, p)}%`} height="18" rx="4" />
            </svg>
            <span class="hh-bar-value">
              {`${num(lang, r.registered)} / ${num(lang, r.total)}`} <strong>{`${p}%`}</strong>
            </span>
          </li>
        )
      })}
    </ul>
  )
}

function Totals({ lang, c }: { lang: Language; c: Coverage }) {
  const items = [
    {
      key: 'registered',
      label: t(lang, 'households.registered'),
      value: num(lang, c.registered),
      sub: t(lang, 'households.ofTotal', { total: num(lang, c.total) }),
    },
    { key: 'coverage', label: t(lang, 'households.coverage'), value: `${pct(c.registered, c.total)}%`, sub: '' },
    { key: 'households', label: t(lang, 'households.households'), value: num(lang, c.households), sub: '' },
    { key: 'unmatched', label: t(lang, 'households.unmatched'), value: num(lang, c.unmatched), sub: '' },
    { key: 'members', label: t(lang, 'households.members'), value: num(lang, c.members), sub: '' },
    { key: 'lineUsers', label: t(lang, 'households.lineUsers'), value: num(lang, c.lineUsers), sub: '' },
  ]
  return (
    <div class="stats hh-totals">
      {items.map((i) => (
        <div key={i.key} class={`stat hh-stat-${i.key}`}>
          <p class="stat-label">{i.label}</p>
          <p class="stat-value">{i.value}</p>
          {i.sub ? <p class="hint">{i.sub}</p> : null}
        </div>
      ))}
    </div>
  )
}

function ImportCard({ lang, onDone }: { lang: Language; onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<ImportResult | null>(null)
  const [problems, setProblems] = useState<ImportProblem[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  async function upload(file: File) {
    setBusy(true)
    setResult(null)
    setProblems(null)
    setError(null)
    try {
      const csv = await file.text()
      setResult(await adminApi<ImportResult>('/zone-addresses/import', { method: 'POST', body: { csv } }))
      onDone()
    } catch (err) {
      const e = asApiError(err)
      const details = (e.body as { error?: { details?: { problems?: ImportProblem[] } } } | undefined)?.error?.details
      if (e instanceof ApiError && e.code === 'import_failed' && details?.problems) {
        setProblems(details.problems)
      } else {
        setError(e)
      }
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="card hh-import">
      <h2 class="card-title">{t(lang, 'households.import')}</h2>
      <p class="hint">{t(lang, 'households.importHint')}</p>
      <label class="button button-secondary hh-file">
        {t(lang, busy ? 'households.importing' : 'households.importButton')}
        <input
          type="file"
          accept=".csv,text/csv"
          disabled={busy}
          onChange={(e) => {
            const f = e.currentTarget.files?.[0]
            if (f) {
              void upload(f)
            }
            e.currentTarget.value = ''
          }}
        />
      </label>
      {result ? (
        <p class="hh-ok" role="status">
          {t(lang, 'households.imported', {
            rows: num(lang, result.rows),
            inserted: num(lang, result.inserted),
            updated: num(lang, result.updated),
            total: num(lang, result.total),
          })}
        </p>
      ) : null}
      {problems ? (
        <div class="hh-problems" role="alert">
          <p>
            <strong>{t(lang, 'households.importFailed')}</strong>
          </p>
          <ul>
            {problems.slice(0, 50).map((p) => (
              <li key={p.line}>
                <strong>{t(lang, 'households.line', { line: p.line })}</strong>: {p.problems.join('; ')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </section>
  )
}

function HouseholdList({ lang }: { lang: Language }) {
  const [rows, setRows] = useState<HouseholdListItem[] | null>(null)
  const [total, setTotal] = useState(0)
  const [error, setError] = useState<ApiError | null>(null)
  async function load(offset: number) {
    try {
      const out = await adminApi<{ total: number; households: HouseholdListItem[] }>(
        `/households${query({ offset, limit: 50 })}`,
      )
      setTotal(out.total)
      setRows((prev) => [...(offset > 0 ? (prev ?? []) : []), ...out.households])
    } catch (err) {
      setError(asApiError(err))
    }
  }
  return (
    <section class="card hh-list">
      <h2 class="card-title">{t(lang, 'households.list')}</h2>
      <p class="hint">{t(lang, 'households.listHint')}</p>
      {rows === null ? (
        <button type="button" class="button button-secondary" onClick={() => void load(0)}>
          {t(lang, 'households.showList')}
        </button>
      ) : (
        <>
          <ul class="hh-items">
            {rows.map((h) => (
              <li key={h.id}>
                <p class="hh-item-address">
                  {h.address}
                  {h.matched ? null : <span class="hh-tag hh-tag-warn">{t(lang, 'households.notListed')}</span>}
                </p>
                <p class="hh-item-meta">
                  {`${t(lang, 'households.members')} ${num(lang, h.members)} · ${t(lang, 'households.lineUsers')} ${num(lang, h.lineUsers)} · `}
                  <span class="hh-tag">{t(lang, `households.source.${h.source}`)}</span> {when(lang, h.createdAt)}
                </p>
              </li>
            ))}
          </ul>
          {rows.length < total ? (
            <button type="button" class="button button-secondary" onClick={() => void load(rows.length)}>
              {t(lang, 'households.more')}
            </button>
          ) : null}
        </>
      )}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </section>
  )
}

/**
 * Households of the zone (issue #14): registered households out of the imported address list, per municipality and
 * tambon (bars) and on the map (a ~100 m grid of counts), the list's import, and the households list (audited).
 */
export function HouseholdsPage() {
  const { lang, can } = useAdmin()
  const [data, setData] = useState<Coverage | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const ctrl = new AbortController()
    setError(null)
    adminApi<Coverage>('/households/coverage', { signal: ctrl.signal }).then(
      setData,
      (err: unknown) => !isAbort(err) && setError(asApiError(err)),
    )
    return () => ctrl.abort()
  }, [attempt])

  const markers: MapMarker[] = (data?.density ?? []).map(([lat, lng, n], i) => ({
    id: `d${i}`,
    lat,
    lng,
    label: `${n}`,
    kind: 'house',
    tone: 'done',
  }))
  const centre =
    markers.length > 0
      ? {
          lat: markers.reduce((s, m) => s + m.lat, 0) / markers.length,
          lng: markers.reduce((s, m) => s + m.lng, 0) / markers.length,
        }
      : { lat: 12.6815, lng: 101.2758 }
  const outside = t(lang, 'households.outside')
  return (
    <Layout title={t(lang, 'households.title')}>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {data ? (
        <>
          <Totals lang={lang} c={data} />
          {data.total === 0 ? <p class="hint hh-none">{t(lang, 'households.none')}</p> : null}
          <div class="hh-grid">
            <section class="card">
              <h2 class="card-title">{t(lang, 'households.byMunicipality')}</h2>
              <CoverageBars
                lang={lang}
                rows={data.byMunicipality.map((m) => ({
                  key: m.municipality ?? '',
                  label: m.municipality ?? outside,
                  ...m,
                }))}
              />
              <h2 class="card-title hh-sub">{t(lang, 'households.byTambon')}</h2>
              <CoverageBars
                lang={lang}
                rows={data.bySubdistrict.map((r) => ({
                  key: `${r.municipality}/${r.subdistrict}`,
                  label: `${lang === 'th' ? 'ต.' : ''}${r.subdistrict}`,
                  ...r,
                }))}
              />
            </section>
            <section class="card">
              <h2 class="card-title">{t(lang, 'households.map')}</h2>
              <MapView lang={lang} center={centre} zoom={14} markers={markers} height="360px" />
              <p class="hint">{t(lang, 'households.mapHint')}</p>
            </section>
          </div>
        </>
      ) : error ? null : (
        <div class="loading" aria-hidden="true" />
      )}
      {can('households.import') ? <ImportCard lang={lang} onDone={() => setAttempt((n) => n + 1)} /> : null}
      <HouseholdList lang={lang} />
    </Layout>
  )
}

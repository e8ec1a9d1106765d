import type { PatrolStopView, PatrolToday } from '@contracts/patrol.js'
import { type ApiError, asApiError, isAbort } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { googleDirectionsUrl, MapView } from '@shared/ui/map/index.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { day, type Language, t, when } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { Layout } from '../../ui/layout.js'
import { distance, KindBadge, MapAndList, markerOf, pointName, VisitLine, withStation } from './parts.js'
import './patrol.css'

function Stop({ lang, s }: { lang: Language; s: PatrolStopView }) {
  const done = s.visits.length > 0
  return (
    <li class={`stop${done ? ' stop--done' : ''}`} id={`stop-${s.id}`} tabIndex={-1}>
      <div class="stop__head">
        <span class="stop__order" aria-hidden="true">
          {s.order}
        </span>
        <h3 class="stop__name">{pointName(lang, s)}</h3>
        <KindBadge lang={lang} kind={s.kind} />
      </div>
      {s.address ? <p class="stop__address">{s.address}</p> : null}
      {s.notes ? (
        <p class="stop__notes">
          <strong>{t(lang, 'patrol.notes')}:</strong> {s.notes}
        </p>
      ) : null}
      <p class="stop__meta">
        {t(lang, 'patrol.leg', { distance: distance(lang, s.legMeters) })}
        {s.watchEndsOn ? ` · ${t(lang, 'patrol.until', { day: day(lang, s.watchEndsOn) })}` : ''}
      </p>
      <p class={`stop__state${done ? ' is-done' : ''}`}>
        {t(lang, done ? 'patrol.visitedThisShift' : 'patrol.notVisited')}
      </p>
      {done ? (
        <ul class="visit-lines">
          {s.visits.map((v) => (
            <VisitLine key={v.id} lang={lang} v={v} />
          ))}
        </ul>
      ) : (
        <p class="stop__meta">
          {s.lastVisit
            ? t(lang, 'patrol.lastVisit', { when: when(lang, s.lastVisit.at), officer: s.lastVisit.officerName })
            : t(lang, 'patrol.neverVisited')}
        </p>
      )}
      <a class="button button-secondary stop__nav" href={googleDirectionsUrl(s)} target="_blank" rel="noopener">
        {t(lang, 'patrol.navigate')}
      </a>
    </li>
  )
}

/** Patrol officers' round: today's houses and red boxes on the map and as a list in route order. */
export function PatrolPage() {
  const { lang } = useAdmin()
  const [data, setData] = useState<PatrolToday | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const ctrl = new AbortController()
    setError(null)
    adminApi<PatrolToday>('/patrol/today', { signal: ctrl.signal }).then(
      setData,
      (err: unknown) => !isAbort(err) && setError(asApiError(err)),
    )
    return () => ctrl.abort()
  }, [attempt])

  const origin = data?.start ?? data?.stops[0] ?? null
  const markers = data
    ? withStation(
        lang,
        data.start,
        data.stops.map((s) => markerOf(lang, s, s.order)),
      )
    : []
  const focus = (id: string) => {
    const el = document.getElementById(`stop-${id}`)
    el?.scrollIntoView({ behavior: 'smooth', block: 'center' })
    el?.focus({ preventScroll: true })
  }
  const done = data?.stops.filter((s) => s.visits.length > 0).length ?? 0
  return (
    <Layout title={t(lang, 'patrol.title')}>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {!data && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
      {data ? (
        <>
          <p class="patrol-summary">
            {t(lang, 'patrol.summary', {
              shift: lang === 'th' ? data.shift.nameTh : data.shift.nameEn,
              done,
              total: data.stops.length,
              distance: distance(lang, data.totalMeters),
            })}
            {' · '}
            {day(lang, data.date)}
          </p>
          {!data.start && data.stops.length > 0 ? <p class="hint">{t(lang, 'patrol.noStart')}</p> : null}
          {data.stops.length === 0 ? (
            <p class="empty">{t(lang, 'patrol.none')}</p>
          ) : (
            <MapAndList
              id="patrol-list-title"
              title={t(lang, 'patrol.listTitle')}
              map={
                origin ? (
                  <MapView
                    lang={lang}
                    center={origin}
                    markers={markers}
                    route={[origin, ...data.stops]}
                    onMarkerClick={(id) => id !== 'station' && focus(id)}
                    listMarkersInFallback={false}
                  />
                ) : null
              }
            >
              <ol class="stops">
                {data.stops.map((s) => (
                  <Stop key={s.id} lang={lang} s={s} />
                ))}
              </ol>
            </MapAndList>
          )}
        </>
      ) : null}
    </Layout>
  )
}

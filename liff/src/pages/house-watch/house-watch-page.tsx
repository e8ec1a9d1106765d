import { formatDay } from '@contracts/dates.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { currentRoute } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { formatDateTime, type Language } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import { hw } from './texts.js'
import type { OwnerWatch, WatchDetail } from './types.js'
import { VisitLog } from './visit-log.js'
import { StickerButton, WatchActions } from './watch-actions.js'
import '../lost-document/form.css'
import '../lost-document/form-parts.css'
import './house-watch.css'

/** Status, period (BE dates), how the owner hears of visits, and how many there were. */
export function WatchSummary({ lang, watch }: { lang: Language; watch: OwnerWatch }) {
  return (
    <>
      <p class={`status-badge status-${watch.status}`}>{lang === 'th' ? watch.statusTh : watch.statusEn}</p>
      <dl class="details">
        <div class="detail-row">
          <dt>{hw(lang, 'period')}</dt>
          <dd>
            {hw(lang, 'periodValue', {
              from: formatDay(lang, watch.startsOn, 'long'),
              to: formatDay(lang, watch.endsOn, 'long'),
            })}
          </dd>
        </div>
        <div class="detail-row">
          <dt>{hw(lang, 'notify')}</dt>
          <dd>{hw(lang, `notify.${watch.notify}`)}</dd>
        </div>
      </dl>
      <p class="visit-count">
        {watch.visitCount > 0 ? hw(lang, 'visitsCount', { count: watch.visitCount }) : hw(lang, 'noVisits')}
        {watch.lastVisitAt ? (
          <span class="hint">
            {' '}
            · {hw(lang, 'lastVisit', { date: formatDateTime(lang, new Date(watch.lastVisitAt)) })}
          </span>
        ) : null}
      </p>
      {watch.endedAt ? (
        <p class="notice notice-info">
          {hw(lang, 'ended', { date: formatDateTime(lang, new Date(watch.endedAt)) })}
          {watch.endReason ? ` (${hw(lang, `reason.${watch.endReason}`)})` : ''}
        </p>
      ) : null}
    </>
  )
}

/**
 * The owner's house watch (issue #13, point 6): status and period, the sticker, the visit log with the patrols'
 * photos, "I'm home" and "extend". The approval message in LINE links here (`/house-watch/<caseId>`).
 */
export function HouseWatchPage() {
  const { lang } = useSession()
  const caseId = currentRoute().split('/')[1] ?? ''
  const [detail, setDetail] = useState<WatchDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    setError(null)
    api<WatchDetail>(`/api/liff/house-watch/${encodeURIComponent(caseId)}`).then(setDetail, (err: unknown) =>
      setError(asApiError(err)),
    )
  }, [caseId, attempt])

  const back = { to: 'house-watch/mine', label: hw(lang, 'listTitle') }
  if (!detail) {
    const missing = error && (error.status === 404 || error.status === 400)
    return (
      <Shell lang={lang} title={hw(lang, 'listTitle')} back={back}>
        {error ? (
          <ErrorNotice
            th={missing ? hw('th', 'notFound') : error.th}
            en={missing ? hw('en', 'notFound') : error.en}
            reqId={error.reqId}
            onRetry={missing ? undefined : () => setAttempt((n) => n + 1)}
          />
        ) : (
          <div class="loading" aria-hidden="true" />
        )}
      </Shell>
    )
  }
  const { watch, visits } = detail
  return (
    <Shell lang={lang} title={hw(lang, 'detailTitle', { ref: watch.referenceNumber })} back={back}>
      <div class="watch-layout">
        <div class="watch-side">
          <Card>
            <WatchSummary lang={lang} watch={watch} />
            {watch.running ? (
              <StickerButton lang={lang} caseId={watch.caseId} reference={watch.referenceNumber} />
            ) : null}
          </Card>
          {watch.running ? (
            <Card>
              <WatchActions lang={lang} detail={detail} onChange={setDetail} />
            </Card>
          ) : null}
        </div>
        <Card title={hw(lang, 'visits')}>
          <VisitLog lang={lang} caseId={watch.caseId} visits={visits} />
        </Card>
      </div>
    </Shell>
  )
}

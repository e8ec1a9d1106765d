import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { STATUSES_BY_KIND, statusLabel } from '../i18n/labels.js'
import { type Language, num, t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { type StreamState, useCaseStream } from '../lib/stream.js'
import { Layout } from '../ui/layout.js'
import { CaseRow } from './case-row.js'
import { type Filters, loadFilters, saveFilters, useInbox } from './inbox-data.js'
import { InboxFilters } from './inbox-filters.js'

const STATUS_ORDER = [...new Set(Object.values(STATUSES_BY_KIND).flat())]

function LiveIndicator({ lang, state }: { lang: Language; state: StreamState }) {
  return (
    <span class={`live live-${state}`}>
      <span class="live-dot" aria-hidden="true" />
      {t(lang, state === 'live' ? 'inbox.live' : state === 'connecting' ? 'inbox.connecting' : 'inbox.offline')}
    </span>
  )
}

/** Counts per status as toggles: one tap shows only that status. */
function StatusChips({
  lang,
  counts,
  filters,
  onChange,
}: {
  lang: Language
  counts: Record<string, number>
  filters: Filters
  onChange: (f: Filters) => void
}) {
  const shown = STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0 || s === filters.status)
  const extra = Object.keys(counts).filter((s) => !STATUS_ORDER.includes(s) && (counts[s] ?? 0) > 0)
  const total = Object.values(counts).reduce((a, b) => a + b, 0)
  const chip = (status: string, label: string, count: number) => (
    <li key={status || 'all'}>
      <button
        type="button"
        class="chip"
        aria-pressed={filters.status === status}
        onClick={() => onChange({ ...filters, status })}
      >
        <span>{label}</span>
        <span class="chip-count">{num(lang, count)}</span>
      </button>
    </li>
  )
  return (
    <ul class="chips" aria-label={t(lang, 'inbox.byStatus')}>
      {chip('', t(lang, 'inbox.allStatuses'), total)}
      {[...shown, ...extra].map((s) => chip(s, statusLabel(lang, s), counts[s] ?? 0))}
    </ul>
  )
}

/** The case inbox: every kind in one list, newest first, live. */
export function InboxPage() {
  const { lang, me } = useAdmin()
  const [filters, setFilters] = useState<Filters>(loadFilters)
  const { data, error, retry, loadingMore, loadMore, refresh, fresh, announce } = useInbox(filters)
  const sentinel = useRef<HTMLDivElement>(null)

  const change = useCallback((f: Filters) => {
    saveFilters(f)
    setFilters(f)
  }, [])

  const pending = useRef<number | undefined>(undefined)
  const stream = useCaseStream(() => {
    window.clearTimeout(pending.current)
    pending.current = window.setTimeout(() => void refresh(), 300)
  })
  useEffect(() => () => window.clearTimeout(pending.current), [])

  // Infinite scroll; the "load more" button stays for keyboards and screen readers.
  useEffect(() => {
    const el = sentinel.current
    if (!el || !data?.nextCursor || typeof IntersectionObserver === 'undefined') {
      return
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          void loadMore()
        }
      },
      { rootMargin: '200px' },
    )
    observer.observe(el)
    return () => observer.disconnect()
  }, [data?.nextCursor, loadMore])

  const added = announce ? Number(announce.split(':')[0]) : 0
  return (
    <Layout title={t(lang, 'inbox.title')} aside={<LiveIndicator lang={lang} state={stream} />}>
      <InboxFilters lang={lang} filters={filters} onChange={change} />
      {data ? <StatusChips lang={lang} counts={data.counts} filters={filters} onChange={change} /> : null}
      <p class="visually-hidden" role="status" aria-live="polite">
        {added > 0 ? t(lang, 'inbox.arrived', { count: added }) : ''}
      </p>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={retry} /> : null}
      {!data && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
      {data && data.items.length === 0 ? <p class="empty">{t(lang, 'inbox.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul class="case-list">
          {data.items.map((item) => (
            <CaseRow key={item.id} lang={lang} item={item} fresh={fresh.has(item.id)} myId={me.officer.id} />
          ))}
        </ul>
      ) : null}
      {data?.nextCursor ? (
        <div ref={sentinel} class="load-more">
          <button type="button" class="button button-secondary" disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? t(lang, 'common.loading') : t(lang, 'inbox.loadMore')}
          </button>
        </div>
      ) : null}
    </Layout>
  )
}

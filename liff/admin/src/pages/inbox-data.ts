import { type ApiError, asApiError, isAbort } from '@shared/lib/api.js'
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import { adminApi, query } from '../lib/api.js'
import { bangkokDate, dayBoundary } from '../lib/i18n.js'
import type { CaseKind, CaseList, CaseListItem } from '../lib/types.js'

export type Filters = {
  q: string
  kind: CaseKind | ''
  status: string
  assignee: 'all' | 'me' | 'none'
  overdue: boolean
  range: 'all' | 'today' | '7d' | '30d' | 'custom'
  from: string
  to: string
}

export const NO_FILTERS: Filters = {
  q: '',
  kind: '',
  status: '',
  assignee: 'all',
  overdue: false,
  range: 'all',
  from: '',
  to: '',
}
const STORAGE_KEY = 'rsz.admin.inbox'
const PAGE = 30

/** The inbox filters survive opening a case and coming back (and a reload), not a new LINE session. */
export function loadFilters(): Filters {
  try {
    return { ...NO_FILTERS, ...(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Filters>) }
  } catch {
    return NO_FILTERS
  }
}
export function saveFilters(f: Filters) {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(f))
  } catch {
    // Private mode: filters last for this page.
  }
}

function dates(f: Filters): { from?: string; to?: string } {
  const days = { today: 0, '7d': 6, '30d': 29 } as const
  if (f.range === 'today' || f.range === '7d' || f.range === '30d') {
    return { from: dayBoundary(bangkokDate(days[f.range]), 'start') }
  }
  if (f.range === 'custom') {
    return {
      from: f.from ? dayBoundary(f.from, 'start') : undefined,
      to: f.to ? dayBoundary(f.to, 'end') : undefined,
    }
  }
  return {}
}

export function casesPath(f: Filters, cursor?: string | null): string {
  return `/cases${query({
    kind: f.kind,
    status: f.status,
    assignee: f.assignee === 'all' ? undefined : f.assignee,
    overdue: f.overdue ? 'true' : undefined,
    q: f.q.trim(),
    ...dates(f),
    cursor,
    limit: PAGE,
  })}`
}

type Data = { items: CaseListItem[]; nextCursor: string | null; counts: Record<string, number> }

/** The inbox list: first page per filter, "load more" by cursor, and a merge of fresh cases at the top. */
export function useInbox(filters: Filters) {
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set())
  const [announce, setAnnounce] = useState('')
  const [attempt, setAttempt] = useState(0)
  const current = useRef<Data | null>(null)
  current.current = data
  const path = casesPath(filters)

  useEffect(() => {
    const ctrl = new AbortController()
    setError(null)
    setData(null)
    adminApi<CaseList>(path, { signal: ctrl.signal }).then(setData, (err: unknown) => {
      if (!isAbort(err)) {
        setError(asApiError(err))
      }
    })
    return () => ctrl.abort()
  }, [path, attempt])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  const loadMore = useCallback(async () => {
    const now = current.current
    if (!now?.nextCursor || loadingMore) {
      return
    }
    setLoadingMore(true)
    try {
      const next = await adminApi<CaseList>(casesPath(filters, now.nextCursor))
      const seen = new Set(now.items.map((i) => i.id))
      setData({ ...next, items: [...now.items, ...next.items.filter((i) => !seen.has(i.id))] })
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setLoadingMore(false)
    }
  }, [filters, loadingMore])

  /** After a stream event: the first page again; cases not seen before go on top, highlighted. */
  const refresh = useCallback(async () => {
    try {
      const top = await adminApi<CaseList>(path)
      const now = current.current
      if (!now) {
        setData(top)
        return
      }
      const known = new Set(now.items.map((i) => i.id))
      const topIds = new Set(top.items.map((i) => i.id))
      const added = top.items.filter((i) => !known.has(i.id)).map((i) => i.id)
      // Pages loaded below the first stay (older cases), so the officer keeps their place in a long list.
      const last = top.items.at(-1)?.createdAt ?? ''
      // A case pinned before and taken since goes back to its place by time.
      const older =
        now.items.length > PAGE
          ? now.items
              .filter((i) => !topIds.has(i.id) && i.createdAt <= last)
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
          : []
      const nextCursor = older.length > 0 ? now.nextCursor : top.nextCursor
      setData({ items: [...top.items, ...older], counts: top.counts, nextCursor })
      if (added.length > 0) {
        setFresh((prev) => new Set([...prev, ...added]))
        setAnnounce(`${added.length}:${Date.now()}`)
      }
    } catch {
      // The stream will trigger another refresh; the list on screen stays valid.
    }
  }, [path])

  return { data, error, retry, loadingMore, loadMore, refresh, fresh, announce }
}

import type { CameraStats, CameraView } from '@contracts/camera-registry.js'
import { CAMERA_OWNER_TYPES, CAMERA_STATUSES, CAMERA_VERIFICATION } from '@contracts/cameras.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { CAMERA_COLOURS } from '@shared/ui/map/camera-layer.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi, query } from '../../lib/api.js'
import { num } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { Layout } from '../../ui/layout.js'
import { CameraForm } from './camera-form.js'
import { RegistryMap } from './camera-map.js'
import { CameraDetail } from './detail.js'
import { ImportPanel } from './import-panel.js'
import { PendingQueue } from './queue.js'
import { ct } from './texts.js'
import './registry.css'

type Filters = { ownerType: string; status: string; verification: string; q: string }
const PAGE = 30

/** The counts for the header: verified cameras by owner type, offline, pending (the 132 / 86 / 198 of the seed). */
export function CameraCounts({ stats }: { stats: CameraStats }) {
  const { lang } = useAdmin()
  return (
    <ul class="camera-counts" aria-label={ct(lang, 'title')}>
      <li>
        <span class="camera-count-n">{num(lang, stats.total)}</span>
        <span>{ct(lang, 'total')}</span>
      </li>
      {CAMERA_OWNER_TYPES.map((o) => (
        <li key={o} data-owner={o}>
          <span class="camera-count-n" style={{ color: CAMERA_COLOURS[o] }}>
            {num(lang, stats.byOwnerType[o])}
          </span>
          <span>{ct(lang, `owner.${o}`)}</span>
        </li>
      ))}
      <li>
        <span class="camera-count-n">{num(lang, stats.byStatus.offline)}</span>
        <span>{ct(lang, 'status.offline')}</span>
      </li>
      {stats.pending > 0 ? (
        <li>
          <span class="camera-count-n camera-count-pending">{num(lang, stats.pending)}</span>
          <span>{ct(lang, 'pending')}</span>
        </li>
      ) : null}
    </ul>
  )
}

function Legend() {
  const { lang } = useAdmin()
  return (
    <ul class="camera-legend" aria-label={ct(lang, 'legend')}>
      {CAMERA_OWNER_TYPES.map((o) => (
        <li key={o}>
          <span class={`camera-pin camera-pin--${o}`} aria-hidden="true">
            {o === 'police' ? 'P' : o === 'agency' ? 'A' : 'V'}
          </span>
          {ct(lang, `owner.${o}`)}
        </li>
      ))}
      <li>
        <span class="camera-pin camera-pin--police camera-pin--offline" aria-hidden="true" />
        {ct(lang, 'offlineLegend')}
      </li>
      <li>
        <span class="camera-pin camera-pin--private camera-pin--pending" aria-hidden="true" />
        {ct(lang, 'pendingLegend')}
      </li>
    </ul>
  )
}

/**
 * The CCOC camera registry (issue #15, points 1 and 2): the counts, the map with the camera layer (filterable by
 * owner type, status, verification and text; popups with the details), the list, and for cameras.edit the import,
 * add / edit / retire and the queue of citizens' registrations to verify.
 */
export function CameraRegistryPage() {
  const { lang, can } = useAdmin()
  const notify = useToast()
  const editor = can('cameras.edit')
  const [filters, setFilters] = useState<Filters>({ ownerType: '', status: '', verification: '', q: '' })
  const [stats, setStats] = useState<CameraStats | null>(null)
  const [items, setItems] = useState<CameraView[]>([])
  const [total, setTotal] = useState(0)
  const [shown, setShown] = useState(PAGE)
  const [selected, setSelected] = useState<string | null>(null)
  const [editing, setEditing] = useState<CameraView | 'new' | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [version, setVersion] = useState(0)
  const reload = () => setVersion((v) => v + 1)

  useEffect(() => {
    const ctl = new AbortController()
    const q = query({ ...filters, q: filters.q.trim(), limit: 5000 })
    Promise.all([
      adminApi<CameraStats>('/cameras/stats', { signal: ctl.signal }),
      adminApi<{ items: CameraView[]; total: number }>(`/cameras${q}`, { signal: ctl.signal }),
    ])
      .then(([s, list]) => {
        setStats(s)
        setItems(list.items)
        setTotal(list.total)
        setError(null)
      })
      .catch((err: unknown) => {
        if (!ctl.signal.aborted) {
          setError(asApiError(err))
        }
      })
    return () => ctl.abort()
  }, [filters.ownerType, filters.status, filters.verification, filters.q, version])

  const current = items.find((c) => c.id === selected) ?? null
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }))
    setShown(PAGE)
  }
  const select = (label: string, key: keyof Filters, values: readonly string[], prefix: string) => (
    <label class="field" for={`cam-filter-${key}`}>
      <span class="field-label">{label}</span>
      <select id={`cam-filter-${key}`} value={filters[key]} onChange={(e) => set({ [key]: e.currentTarget.value })}>
        <option value="">{ct(lang, 'all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {ct(lang, `${prefix}.${v}` as Parameters<typeof ct>[1])}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <Layout
      title={ct(lang, 'title')}
      aside={
        editor ? (
          <button type="button" class="button button-small" onClick={() => setEditing('new')}>
            {ct(lang, 'add')}
          </button>
        ) : undefined
      }
    >
      {error ? <ErrorNotice th={error.th} en={error.en} onRetry={reload} /> : null}
      {stats ? <CameraCounts stats={stats} /> : null}
      {editor ? <PendingQueue version={version} onChanged={reload} /> : null}
      <div class="camera-filters">
        <ul class="chips" aria-label={ct(lang, 'ownerType')}>
          {['', ...CAMERA_OWNER_TYPES].map((o) => (
            <li key={o || 'all'}>
              <button
                type="button"
                class="chip"
                aria-pressed={filters.ownerType === o}
                onClick={() => set({ ownerType: o })}
              >
                {o ? ct(lang, `owner.${o as 'police'}`) : ct(lang, 'all')}
                {stats && o ? <span class="chip-count">{num(lang, stats.byOwnerType[o as 'police'])}</span> : null}
              </button>
            </li>
          ))}
        </ul>
        <div class="camera-filter-row">
          {select(ct(lang, 'status'), 'status', CAMERA_STATUSES, 'status')}
          {editor ? select(ct(lang, 'verification'), 'verification', CAMERA_VERIFICATION, 'verification') : null}
          <label class="field" for="cam-filter-q">
            <span class="field-label">{ct(lang, 'search')}</span>
            <input
              id="cam-filter-q"
              type="search"
              value={filters.q}
              onChange={(e) => set({ q: e.currentTarget.value })}
            />
          </label>
        </div>
      </div>
      <div class="camera-layout">
        <div class="camera-map-col">
          <RegistryMap
            lang={lang}
            cameras={items}
            selectedId={selected}
            onSelect={setSelected}
            height="min(62vh, 560px)"
          />
          <Legend />
        </div>
        <div class="camera-side">
          {current ? (
            <CameraDetail
              camera={current}
              editor={editor}
              onEdit={() => setEditing(current)}
              onClose={() => setSelected(null)}
              onChanged={reload}
            />
          ) : null}
          <Card title={ct(lang, 'list')}>
            <p class="hint" role="status">
              {ct(lang, 'showing', { n: num(lang, Math.min(shown, items.length)), total: num(lang, total) })}
            </p>
            {items.length === 0 ? <p>{ct(lang, 'none')}</p> : null}
            <ul class="row-list camera-list">
              {items.slice(0, shown).map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    class={`camera-row${c.id === selected ? ' camera-row--on' : ''}`}
                    onClick={() => setSelected(c.id)}
                  >
                    <span class={`camera-pin camera-pin--${c.ownerType} camera-pin--${c.status}`} aria-hidden="true" />
                    <span class="camera-row-text">
                      <span class="camera-row-code">{c.code}</span>
                      <span>{c.name}</span>
                      <span class="hint">
                        {ct(lang, `owner.${c.ownerType}`)} · {ct(lang, `status.${c.status}`)}
                        {c.verification !== 'verified' ? ` · ${ct(lang, `verification.${c.verification}`)}` : ''}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {shown < items.length ? (
              <button
                type="button"
                class="button button-secondary button-block"
                onClick={() => setShown((n) => n + PAGE)}
              >
                {ct(lang, 'more')}
              </button>
            ) : null}
          </Card>
          {editor ? (
            <details class="card camera-import-card">
              <summary class="card-title">{ct(lang, 'import')}</summary>
              <ImportPanel onImported={reload} />
            </details>
          ) : null}
        </div>
      </div>
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? ct(lang, 'add') : `${ct(lang, 'edit')} ${editing?.code ?? ''}`}
        onClose={() => setEditing(null)}
      >
        {editing !== null ? (
          <CameraForm
            camera={editing === 'new' ? null : editing}
            onDone={(c) => {
              notify(ct(lang, editing === 'new' ? 'created' : 'saved'))
              setEditing(null)
              setSelected(c.id)
              reload()
            }}
          />
        ) : null}
      </Dialog>
    </Layout>
  )
}

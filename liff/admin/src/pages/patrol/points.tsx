import type { PatrolPointView } from '@contracts/house-watch.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { type LatLng, MapView } from '@shared/ui/map/index.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { type AdminKey, t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { Layout } from '../../ui/layout.js'
import { PointForm } from './point-form.js'
import './points.css'

/** Mueang Rayong police station: where the map opens before the station has any point. */
const RAYONG: LatLng = { lat: 12.6814, lng: 101.2816 }

function PointRow({ p, onEdit, onChanged }: { p: PatrolPointView; onEdit: () => void; onChanged: () => void }) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [error, setError] = useState<ApiError | null>(null)
  const name = (lang === 'th' ? p.nameTh : p.nameEn) ?? t(lang, 'points.house')
  async function act(path: string, body: unknown, done: AdminKey) {
    setError(null)
    try {
      await adminApi(path, { method: body === undefined ? 'POST' : 'PATCH', body })
      notify(t(lang, done))
      onChanged()
    } catch (err) {
      setError(asApiError(err))
    }
  }
  return (
    <li class={`row-card point-row${p.active ? '' : ' point-retired'}`}>
      <p class="row-title">
        <span class={`point-kind point-kind-${p.kind}`}>{t(lang, `points.kind.${p.kind}`)}</span> {p.code}
        {p.active ? null : <span class="flag">{t(lang, 'points.retired')}</span>}
      </p>
      <p class="row-note">{name}</p>
      <p class="hint">
        {`${p.latitude.toFixed(5)}, ${p.longitude.toFixed(5)} · ${t(lang, 'points.qrVersion', { v: p.qrVersion })}`}
      </p>
      <div class="row-actions">
        <a
          class="button button-secondary"
          href={`/api/admin/patrol/points/${p.id}/sticker.pdf`}
          target="_blank"
          rel="noopener"
        >
          {t(lang, 'points.sticker')}
        </a>
        {p.kind === 'red_box' ? (
          <>
            <button type="button" class="button button-secondary" onClick={onEdit}>
              {t(lang, 'points.edit')}
            </button>
            <button
              type="button"
              class="button button-secondary"
              onClick={() =>
                act(
                  `/patrol/points/${p.id}`,
                  { active: !p.active },
                  p.active ? 'points.retiredDone' : 'points.activeDone',
                )
              }
            >
              {t(lang, p.active ? 'points.retire' : 'points.activate')}
            </button>
          </>
        ) : null}
        <button
          type="button"
          class="button button-secondary"
          onClick={() => {
            if (window.confirm(t(lang, 'points.reissueConfirm', { code: p.code }))) {
              void act(`/patrol/points/${p.id}/reissue`, undefined, 'points.reissued')
            }
          }}
        >
          {t(lang, 'points.reissue')}
        </button>
      </div>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </li>
  )
}

/**
 * Red boxes 4.0 (issue #13, point 8; patrol.points): the station's patrol points on the map and as a list, red
 * boxes registered, edited, retired; any point's QR sticker printed or reissued (old stickers then stop working).
 */
export function PatrolPointsPage() {
  const { lang } = useAdmin()
  const [items, setItems] = useState<PatrolPointView[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [editing, setEditing] = useState<PatrolPointView | 'new' | null>(null)
  useEffect(() => {
    setError(null)
    adminApi<{ items: PatrolPointView[] }>('/patrol/points').then(
      (r) => setItems(r.items),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [attempt])
  const reload = () => setAttempt((n) => n + 1)
  const first = items?.[0]
  const center = first ? { lat: first.latitude, lng: first.longitude } : RAYONG
  const markers = (items ?? []).map((p) => ({
    id: p.id,
    lat: p.latitude,
    lng: p.longitude,
    label: `${p.code} ${(lang === 'th' ? p.nameTh : p.nameEn) ?? ''}`.trim(),
    kind: p.kind,
    tone: p.active ? ('normal' as const) : ('flagged' as const),
  }))
  return (
    <Layout title={t(lang, 'points.title')}>
      <p class="hint">{t(lang, 'points.intro')}</p>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={reload} /> : null}
      {editing ? (
        <Card title={t(lang, editing === 'new' ? 'points.new' : 'points.edit')}>
          <PointForm
            point={editing === 'new' ? null : editing}
            center={center}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null)
              reload()
            }}
          />
        </Card>
      ) : (
        <button type="button" class="button button-primary points-add" onClick={() => setEditing('new')}>
          {t(lang, 'points.add')}
        </button>
      )}
      {items && items.length > 0 && !editing ? (
        <Card>
          <MapView center={center} markers={markers} listMarkersInFallback={false} height="320px" lang={lang} />
        </Card>
      ) : null}
      {!items && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
      {items && items.length === 0 ? <p class="hint">{t(lang, 'points.none')}</p> : null}
      {items && items.length > 0 ? (
        <ul class="row-list">
          {items.map((p) => (
            <PointRow key={p.id} p={p} onEdit={() => setEditing(p)} onChanged={reload} />
          ))}
        </ul>
      ) : null}
    </Layout>
  )
}

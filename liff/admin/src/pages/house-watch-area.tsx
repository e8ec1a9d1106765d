import type { Jurisdiction } from '@contracts/house-watch.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../lib/api.js'
import { type AdminKey, t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'

/** GET/PUT /api/admin/house-watch/area (bot/house-watch/settings/area.schema.ts). */
type Neighbour = {
  nameTh: string
  nameEn: string
  phone: string
  latitude: number
  longitude: number
  area: Jurisdiction | null
}
type Area = { jurisdiction: Jurisdiction | null; neighbours: Neighbour[] }

/** The boundary as the admin pastes it (GeoJSON from a GIS tool): undefined while it does not parse. */
function parseArea(text: string): Jurisdiction | null | undefined {
  if (text.trim() === '') {
    return null
  }
  try {
    const value = JSON.parse(text) as { type?: string }
    return value.type === 'Polygon' || value.type === 'MultiPolygon' ? (value as Jurisdiction) : undefined
  } catch {
    return undefined
  }
}

function NeighbourRow(p: { n: Neighbour; onChange: (n: Neighbour) => void; onRemove: () => void }) {
  const { lang } = useAdmin()
  const text = (key: 'nameTh' | 'nameEn' | 'phone', label: AdminKey) => (
    <label class="field">
      <span class="field-label">{t(lang, label)}</span>
      <input value={p.n[key]} maxLength={200} onInput={(e) => p.onChange({ ...p.n, [key]: e.currentTarget.value })} />
    </label>
  )
  const coordinate = (key: 'latitude' | 'longitude', label: AdminKey) => (
    <label class="field">
      <span class="field-label">{t(lang, label)}</span>
      <input
        type="number"
        step="0.0001"
        inputMode="decimal"
        value={p.n[key]}
        onInput={(e) => p.onChange({ ...p.n, [key]: Number(e.currentTarget.value) })}
      />
    </label>
  )
  return (
    <fieldset class="hws-shift">
      {text('nameTh', 'hwa.nameTh')}
      {text('nameEn', 'hwa.nameEn')}
      {text('phone', 'hwa.phone')}
      {coordinate('latitude', 'hwa.latitude')}
      {coordinate('longitude', 'hwa.longitude')}
      <button type="button" class="button button-secondary" onClick={p.onRemove}>
        {t(lang, 'hwa.remove')}
      </button>
    </fieldset>
  )
}

function AreaForm({ initial }: { initial: Area }) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [neighbours, setNeighbours] = useState(initial.neighbours)
  const [boundary, setBoundary] = useState(initial.jurisdiction ? JSON.stringify(initial.jurisdiction) : '')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const jurisdiction = parseArea(boundary)
  async function save(e: Event) {
    e.preventDefault()
    if (jurisdiction === undefined) {
      return
    }
    setBusy(true)
    setError(null)
    try {
      const saved = await adminApi<Area>('/house-watch/area', { method: 'PUT', body: { jurisdiction, neighbours } })
      setNeighbours(saved.neighbours)
      setBoundary(saved.jurisdiction ? JSON.stringify(saved.jurisdiction) : '')
      notify(t(lang, 'hwa.saved'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="form" onSubmit={save}>
      <Card title={t(lang, 'hwa.neighbours')}>
        <p class="field-hint">{t(lang, 'hwa.neighboursHint')}</p>
        <div class="hws-shifts">
          {neighbours.map((n, i) => (
            <NeighbourRow
              key={i}
              n={n}
              onChange={(next) => setNeighbours(neighbours.map((m, j) => (j === i ? next : m)))}
              onRemove={() => setNeighbours(neighbours.filter((_, j) => j !== i))}
            />
          ))}
          <button
            type="button"
            class="button button-secondary"
            onClick={() =>
              setNeighbours([
                ...neighbours,
                { nameTh: '', nameEn: '', phone: '', latitude: 12.68, longitude: 101.27, area: null },
              ])
            }
          >
            {t(lang, 'hwa.add')}
          </button>
        </div>
      </Card>
      <Card title={t(lang, 'hwa.boundary')}>
        <label class="field" for="hwa-boundary">
          <span class="field-label">{t(lang, 'hwa.boundaryLabel')}</span>
          <span class="field-hint">{t(lang, 'hwa.boundaryHint')}</span>
          <textarea
            id="hwa-boundary"
            rows={4}
            value={boundary}
            onInput={(e) => setBoundary(e.currentTarget.value)}
            aria-invalid={jurisdiction === undefined ? 'true' : 'false'}
          />
        </label>
        {jurisdiction === undefined ? (
          <p class="field-error" role="alert">
            {t(lang, 'hwa.badBoundary')}
          </p>
        ) : null}
      </Card>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <button type="submit" class="button button-primary button-block" disabled={busy || jurisdiction === undefined}>
        {t(lang, 'hwa.save')}
      </button>
    </form>
  )
}

/** The station's area and its neighbouring stations, below the settings (house_watch.settings). */
export function HouseWatchAreaSection() {
  const [area, setArea] = useState<Area | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    adminApi<Area>('/house-watch/area').then(setArea, (err: unknown) => setError(asApiError(err)))
  }, [])
  if (error) {
    return <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} />
  }
  return area ? <AreaForm initial={area} /> : null
}

import type { PatrolPointView } from '@contracts/house-watch.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { type LatLng, MapView } from '@shared/ui/map/index.js'
import { useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'

/** A red box's fields: its code, names, and where it stands (the pin on the map, or typed coordinates). */
export function PointForm({
  point,
  center,
  onSaved,
  onCancel,
}: {
  point: PatrolPointView | null
  center: LatLng
  onSaved: (p: PatrolPointView) => void
  onCancel: () => void
}) {
  const { lang } = useAdmin()
  const [code, setCode] = useState(point?.code ?? '')
  const [nameTh, setNameTh] = useState(point?.nameTh ?? '')
  const [nameEn, setNameEn] = useState(point?.nameEn ?? '')
  const [pin, setPin] = useState<LatLng | null>(point ? { lat: point.latitude, lng: point.longitude } : null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  async function save(e: Event) {
    e.preventDefault()
    if (!pin) {
      return
    }
    setBusy(true)
    setError(null)
    const body = {
      code: code.trim(),
      nameTh: nameTh.trim(),
      nameEn: nameEn.trim(),
      latitude: pin.lat,
      longitude: pin.lng,
    }
    try {
      const saved = point
        ? await adminApi<PatrolPointView>(`/patrol/points/${point.id}`, { method: 'PATCH', body })
        : await adminApi<PatrolPointView>('/patrol/points', { method: 'POST', body })
      onSaved(saved)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  const text = (id: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <label class="field" for={id}>
      <span class="field-label">{label}</span>
      <input id={id} value={value} required maxLength={120} onInput={(e) => set(e.currentTarget.value)} />
      {hint ? <span class="field-hint">{hint}</span> : null}
    </label>
  )
  return (
    // The map's pick tools hold a form of their own (typed coordinates): the fields' form ends before the map, and
    // the save button names it (forms do not nest).
    <div class="form">
      <form id="point-form" class="form" onSubmit={save}>
        {text('point-code', t(lang, 'points.code'), code, setCode, t(lang, 'points.codeHint'))}
        {text('point-name-th', t(lang, 'points.nameTh'), nameTh, setNameTh)}
        {text('point-name-en', t(lang, 'points.nameEn'), nameEn, setNameEn)}
      </form>
      <div class="field">
        <span class="field-label">{t(lang, 'points.place')}</span>
        <MapView center={pin ?? center} zoom={16} pick={{ value: pin, onChange: setPin }} height="260px" lang={lang} />
      </div>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="button-row">
        <button type="button" class="button button-secondary" onClick={onCancel}>
          {t(lang, 'common.cancel')}
        </button>
        <button type="submit" form="point-form" class="button button-primary" disabled={busy || !pin}>
          {t(lang, 'common.save')}
        </button>
      </div>
    </div>
  )
}

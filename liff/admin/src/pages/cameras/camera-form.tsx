import type { CameraView } from '@contracts/camera-registry.js'
import { CAMERA_OWNER_TYPES, CAMERA_STATUSES } from '@contracts/cameras.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { RAYONG_ZONE_CENTRE } from './camera-map.js'
import { ct } from './texts.js'

type Draft = {
  code: string
  name: string
  ownerType: CameraView['ownerType']
  ownerName: string
  latitude: string
  longitude: string
  directionDeg: string
  fieldOfViewDeg: string
  rangeMeters: string
  covers: string
  retentionDays: string
  liveView: boolean
  status: CameraView['status']
  note: string
}

const str = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : String(v))
const num = (s: string) => (s.trim() === '' ? null : Number(s))

function draftOf(c: CameraView | null): Draft {
  return {
    code: c?.code ?? '',
    name: c?.name ?? '',
    ownerType: c?.ownerType ?? 'police',
    ownerName: c?.ownerName ?? '',
    latitude: str(c?.latitude ?? RAYONG_ZONE_CENTRE.lat),
    longitude: str(c?.longitude ?? RAYONG_ZONE_CENTRE.lng),
    directionDeg: str(c?.directionDeg),
    fieldOfViewDeg: str(c?.fieldOfViewDeg ?? 90),
    rangeMeters: str(c?.rangeMeters ?? 40),
    covers: c?.covers ?? '',
    retentionDays: str(c?.retentionDays ?? 30),
    liveView: c?.liveView ?? false,
    status: c?.status ?? 'active',
    note: c?.note ?? '',
  }
}

/** Add or edit a camera (cameras.edit): the server validates again and answers 409 for a code already used. */
export function CameraForm({ camera, onDone }: { camera: CameraView | null; onDone: (c: CameraView) => void }) {
  const { lang } = useAdmin()
  const [d, setD] = useState<Draft>(() => draftOf(camera))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }))

  async function save(e: Event) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const body = {
      code: d.code.trim(),
      name: d.name.trim(),
      ownerType: d.ownerType,
      ownerName: d.ownerName,
      latitude: Number(d.latitude),
      longitude: Number(d.longitude),
      directionDeg: num(d.directionDeg),
      fieldOfViewDeg: num(d.fieldOfViewDeg),
      rangeMeters: num(d.rangeMeters),
      covers: d.covers,
      retentionDays: num(d.retentionDays),
      liveView: d.liveView,
      status: d.status,
      note: d.note,
    }
    try {
      const r = camera
        ? await adminApi<{ camera: CameraView }>(`/cameras/${camera.id}`, { method: 'PATCH', body })
        : await adminApi<{ camera: CameraView }>('/cameras', { method: 'POST', body })
      onDone(r.camera)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  const text = (key: keyof Draft, label: Parameters<typeof ct>[1], attrs: Record<string, unknown> = {}) => (
    <label class="field" for={`cam-${key}`}>
      <span class="field-label">{ct(lang, label)}</span>
      <input
        id={`cam-${key}`}
        value={d[key] as string}
        onInput={(e) => set({ [key]: e.currentTarget.value } as Partial<Draft>)}
        {...attrs}
      />
    </label>
  )
  return (
    <form class="form camera-form" onSubmit={save}>
      <div class="camera-form-grid">
        {text('code', 'code', { required: true, maxLength: 40 })}
        {text('name', 'name', { required: true, maxLength: 200 })}
        <label class="field" for="cam-ownerType">
          <span class="field-label">{ct(lang, 'ownerType')}</span>
          <select
            id="cam-ownerType"
            value={d.ownerType}
            onChange={(e) => set({ ownerType: e.currentTarget.value as Draft['ownerType'] })}
          >
            {CAMERA_OWNER_TYPES.map((o) => (
              <option key={o} value={o}>
                {ct(lang, `owner.${o}`)}
              </option>
            ))}
          </select>
        </label>
        {text('ownerName', 'ownerName', { maxLength: 200 })}
        {text('latitude', 'latitude', { required: true, inputMode: 'decimal' })}
        {text('longitude', 'longitude', { required: true, inputMode: 'decimal' })}
        {text('directionDeg', 'directionDeg', { inputMode: 'numeric' })}
        {text('fieldOfViewDeg', 'fov', { inputMode: 'numeric' })}
        {text('rangeMeters', 'range', { inputMode: 'numeric' })}
        {text('retentionDays', 'retentionDays', { inputMode: 'numeric' })}
        <label class="field" for="cam-status">
          <span class="field-label">{ct(lang, 'status')}</span>
          <select
            id="cam-status"
            value={d.status}
            onChange={(e) => set({ status: e.currentTarget.value as Draft['status'] })}
          >
            {CAMERA_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ct(lang, `status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {text('covers', 'covers', { maxLength: 500 })}
      </div>
      <label class="check">
        <input type="checkbox" checked={d.liveView} onChange={(e) => set({ liveView: e.currentTarget.checked })} />
        <span>{ct(lang, 'liveView')}</span>
      </label>
      {text('note', 'note', { maxLength: 1000 })}
      {error ? <ErrorNotice th={error.th} en={error.en} {...(error.reqId ? { reqId: error.reqId } : {})} /> : null}
      <div class="button-row-end">
        <button type="submit" class="button" disabled={busy}>
          {t(lang, busy ? 'common.sending' : 'common.save')}
        </button>
      </div>
    </form>
  )
}

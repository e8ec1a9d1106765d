import type { MyCamera, MyCameraInput } from '@contracts/camera-registry.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { drawCameras } from '@shared/ui/map/camera-layer.js'
import { type LatLng, MapView } from '@shared/ui/map/index.js'
import { useMemo, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import type { Language } from '../../lib/i18n.js'
import { type FieldErrors, Section, TextField, TickBox } from '../lost-document/fields.js'
import { DirectionControls } from './direction.js'
import { mc } from './texts.js'

export type Consent = { version: string; th: string; en: string }
const CONTACTS = ['line', 'phone', 'visit'] as const

type Draft = {
  name: string
  location: LatLng | null
  directionDeg: number
  fieldOfViewDeg: number
  covers: string
  retentionDays: string
  contactPreference: MyCameraInput['contactPreference']
  phone: string
  consent: boolean
}

function draftOf(c: MyCamera | null): Draft {
  return {
    name: c?.name ?? '',
    location: c ? { lat: c.latitude, lng: c.longitude } : null,
    directionDeg: c?.directionDeg ?? 0,
    fieldOfViewDeg: c?.fieldOfViewDeg ?? 90,
    covers: c?.covers ?? '',
    retentionDays: c?.retentionDays === null || c?.retentionDays === undefined ? '' : String(c.retentionDays),
    contactPreference: c?.contactPreference ?? 'line',
    phone: c?.phone ?? '',
    consent: false,
  }
}

function check(lang: Language, d: Draft): FieldErrors {
  const e: FieldErrors = {}
  if (!d.name.trim()) {
    e.name = mc(lang, 'err.name')
  }
  if (!d.location) {
    e.location = mc(lang, 'err.location')
  }
  const phone = d.phone.replace(/[\s-]/g, '')
  if ((phone || d.contactPreference === 'phone') && !/^0\d{8,9}$/.test(phone)) {
    e.phone = mc(lang, 'err.phone')
  }
  const days = d.retentionDays.trim()
  if (days && !(/^\d+$/.test(days) && Number(days) <= 365)) {
    e.retention = mc(lang, 'err.retention')
  }
  if (!d.consent) {
    e.consent = mc(lang, 'err.consent')
  }
  return e
}

/**
 * Register or edit a camera: its name, the pin (GPS or tap / drag), the direction (compass grid or slider, drawn as
 * a cone on the map), how wide it sees, what it covers, the days it keeps, how to be reached, and the PDPA consent
 * (asked again on every change, its version sent with it).
 */
export function CameraForm(props: {
  lang: Language
  camera: MyCamera | null
  center: LatLng
  consent: Consent
  onDone: (c: MyCamera) => void
  onCancel: () => void
}) {
  const { lang, camera } = props
  const [d, setD] = useState<Draft>(() => draftOf(camera))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  // A field changed: its error goes (the rest stay until the next send).
  const set = (patch: Partial<Draft>) => {
    setD((x) => ({ ...x, ...patch }))
    const fields = Object.keys(patch).map((k) => (k === 'retentionDays' ? 'retention' : k))
    setErrors((e) =>
      fields.some((f) => e[f]) ? Object.fromEntries(Object.entries(e).filter(([k]) => !fields.includes(k))) : e,
    )
  }

  const at = d.location
  const layer = useMemo(
    () => ({
      key: `${at?.lat}:${at?.lng}:${d.directionDeg}:${d.fieldOfViewDeg}`,
      draw: (group: Parameters<typeof drawCameras>[0], map: import('leaflet').Map) => {
        if (!at) {
          group.clearLayers()
          return
        }
        // Close enough to see the cone (a shop camera sees some 25 m).
        if (map.getZoom() < 18) {
          map.setView([at.lat, at.lng], 18, { animate: false })
        }
        drawCameras(
          group,
          [
            {
              id: 'me',
              code: '',
              name: d.name,
              ownerType: 'private',
              latitude: at.lat,
              longitude: at.lng,
              directionDeg: d.directionDeg,
              fieldOfViewDeg: d.fieldOfViewDeg,
              rangeMeters: 25,
              status: 'active',
            },
          ],
          {},
        )
      },
    }),
    [at?.lat, at?.lng, d.directionDeg, d.fieldOfViewDeg],
  )

  async function submit(e: Event) {
    e.preventDefault()
    const found = check(lang, d)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      document.getElementById(`f-${Object.keys(found)[0]}`)?.focus()
      return
    }
    const body: MyCameraInput = {
      name: d.name.trim(),
      latitude: d.location?.lat ?? 0,
      longitude: d.location?.lng ?? 0,
      directionDeg: d.fieldOfViewDeg >= 360 ? null : d.directionDeg,
      fieldOfViewDeg: d.fieldOfViewDeg,
      covers: d.covers.trim() || null,
      retentionDays: d.retentionDays.trim() ? Number(d.retentionDays) : null,
      contactPreference: d.contactPreference,
      phone: d.phone.replace(/[\s-]/g, '') || null,
      consentVersion: props.consent.version,
    }
    setBusy(true)
    setError(null)
    try {
      const r = camera
        ? await api<{ camera: MyCamera }>(`/api/liff/cameras/${camera.id}`, { method: 'PUT', body })
        : await api<{ camera: MyCamera }>('/api/liff/cameras', { method: 'POST', body })
      props.onDone(r.camera)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  const noop = () => {}
  return (
    <form class="camera-form" onSubmit={submit} noValidate>
      <Section title={mc(lang, 'sec.camera')}>
        <TextField
          lang={lang}
          field="name"
          label={mc(lang, 'name')}
          hint={mc(lang, 'nameHint')}
          value={d.name}
          errors={errors}
          onInput={(v) => set({ name: v })}
          onBlur={noop}
          required
          maxLength={120}
        />
      </Section>
      <Section title={mc(lang, 'where')}>
        <p class="field-hint">{mc(lang, 'whereHint')}</p>
        <div id="f-location" tabIndex={-1}>
          <MapView
            lang={lang}
            center={at ?? props.center}
            zoom={at ? 18 : 16}
            pick={{ value: at, onChange: (p) => set({ location: p }) }}
            layer={layer}
            height="280px"
          />
        </div>
        {errors.location ? (
          <p class="field-error" role="alert">
            {errors.location}
          </p>
        ) : null}
      </Section>
      <Section title={mc(lang, 'direction')}>
        <p class="field-hint">{mc(lang, 'directionHint')}</p>
        <DirectionControls
          lang={lang}
          deg={d.directionDeg}
          fov={d.fieldOfViewDeg}
          onDeg={(directionDeg) => set({ directionDeg })}
          onFov={(fieldOfViewDeg) => set({ fieldOfViewDeg })}
        />
      </Section>
      <Section title={mc(lang, 'sec.recording')}>
        <TextField
          lang={lang}
          field="covers"
          label={mc(lang, 'covers')}
          hint={mc(lang, 'coversHint')}
          value={d.covers}
          errors={errors}
          onInput={(v) => set({ covers: v })}
          onBlur={noop}
          maxLength={300}
        />
        <TextField
          lang={lang}
          field="retention"
          label={mc(lang, 'retention')}
          hint={mc(lang, 'retentionHint')}
          value={d.retentionDays}
          errors={errors}
          onInput={(v) => set({ retentionDays: v })}
          onBlur={noop}
          inputMode="numeric"
          maxLength={3}
        />
      </Section>
      <Section title={mc(lang, 'sec.contact')}>
        <fieldset class="camera-contact">
          <legend class="field-label">{mc(lang, 'contact')}</legend>
          {CONTACTS.map((c) => (
            <label key={c} class={`camera-choice${d.contactPreference === c ? ' camera-choice--on' : ''}`}>
              <input
                type="radio"
                name="contact"
                value={c}
                checked={d.contactPreference === c}
                onChange={() => set({ contactPreference: c })}
              />
              {mc(lang, `contact.${c}`)}
            </label>
          ))}
        </fieldset>
        <TextField
          lang={lang}
          field="phone"
          label={mc(lang, 'phone')}
          hint={mc(lang, 'phoneHint')}
          value={d.phone}
          errors={errors}
          onInput={(v) => set({ phone: v })}
          onBlur={noop}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={14}
          required={d.contactPreference === 'phone'}
        />
      </Section>
      <Section title={mc(lang, 'consentTitle')}>
        <div class="camera-consent">
          <p lang="th">{props.consent.th}</p>
          <p lang="en">{props.consent.en}</p>
        </div>
        <TickBox field="consent" checked={d.consent} errors={errors} onChange={(v) => set({ consent: v })}>
          {mc(lang, 'consentTick')}
        </TickBox>
      </Section>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="button-row camera-form-actions">
        <button type="button" class="button button-secondary" onClick={props.onCancel}>
          {mc(lang, 'cancel')}
        </button>
        <button type="submit" class="button button-primary" disabled={busy}>
          {mc(lang, busy ? 'sending' : camera ? 'save' : 'send')}
        </button>
      </div>
    </form>
  )
}

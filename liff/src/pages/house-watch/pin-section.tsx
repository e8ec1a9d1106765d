import { type LatLng, MapView } from '@shared/ui/map/index.js'
import { useState } from 'preact/hooks'
import { ErrorText, Section } from '../lost-document/fields.js'
import { ht } from './enrol-texts.js'
import type { HwSectionProps } from './sections.js'

/**
 * Where the house is: the phone's GPS while at home (source 'gps'), or a pin tapped or dragged on the shared map
 * (source 'pin'); the station's area is outlined so a citizen sees before sending whether the house is in it.
 */
export function PinSection({ lang, s, info, set, errors }: HwSectionProps) {
  const [locating, setLocating] = useState(false)
  const [failed, setFailed] = useState(false)
  const [me, setMe] = useState<LatLng | undefined>(undefined)

  const locate = () => {
    if (!navigator.geolocation) {
      setFailed(true)
      return
    }
    setLocating(true)
    setFailed(false)
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false)
        const p = { lat: pos.coords.latitude, lng: pos.coords.longitude }
        setMe(p)
        set({ location: { ...p, source: 'gps' } })
      },
      () => {
        setLocating(false)
        setFailed(true)
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    )
  }
  const station = lang === 'th' ? info.station.nameTh : info.station.nameEn
  const loc = s.location
  return (
    <Section title={ht(lang, 'pin')}>
      <p class="field-hint">{ht(lang, 'pinHint')}</p>
      <button
        type="button"
        id="f-location"
        class="button button-secondary button-wide"
        onClick={locate}
        disabled={locating}
        aria-describedby={errors.location ? 'f-location-error' : undefined}
      >
        {ht(lang, locating ? 'pinLocating' : 'pinGps')}
      </button>
      {failed ? (
        <p class="field-error" role="alert">
          {ht(lang, 'pinFailed')}
        </p>
      ) : null}
      <div class="hw-map">
        <MapView
          lang={lang}
          center={loc ?? info.center}
          zoom={loc ? 17 : 14}
          {...(info.jurisdiction ? { jurisdiction: info.jurisdiction as never } : {})}
          {...(me ? { me } : {})}
          pick={{ value: loc, onChange: (p) => set({ location: { ...p, source: 'pin' } }) }}
          height="300px"
        />
      </div>
      {info.jurisdiction ? <p class="hint">{ht(lang, 'pinArea', { station })}</p> : null}
      {loc ? (
        <p class="hw-pinned" role="status">
          {ht(lang, 'pinSet')}: {loc.lat.toFixed(5)}, {loc.lng.toFixed(5)} (
          {ht(lang, loc.source === 'gps' ? 'pinFromGps' : 'pinMoved')})
        </p>
      ) : null}
      <ErrorText field="location" errors={errors} />
    </Section>
  )
}

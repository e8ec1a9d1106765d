import { type LatLng, MapView, type PickSource } from '@shared/ui/map/index.js'
import { useState } from 'preact/hooks'
import { ErrorText, Section } from '../lost-document/fields.js'
import { ht } from './enrol-texts.js'
import type { HwSectionProps } from './sections.js'

/**
 * Where the house is: the phone's GPS while at home (the map's "use my location", source 'gps'), or a pin tapped,
 * dragged or typed on the shared map (source 'pin'); the station's area is outlined so a citizen sees before sending whether the house is in it.
 */
export function PinSection({ lang, s, info, set, errors }: HwSectionProps) {
  const [me, setMe] = useState<LatLng | undefined>(undefined)
  const station = lang === 'th' ? info.station.nameTh : info.station.nameEn
  const loc = s.location
  // One "use my location" (the map's own, under it): a position from the phone's GPS is recorded as such.
  const picked = (p: LatLng, how: PickSource) => {
    if (how === 'gps') {
      setMe(p)
    }
    set({ location: { ...p, source: how === 'gps' ? 'gps' : 'pin' } })
  }
  return (
    <Section title={ht(lang, 'pin')}>
      <p class="field-hint">{ht(lang, 'pinHint')}</p>
      <div
        class="hw-map"
        id="f-location"
        tabIndex={-1}
        aria-describedby={errors.location ? 'f-location-error' : undefined}
      >
        <MapView
          lang={lang}
          center={loc ?? info.center}
          zoom={loc ? 17 : 14}
          {...(info.jurisdiction ? { jurisdiction: info.jurisdiction as never } : {})}
          {...(me ? { me } : {})}
          pick={{ value: loc, onChange: picked }}
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

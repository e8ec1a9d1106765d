import { useState } from 'preact/hooks'
import type { Language } from '../../lib/i18n.js'
import { type DistanceOrigin, OfflineNotice, PlaceLine } from './fallback.js'
import { type LatLng, type PickSource, parseCoordinates } from './geo.js'
import { mapT } from './texts.js'

type Props = {
  lang: Language
  value: LatLng | null
  origin: DistanceOrigin
  /** Tiles did not load: typing coordinates is then the way to place the pin, so it is open, not folded. */
  offline: boolean
  onChange: (p: LatLng, how: PickSource) => void
  /** The device's place, once found: distances are then measured from it. */
  onLocated: (p: LatLng) => void
}

/** Under a pick-mode map: where the pin is, "use my location", and typed coordinates. */
export function PickTools({ lang, value, origin, offline, onChange, onLocated }: Props) {
  const [locating, setLocating] = useState(false)
  const [problem, setProblem] = useState<'locate' | 'invalid' | null>(null)
  const [typed, setTyped] = useState('')

  const locate = () => {
    if (!navigator.geolocation) {
      setProblem('locate')
      return
    }
    setLocating(true)
    setProblem(null)
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false)
        const p = { lat: pos.coords.latitude, lng: pos.coords.longitude }
        onLocated(p)
        onChange(p, 'gps')
      },
      () => {
        setLocating(false)
        setProblem('locate')
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    )
  }

  const submit = (e: Event) => {
    e.preventDefault()
    const p = parseCoordinates(typed)
    if (!p) {
      setProblem('invalid')
      return
    }
    setProblem(null)
    setTyped('')
    onChange(p, 'typed')
  }

  const entry = (
    <form class="map-pick__entry" onSubmit={submit}>
      <label>
        <span>{mapT(lang, 'map.pick.enter')}</span>
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={typed}
          placeholder={mapT(lang, 'map.pick.enterPlaceholder')}
          onInput={(e) => setTyped((e.target as HTMLInputElement).value)}
          aria-invalid={problem === 'invalid'}
        />
      </label>
      <button type="submit" class="button button-secondary">
        {mapT(lang, 'map.pick.set')}
      </button>
    </form>
  )

  return (
    <div class="map-pick">
      {offline ? <OfflineNotice lang={lang} /> : <p class="map-pick__hint">{mapT(lang, 'map.pick.hint')}</p>}
      {value ? (
        <PlaceLine lang={lang} at={value} origin={origin} />
      ) : (
        <p class="map-pick__none">{mapT(lang, 'map.pick.none')}</p>
      )}
      <button type="button" class="button button-secondary map-pick__locate" onClick={locate} disabled={locating}>
        {mapT(lang, locating ? 'map.pick.locating' : 'map.pick.useMyLocation')}
      </button>
      {offline ? (
        entry
      ) : (
        <details class="map-pick__more">
          <summary>{mapT(lang, 'map.pick.enter')}</summary>
          {entry}
        </details>
      )}
      {problem ? (
        <p class="map-pick__problem" role="alert">
          {mapT(lang, problem === 'locate' ? 'map.pick.locateFailed' : 'map.pick.invalid')}
        </p>
      ) : null}
    </div>
  )
}

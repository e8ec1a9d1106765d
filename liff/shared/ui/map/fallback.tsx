import type { Language } from '../../lib/i18n.js'
import { distanceMeters, formatCoordinates, formatDistance, googleMapsUrl, type LatLng } from './geo.js'
import type { MapMarker } from './layers.js'
import { mapT } from './texts.js'

/** What distances are measured from: the user when their place is known, else the map's centre. */
export type DistanceOrigin = { from: 'me' | 'centre'; at: LatLng }

export function OfflineNotice({ lang }: { lang: Language }) {
  return (
    <div class="map-offline" role="status">
      <strong>{mapT(lang, 'map.offline.title')}</strong>
      <span>{mapT(lang, 'map.offline.body')}</span>
    </div>
  )
}

/** One place as text: its coordinates, how far it is, and a link that opens it in a map app. */
export function PlaceLine({ lang, at, origin }: { lang: Language; at: LatLng; origin: DistanceOrigin }) {
  const meters = distanceMeters(origin.at, at)
  const distance = formatDistance(meters, lang)
  return (
    <div class="map-place">
      <span class="map-place__coords">
        {mapT(lang, 'map.coordinates')} <span translate={false}>{formatCoordinates(at)}</span>
      </span>
      {meters >= 1 || origin.from === 'me' ? (
        <span class="map-place__distance">
          {mapT(lang, origin.from === 'me' ? 'map.distance.fromMe' : 'map.distance.fromCentre', { distance })}
        </span>
      ) : null}
      <a class="map-place__open" href={googleMapsUrl(at)} target="_blank" rel="noopener noreferrer">
        {mapT(lang, 'map.open')}
      </a>
    </div>
  )
}

/** Beside a map whose tiles did not load: every marker (or just the centre) as text. */
export function MapFallback({
  lang,
  origin,
  markers,
}: {
  lang: Language
  origin: DistanceOrigin
  markers: MapMarker[]
}) {
  const places = markers.filter((m) => m.kind !== 'me')
  return (
    <div class="map-fallback">
      <OfflineNotice lang={lang} />
      {places.length === 0 ? (
        <PlaceLine lang={lang} at={origin.at} origin={origin} />
      ) : (
        <ul class="map-fallback__list">
          {places.map((m) => (
            <li key={m.id}>
              <span class="map-fallback__label">
                {m.order !== undefined ? `${m.order}. ` : ''}
                {m.label} <small>({mapT(lang, `map.kind.${m.kind}`)})</small>
              </span>
              <PlaceLine lang={lang} at={m} origin={origin} />
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

import { type LatLng, MapView } from '@shared/ui/map/index.js'
import { t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'

export type Polygon = { type: 'Polygon'; coordinates: number[][][] }

/** Mueang Rayong: where the map opens. */
const RAYONG: LatLng = { lat: 12.6814, lng: 101.2816 }

export function cornersOf(area: Polygon | undefined): LatLng[] {
  const ring = area?.coordinates[0] ?? []
  // A closed ring repeats its first corner at the end.
  return ring.slice(0, Math.max(0, ring.length - 1)).map(([lng = 0, lat = 0]) => ({ lat, lng }))
}

export function polygonOf(corners: LatLng[]): Polygon | undefined {
  if (corners.length < 3) {
    return undefined
  }
  const ring = [...corners, corners[0] as LatLng].map((p) => [p.lng, p.lat])
  return { type: 'Polygon', coordinates: [ring] }
}

/**
 * An area drawn on the shared map: each tap (or a typed position, when the tiles cannot load) adds a corner; the
 * outline closes itself. Stored as a GeoJSON Polygon ([lng, lat]) as the audience wants it.
 */
export function AreaDraw({ corners, onChange }: { corners: LatLng[]; onChange: (c: LatLng[]) => void }) {
  const { lang } = useAdmin()
  const closed = corners.length >= 3 ? [...corners, corners[0] as LatLng] : corners
  return (
    <div class="ann-draw">
      <p class="field-hint">{t(lang, 'ann.draw.hint')}</p>
      <MapView
        lang={lang}
        center={corners[0] ?? RAYONG}
        zoom={14}
        height="300px"
        markers={corners.map((p, i) => ({ id: `c${i}`, ...p, kind: 'point', order: i + 1, label: `${i + 1}` }))}
        route={closed}
        jurisdiction={polygonOf(corners)}
        fitToMarkers={false}
        listMarkersInFallback={false}
        pick={{ value: corners.at(-1) ?? null, onChange: (p) => onChange([...corners, p]) }}
      />
      <div class="ann-draw-tools">
        <span class="hint" aria-live="polite">
          {t(lang, 'ann.draw.points', { n: corners.length })}
        </span>
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={corners.length === 0}
          onClick={() => onChange(corners.slice(0, -1))}
        >
          {t(lang, 'ann.draw.undo')}
        </button>
        <button
          type="button"
          class="button button-secondary button-small"
          disabled={corners.length === 0}
          onClick={() => onChange([])}
        >
          {t(lang, 'ann.draw.clear')}
        </button>
      </div>
    </div>
  )
}

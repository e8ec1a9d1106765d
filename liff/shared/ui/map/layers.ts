// Leaflet drawing for MapView: markers, the route line, the jurisdiction outline and the pick pin. Kept apart
// from the component so it only decides when to redraw.
import * as L from 'leaflet'
import type { LatLng } from './geo.js'

export type MapMarkerKind = 'house' | 'red_box' | 'station' | 'me' | 'point'
export type MapMarkerTone = 'normal' | 'done' | 'flagged'

export type MapMarker = {
  id: string
  lat: number
  lng: number
  /** Read by screen readers and shown on hover/tap; the page's own words (a house code, a box's name). */
  label: string
  kind: MapMarkerKind
  /** normal: to do; done: visited (green); flagged: needs a look (red ring). Default normal. */
  tone?: MapMarkerTone
  /** A number on the pin: the stop's place in a route. */
  order?: number
}

/** A GeoJSON polygon or multipolygon (or a Feature/FeatureCollection of them): a station's area. */
export type Jurisdiction = GeoJSON.GeoJsonObject

// Short glyphs for pins without a number: H(ouse), B(ox), S(tation); "me" is a dot.
const GLYPH: Record<MapMarkerKind, string> = { house: 'H', red_box: 'B', station: 'S', me: '', point: '' }

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function markerIcon(m: MapMarker): L.DivIcon {
  const text = m.order !== undefined ? String(m.order) : GLYPH[m.kind]
  // "Me" is a small dot, the others a pin big enough to carry a number and to tap.
  const size = m.kind === 'me' ? 20 : 30
  return L.divIcon({
    className: `map-pin map-pin--${m.kind} map-pin--${m.tone ?? 'normal'}`,
    html: `<span aria-hidden="true">${escapeHtml(text)}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
    tooltipAnchor: [0, -(size / 2 + 1)],
  })
}

export function drawMarkers(group: L.LayerGroup, markers: MapMarker[], onClick?: (id: string) => void) {
  group.clearLayers()
  for (const m of markers) {
    const marker = L.marker([m.lat, m.lng], {
      icon: markerIcon(m),
      title: m.label,
      alt: m.label,
      keyboard: Boolean(onClick),
      zIndexOffset: m.kind === 'me' ? 1000 : m.kind === 'station' ? 500 : 0,
    })
    marker.bindTooltip(escapeHtml(m.label), { direction: 'top' })
    if (onClick) {
      marker.on('click', () => onClick(m.id))
    }
    group.addLayer(marker)
  }
}

export function drawOverlays(group: L.LayerGroup, route: LatLng[] | undefined, area: Jurisdiction | undefined) {
  group.clearLayers()
  if (area) {
    group.addLayer(
      L.geoJSON(area, {
        style: { color: '#0b2f6b', weight: 2, dashArray: '6 4', fillOpacity: 0.05 },
        interactive: false,
      }),
    )
  }
  if (route && route.length > 1) {
    group.addLayer(
      L.polyline(
        route.map((p) => [p.lat, p.lng] as L.LatLngTuple),
        { color: '#1f6feb', weight: 4, opacity: 0.8, interactive: false },
      ),
    )
  }
}

export function pinIcon(): L.DivIcon {
  return L.divIcon({
    className: 'map-pin map-pin--pick',
    html: '<span aria-hidden="true"></span>',
    iconSize: [34, 44],
    iconAnchor: [17, 42],
  })
}

/** Everything worth seeing: the markers, the route and the area; null when there is nothing to frame. */
export function boundsOf(markers: MapMarker[], route: LatLng[] | undefined): L.LatLngBounds | null {
  const points: L.LatLngTuple[] = [
    ...markers.map((m) => [m.lat, m.lng] as L.LatLngTuple),
    ...(route ?? []).map((p) => [p.lat, p.lng] as L.LatLngTuple),
  ]
  return points.length > 1 ? L.latLngBounds(points) : null
}

// The camera layer for the shared map (issue #15): one marker style per owner type (police, other agency, private),
// the direction drawn as a cone as wide as the field of view and as long as the useful range. Others may reuse it
// (cameras near a case): give MapView `layer={cameraLayer(...)}`.
import * as L from 'leaflet'
import './camera-map.css'

export type CameraOwner = 'police' | 'agency' | 'private'

export type CameraOnMap = {
  id: string
  code: string
  name: string
  ownerType: CameraOwner
  latitude: number
  longitude: number
  directionDeg: number | null
  fieldOfViewDeg: number | null
  rangeMeters: number | null
  /** active, offline, removed: offline and removed are drawn faded and dashed. */
  status: string
  /** pending registrations get a dotted ring. */
  verification?: string
}

/** Colours per owner type, shared by the markers, the cones and the page's legend. */
export const CAMERA_COLOURS: Record<CameraOwner, string> = {
  police: '#0b2f6b',
  agency: '#0f7b6c',
  private: '#c2410c',
}
// Short glyphs inside the markers: P(olice), A(gency), V (private: "V"ideo owner), so colour is not the only cue.
const GLYPH: Record<CameraOwner, string> = { police: 'P', agency: 'A', private: 'V' }
const DEFAULT_RANGE_M = 40
const DEFAULT_FOV = 90

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The cone's outline: the camera, then points along the arc of its range (compass degrees, 0 = north). */
export function conePoints(
  c: Pick<CameraOnMap, 'latitude' | 'longitude' | 'directionDeg' | 'fieldOfViewDeg' | 'rangeMeters'>,
) {
  const range = c.rangeMeters ?? DEFAULT_RANGE_M
  const fov = Math.min(c.fieldOfViewDeg ?? DEFAULT_FOV, 360)
  const dir = c.directionDeg ?? 0
  const steps = Math.max(2, Math.ceil(fov / 10))
  const mPerDegLat = 111_320
  const mPerDegLng = 111_320 * Math.cos((c.latitude * Math.PI) / 180)
  const pts: L.LatLngTuple[] = fov >= 360 ? [] : [[c.latitude, c.longitude]]
  for (let i = 0; i <= steps; i++) {
    const a = ((dir - fov / 2 + (fov * i) / steps) * Math.PI) / 180
    pts.push([c.latitude + (range * Math.cos(a)) / mPerDegLat, c.longitude + (range * Math.sin(a)) / mPerDegLng])
  }
  return pts
}

function icon(c: CameraOnMap): L.DivIcon {
  const state = c.status !== 'active' ? ` camera-pin--${c.status}` : ''
  const pending = c.verification && c.verification !== 'verified' ? ` camera-pin--${c.verification}` : ''
  return L.divIcon({
    className: `camera-pin camera-pin--${c.ownerType}${state}${pending}`,
    html: `<span aria-hidden="true">${GLYPH[c.ownerType]}</span>`,
    iconSize: [20, 20],
    iconAnchor: [10, 10],
    popupAnchor: [0, -10],
    tooltipAnchor: [0, -12],
  })
}

export type CameraLayerOptions = {
  /** The popup's HTML for a camera (escape every value: use `cameraPopupRows`). */
  popup?: (c: CameraOnMap) => string
  onClick?: (id: string) => void
  /** Draw the cones (default true); a dense overview at low zoom may turn them off. */
  cones?: boolean
  /** The camera drawn on top with its cone stronger and its popup open (the one being looked at). */
  selectedId?: string | null
}

/** Draws the cameras into a layer group (cleared first). */
export function drawCameras(group: L.LayerGroup, cameras: readonly CameraOnMap[], opts: CameraLayerOptions = {}) {
  group.clearLayers()
  for (const c of cameras) {
    const colour = CAMERA_COLOURS[c.ownerType]
    const faded = c.status !== 'active'
    if (opts.cones !== false && c.directionDeg !== null) {
      group.addLayer(
        L.polygon(conePoints(c), {
          color: colour,
          weight: 1,
          opacity: faded ? 0.4 : 0.8,
          fillColor: colour,
          fillOpacity: faded ? 0.08 : c.id === opts.selectedId ? 0.35 : 0.18,
          ...(faded ? { dashArray: '4 3' } : {}),
          interactive: false,
        }),
      )
    }
    const marker = L.marker([c.latitude, c.longitude], {
      icon: icon(c),
      title: `${c.code} ${c.name}`,
      alt: `${c.code} ${c.name}`,
      keyboard: true,
      zIndexOffset: c.id === opts.selectedId ? 1000 : 0,
    })
    if (opts.popup) {
      marker.bindPopup(opts.popup(c), { maxWidth: 280 })
    } else {
      marker.bindTooltip(escapeHtml(`${c.code} ${c.name}`), { direction: 'top' })
    }
    if (opts.onClick) {
      const click = opts.onClick
      marker.on('click', () => click(c.id))
    }
    group.addLayer(marker)
    // A redraw (the selection changed) replaces the markers: the selected one's popup opens again.
    if (opts.popup && c.id === opts.selectedId) {
      marker.openPopup()
    }
  }
}

/** A popup body from label/value rows, every value escaped (camera names are owners' words). */
export function cameraPopupRows(title: string, rows: [string, string][]): string {
  const body = rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')
  return `<div class="camera-popup"><p class="camera-popup__title">${escapeHtml(title)}</p><table>${body}</table></div>`
}

/** Bounds of the cameras, or null when there are none. */
export function cameraBounds(cameras: readonly CameraOnMap[]): L.LatLngBounds | null {
  if (cameras.length === 0) {
    return null
  }
  return L.latLngBounds(cameras.map((c) => [c.latitude, c.longitude] as L.LatLngTuple))
}

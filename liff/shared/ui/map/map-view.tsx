import 'leaflet/dist/leaflet.css'
import './map.css'
import * as L from 'leaflet'
import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import type { Language } from '../../lib/i18n.js'
import { mapTiles } from '../../lib/map-tiles.js'
import { MapFallback } from './fallback.js'
import type { LatLng, PickSource } from './geo.js'
import { boundsOf, drawMarkers, drawOverlays, type Jurisdiction, type MapMarker, pinIcon } from './layers.js'
import { PickTools } from './pick-tools.js'
import { mapT } from './texts.js'

export type { LatLng } from './geo.js'
export type { Jurisdiction, MapMarker, MapMarkerKind, MapMarkerTone } from './layers.js'

export type MapPick = {
  /** Where the pin is; null before the person has chosen (the map then shows `center`). */
  value: LatLng | null
  /**
   * Called when the pin is dragged, the map tapped, "use my location" pressed or coordinates typed; `how` says which
   * (a form may record where a position came from: the phone's GPS or a pin the person placed).
   */
  onChange: (p: LatLng, how: PickSource) => void
}

/** A layer a page draws itself (the cameras: camera-layer.tsx); redrawn when `key` changes. */
export type MapLayer = { key: string; draw: (group: L.LayerGroup, map: L.Map) => void }

export type MapViewProps = {
  /** Where the map opens (and what the fallback measures distances from when the user's place is unknown). */
  center: LatLng
  /** Leaflet zoom, 1–19; default 15 (streets of a town). */
  zoom?: number
  markers?: MapMarker[]
  /** A station's area as GeoJSON, drawn as a dashed outline. */
  jurisdiction?: Jurisdiction
  /** A polyline through these points in order (a patrol route). */
  route?: LatLng[]
  /** Pick mode: a draggable pin; tapping the map moves it. */
  pick?: MapPick
  /** The user's own place, if the page knows it: the fallback measures from it. */
  me?: LatLng
  onMarkerClick?: (id: string) => void
  /** Frame all markers and the route instead of `center`/`zoom` (default: true when there are markers). */
  fitToMarkers?: boolean
  /** When tiles cannot load, list each marker with its coordinates and a map-app link (default true); a page
   * that lists the points itself (with those links) turns it off. */
  listMarkersInFallback?: boolean
  /** A page's own layer, drawn above the overlays and below the markers. */
  layer?: MapLayer
  /** CSS height of the map; default 320px. */
  height?: string
  lang: Language
}

// Tiles that have not arrived by then are taken as unreachable (no network, blocked host): the fallback shows.
const TILE_TIMEOUT_MS = 10_000

/**
 * One map for citizens and officers (Leaflet, tiles from MAP_TILE_URL via the app's config endpoint). Markers by
 * kind and tone, an optional route line, station outline and pick pin. When tiles cannot load (offline, a blocked
 * host) the map still draws its markers on a blank background, and a panel beside it gives the coordinates, the
 * distance from the user (or the centre) and a link to open the place in a map app; in pick mode the person can
 * still set the pin (their location, or typed coordinates).
 */
export function MapView(props: MapViewProps) {
  const { lang, markers = [], route, jurisdiction, pick } = props
  const host = useRef<HTMLElement>(null)
  const map = useRef<L.Map | null>(null)
  const groups = useRef<{ markers: L.LayerGroup; overlays: L.LayerGroup; layer: L.LayerGroup } | null>(null)
  const pin = useRef<L.Marker | null>(null)
  // Latest callbacks for Leaflet's handlers, which are bound once.
  const onPick = useRef(pick?.onChange)
  onPick.current = pick?.onChange
  const onMarker = useRef(props.onMarkerClick)
  onMarker.current = props.onMarkerClick
  const [tilesFailed, setTilesFailed] = useState(false)
  const [found, setFound] = useState<LatLng | null>(null)

  useEffect(() => {
    if (!host.current) {
      return
    }
    // No tile fade: its animation frames outlive a map removed mid-load (a page switching shift or date), and then
    // read a pane that is gone (Leaflet's "_leaflet_pos" error).
    const m = L.map(host.current, {
      center: [props.center.lat, props.center.lng],
      zoom: props.zoom ?? 15,
      fadeAnimation: false,
    })
    m.attributionControl.setPrefix('Leaflet')
    const tiles = mapTiles()
    let loaded = 0
    const layer = L.tileLayer(tiles.tileUrl, {
      attribution: tiles.attribution.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`),
      maxZoom: 19,
    })
    layer.on('tileload', () => {
      loaded += 1
      setTilesFailed(false)
    })
    layer.on('tileerror', () => loaded === 0 && setTilesFailed(true))
    layer.addTo(m)
    const timer = setTimeout(() => loaded === 0 && setTilesFailed(true), TILE_TIMEOUT_MS)
    groups.current = {
      overlays: L.layerGroup().addTo(m),
      layer: L.layerGroup().addTo(m),
      markers: L.layerGroup().addTo(m),
    }
    m.on('click', (e: L.LeafletMouseEvent) => onPick.current?.({ lat: e.latlng.lat, lng: e.latlng.lng }, 'pin'))
    // The map is laid out after first paint and again when the page's layout changes (rotation, side panel).
    const resize = new ResizeObserver(() => m.invalidateSize())
    resize.observe(host.current)
    map.current = m
    return () => {
      clearTimeout(timer)
      resize.disconnect()
      m.stop()
      m.remove()
      map.current = null
      groups.current = null
      pin.current = null
    }
  }, [])

  const markerKey = markers.map((x) => `${x.id}:${x.lat}:${x.lng}:${x.tone}:${x.order}:${x.label}`).join('|')
  useEffect(() => {
    if (groups.current) {
      drawMarkers(groups.current.markers, markers, props.onMarkerClick ? (id) => onMarker.current?.(id) : undefined)
    }
  }, [markerKey, Boolean(props.onMarkerClick)])

  useEffect(() => {
    if (groups.current) {
      drawOverlays(groups.current.overlays, route, jurisdiction)
    }
  }, [route, jurisdiction])

  const layer = props.layer
  useEffect(() => {
    if (groups.current && map.current && layer) {
      layer.draw(groups.current.layer, map.current)
    }
  }, [layer?.key])

  // Frame the points when the set of points changes, not on every refresh of their colours.
  const idsKey = markers.map((x) => x.id).join('|')
  const fit = props.fitToMarkers ?? (markers.length > 0 && !pick)
  useEffect(() => {
    const bounds = fit ? boundsOf(markers, route) : null
    if (map.current && bounds) {
      // Clear of the zoom buttons top left, and of the attribution along the bottom.
      map.current.fitBounds(bounds, {
        paddingTopLeft: [64, 40],
        paddingBottomRight: [36, 40],
        maxZoom: 17,
        // Data refreshes reframe at once: an animation still running when the next answer arrives breaks.
        animate: false,
      })
    }
  }, [idsKey, fit])

  useEffect(() => {
    if (map.current && !fit) {
      map.current.setView([props.center.lat, props.center.lng], map.current.getZoom(), { animate: false })
    }
  }, [props.center.lat, props.center.lng])

  const pickValue = pick?.value ?? null
  useEffect(() => {
    const m = map.current
    if (!m) {
      return
    }
    if (!pick || !pickValue) {
      pin.current?.remove()
      pin.current = null
      return
    }
    if (!pin.current) {
      pin.current = L.marker([pickValue.lat, pickValue.lng], {
        icon: pinIcon(),
        draggable: true,
        title: mapT(lang, 'map.pin'),
        alt: mapT(lang, 'map.pin'),
        zIndexOffset: 2000,
      }).addTo(m)
      pin.current.on('dragend', () => {
        const p = pin.current?.getLatLng()
        if (p) {
          onPick.current?.({ lat: p.lat, lng: p.lng }, 'pin')
        }
      })
    } else {
      pin.current.setLatLng([pickValue.lat, pickValue.lng])
    }
    if (!m.getBounds().pad(-0.1).contains([pickValue.lat, pickValue.lng])) {
      m.panTo([pickValue.lat, pickValue.lng], { animate: false })
    }
  }, [Boolean(pick), pickValue?.lat, pickValue?.lng])

  const me = props.me ?? found ?? markers.find((x) => x.kind === 'me') ?? null
  const origin = useMemo(
    () => (me ? { from: 'me' as const, at: me } : { from: 'centre' as const, at: props.center }),
    [me?.lat, me?.lng, props.center.lat, props.center.lng],
  )

  return (
    <div class={`map-view${tilesFailed ? ' map-view--offline' : ''}`} data-tiles={tilesFailed ? 'failed' : 'ok'}>
      <section
        ref={host}
        class="map-view__canvas"
        style={{ height: props.height ?? '320px' }}
        aria-label={mapT(lang, 'map.label')}
      />
      {pick ? (
        <PickTools
          lang={lang}
          value={pickValue}
          origin={origin}
          offline={tilesFailed}
          onChange={(p, how) => onPick.current?.(p, how)}
          onLocated={setFound}
        />
      ) : null}
      {tilesFailed && !pick ? (
        <MapFallback lang={lang} origin={origin} markers={props.listMarkersInFallback === false ? [] : markers} />
      ) : null}
    </div>
  )
}

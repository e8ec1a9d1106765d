import type { CameraView } from '@contracts/camera-registry.js'
import type { Language } from '@shared/lib/i18n.js'
import { cameraBounds, cameraPopupRows, drawCameras } from '@shared/ui/map/camera-layer.js'
import { type LatLng, MapView } from '@shared/ui/map/index.js'
import { useMemo, useRef } from 'preact/hooks'
import { ct } from './texts.js'

/** The zone around Rayong City: where the map opens before there is any camera. */
export const RAYONG_ZONE_CENTRE: LatLng = { lat: 12.6815, lng: 101.2765 }

export function popupOf(lang: Language, c: CameraView): string {
  const rows: [string, string][] = [
    [ct(lang, 'owner'), `${ct(lang, `owner.${c.ownerType}`)}${c.ownerName ? ` · ${c.ownerName}` : ''}`],
    [ct(lang, 'status'), ct(lang, `status.${c.status}`)],
  ]
  if (c.verification !== 'verified') {
    rows.push([ct(lang, 'verification'), ct(lang, `verification.${c.verification}`)])
  }
  if (c.directionDeg !== null) {
    rows.push([
      ct(lang, 'direction'),
      ct(lang, 'directionValue', { deg: c.directionDeg, fov: c.fieldOfViewDeg ?? '—' }),
    ])
  }
  if (c.covers) {
    rows.push([ct(lang, 'covers'), c.covers])
  }
  if (c.retentionDays !== null) {
    rows.push([ct(lang, 'retention'), ct(lang, 'retentionValue', { n: c.retentionDays })])
  }
  rows.push([ct(lang, 'liveView'), ct(lang, c.liveView ? 'yes' : 'no')])
  return cameraPopupRows(`${c.code} · ${c.name}`, rows)
}

/** The registry's cameras on the shared map: cones, one marker style per owner type, a popup with the details. */
export function RegistryMap(props: {
  lang: Language
  cameras: CameraView[]
  selectedId: string | null
  onSelect: (id: string) => void
  height: string
}) {
  const { lang, cameras, selectedId } = props
  const onSelect = useRef(props.onSelect)
  onSelect.current = props.onSelect
  // Frame the cameras when the filtered set changes, not when one is selected.
  const framed = useRef('')
  const key = `${lang}|${selectedId}|${cameras.map((c) => `${c.id}:${c.updatedAt}`).join(',')}`
  const layer = useMemo(
    () => ({
      key,
      draw: (group: Parameters<typeof drawCameras>[0], map: import('leaflet').Map) => {
        drawCameras(group, cameras, {
          popup: (c) => popupOf(lang, cameras.find((x) => x.id === c.id) as CameraView),
          onClick: (id) => onSelect.current(id),
          selectedId,
        })
        const ids = cameras.map((c) => c.id).join(',')
        const bounds = cameraBounds(cameras)
        if (bounds && framed.current !== ids) {
          framed.current = ids
          // The page may have laid the map out after Leaflet measured it: measure again before framing.
          map.invalidateSize({ animate: false })
          // The zone is about 2 km across: half zoom steps let it fill a phone's width.
          map.options.zoomSnap = 0.5
          map.fitBounds(bounds, { padding: [16, 16], maxZoom: 17, animate: false })
        }
      },
    }),
    [key],
  )
  return (
    <MapView
      lang={lang}
      center={RAYONG_ZONE_CENTRE}
      zoom={15}
      layer={layer}
      fitToMarkers={false}
      listMarkersInFallback={false}
      height={props.height}
    />
  )
}

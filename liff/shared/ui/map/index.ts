// The shared map: import from here (`@shared/ui/map/index.js`).
export { googleDirectionsUrl, googleMapsUrl, type PickSource } from './geo.js'
export type { Jurisdiction, MapMarker, MapMarkerKind, MapMarkerTone } from './map-view.js'
export { type LatLng, type MapLayer, type MapPick, MapView, type MapViewProps } from './map-view.js'

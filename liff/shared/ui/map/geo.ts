// The map's plain helpers (no Leaflet, no DOM): what the tile fallback shows, unit-tested in test/unit/liff/.
import type { Language } from '../../lib/i18n.js'

export type LatLng = { lat: number; lng: number }

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres (haversine; the server's Turf gives the same to well under a metre here). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** `850 ม.` / `1.2 กม.` in Thai, `850 m` / `1.2 km` in English; whole metres below a kilometre. */
export function formatDistance(meters: number, lang: Language): string {
  if (meters < 1000) {
    const m = Math.round(meters)
    return lang === 'th' ? `${m} ม.` : `${m} m`
  }
  const km = (meters / 1000).toFixed(meters < 10_000 ? 1 : 0)
  return lang === 'th' ? `${km} กม.` : `${km} km`
}

/** Six decimals (about 10 cm), latitude first, as map apps and people read them aloud. */
export function formatCoordinates(p: LatLng): string {
  return `${p.lat.toFixed(6)}, ${p.lng.toFixed(6)}`
}

/** Opens the place in Google Maps (the app on a phone, the site elsewhere): a pin, not a search by name. */
export function googleMapsUrl(p: LatLng): string {
  return `https://www.google.com/maps/search/?api=1&query=${p.lat.toFixed(6)},${p.lng.toFixed(6)}`
}

/** Directions from here to there in Google Maps (a patrol's next stop). */
export function googleDirectionsUrl(to: LatLng): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${to.lat.toFixed(6)},${to.lng.toFixed(6)}`
}

export function isValidLatLng(p: LatLng): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180
}

/**
 * What a person types or pastes as a place: `12.6814, 101.2816`, `12.6814 101.2816`, or a Google Maps link with
 * `@12.68,101.28` or `q=12.68,101.28` in it. Latitude first; null when it is not a place on Earth.
 */
export function parseCoordinates(text: string): LatLng | null {
  const cleaned = text.trim()
  const fromLink = /[@=](-?\d{1,2}(?:\.\d+)?),\s*(-?\d{1,3}(?:\.\d+)?)/.exec(cleaned)
  const plain = /^(-?\d{1,2}(?:\.\d+)?)\s*[,\s]\s*(-?\d{1,3}(?:\.\d+)?)$/.exec(cleaned)
  const match = plain ?? fromLink
  if (!match) {
    return null
  }
  const p = { lat: Number(match[1]), lng: Number(match[2]) }
  return isValidLatLng(p) ? p : null
}

/** How a picked position was set: the phone's GPS, a pin placed on the map, or typed coordinates. */
export type PickSource = 'gps' | 'pin' | 'typed'

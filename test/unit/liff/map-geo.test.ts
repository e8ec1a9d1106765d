import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../bot/config.js'
import { isTileUrlTemplate, tileImageSource } from '../../../bot/contracts/map.js'
import {
  distanceMeters,
  formatCoordinates,
  formatDistance,
  googleMapsUrl,
  parseCoordinates,
} from '../../../liff/shared/ui/map/geo.js'

// Issue #13: what the map shows when its tiles cannot load must still locate the place.
describe('map fallback helpers', () => {
  const station = { lat: 12.6814, lng: 101.2816 }

  it('measures distance like Turf (haversine) within a metre', () => {
    // 0.01° of latitude is about 1,112 m anywhere.
    expect(distanceMeters(station, { lat: 12.6914, lng: 101.2816 })).toBeCloseTo(1111.95, 0)
    expect(distanceMeters(station, station)).toBe(0)
  })

  it('formats distances in Thai and English', () => {
    expect(formatDistance(849.6, 'th')).toBe('850 ม.')
    expect(formatDistance(849.6, 'en')).toBe('850 m')
    expect(formatDistance(1234, 'th')).toBe('1.2 กม.')
    expect(formatDistance(23_456, 'en')).toBe('23 km')
  })

  it('links to the exact pin in Google Maps', () => {
    expect(formatCoordinates(station)).toBe('12.681400, 101.281600')
    expect(googleMapsUrl(station)).toBe('https://www.google.com/maps/search/?api=1&query=12.681400,101.281600')
  })

  it('reads typed or pasted coordinates, latitude first', () => {
    expect(parseCoordinates(' 12.6814, 101.2816 ')).toEqual(station)
    expect(parseCoordinates('12.6814 101.2816')).toEqual(station)
    expect(parseCoordinates('https://www.google.com/maps/@12.6814,101.2816,17z')).toEqual(station)
    expect(parseCoordinates('https://maps.google.com/?q=12.6814,101.2816')).toEqual(station)
  })

  it('refuses what is not a place', () => {
    expect(parseCoordinates('')).toBeNull()
    expect(parseCoordinates('บ้านเลขที่ 12')).toBeNull()
    expect(parseCoordinates('95.1, 101.2')).toBeNull()
    expect(parseCoordinates('12.6, 181')).toBeNull()
  })

  it('validates tile templates and turns them into a CSP image source', () => {
    expect(isTileUrlTemplate('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(true)
    expect(isTileUrlTemplate('https://tile.example.org/{z}/{x}.png')).toBe(false)
    expect(isTileUrlTemplate('javascript:alert(1)//{z}{x}{y}')).toBe(false)
    expect(tileImageSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org')
    expect(tileImageSource('https://{s}.tiles.example.org:8443/{z}/{x}/{y}.png')).toBe(
      'https://*.tiles.example.org:8443',
    )
  })

  it('reads MAP_TILE_URL and MAP_TILE_ATTRIBUTION, refusing a template without {z}/{x}/{y}', () => {
    expect(loadConfig({}).map).toEqual({
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
    })
    const own = loadConfig({
      MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png',
      MAP_TILE_ATTRIBUTION: '© X',
    })
    expect(own.map).toEqual({ tileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', attribution: '© X' })
    expect(() => loadConfig({ MAP_TILE_URL: 'https://tiles.example.org/tile.png' })).toThrow(/MAP_TILE_URL/)
  })
})

// Map tiles, shared by the server (config, CSP) and both LIFF apps (liff/shared/ui/map/). Plain TypeScript.

/** Where map tiles come from: a Leaflet URL template and the attribution its licence requires. */
export type MapTiles = { tileUrl: string; attribution: string }

export const DEFAULT_MAP_TILES: MapTiles = {
  tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
}

/** A usable template: http(s) with {z}, {x} and {y}; {s} (subdomain) and {r} (retina) are optional. */
export function isTileUrlTemplate(url: string): boolean {
  return /^https?:\/\/[^/\s]+\/\S*$/.test(url) && ['{z}', '{x}', '{y}'].every((p) => url.includes(p))
}

/**
 * The CSP img-src source for a tile template: its scheme and host, a `{s}` subdomain becoming `*`
 * (`https://{s}.tile.example.org/…` → `https://*.tile.example.org`).
 */
export function tileImageSource(url: string): string {
  const match = /^(https?:\/\/)([^/]+)/.exec(url)
  if (!match) {
    return "'self'"
  }
  const host = (match[2] ?? '').replace(/\{s\}/g, '*')
  return `${match[1]}${host}`
}

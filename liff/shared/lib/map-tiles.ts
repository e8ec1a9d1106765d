import { DEFAULT_MAP_TILES, isTileUrlTemplate, type MapTiles } from '@contracts/map.js'

// The server's tile settings (MAP_TILE_URL, MAP_TILE_ATTRIBUTION), from the app's config endpoint: initLiff stores
// them, every map reads them, so pages never pass tile settings around.
let current: MapTiles = DEFAULT_MAP_TILES

export function setMapTiles(tiles: MapTiles | undefined) {
  current = tiles && isTileUrlTemplate(tiles.tileUrl) ? tiles : DEFAULT_MAP_TILES
}

export function mapTiles(): MapTiles {
  return current
}

import { createHash } from 'node:crypto'
import type { messagingApi } from '@line/bot-sdk'
import { type Language, t } from '../i18n/index.js'
import { type Bounds, CANVAS, layoutTiles } from './layout.js'
import { MENU_TILES, type MenuEnv, type MenuTile } from './tiles.js'

/** Every rich menu line:setup makes is named with this prefix; it deletes old ones by it and never touches others. */
export const MENU_NAME_PREFIX = 'rsz-oa/'

export const MENU_LANGUAGES: readonly Language[] = ['th', 'en']

/** The tiles in their places: the single source of both the tap areas and the rendered image. */
export function placedTiles(tiles: readonly MenuTile[] = MENU_TILES) {
  return layoutTiles(tiles)
}

/** LINE's rich menu object with every field this project sets (the SDK's type has them all optional). */
export type RichMenuObject = messagingApi.RichMenuRequest & {
  size: { width: number; height: number }
  selected: boolean
  name: string
  chatBarText: string
  areas: { bounds: Bounds; action: messagingApi.Action }[]
}

/** The rich menu object for a language (without the version suffix line:setup adds to the name). */
export function richMenuRequest(lang: Language, env: MenuEnv, tiles: readonly MenuTile[] = MENU_TILES): RichMenuObject {
  return {
    size: { ...CANVAS },
    // Open on arrival: the menu is how most people find the services.
    selected: true,
    name: `${MENU_NAME_PREFIX}${lang}`,
    chatBarText: t(lang, 'richmenu.chatBar'),
    areas: placedTiles(tiles).map((tile) => ({ bounds: tile.bounds, action: tile.action(lang, env) })),
  }
}

/**
 * The menu's name with a short hash of its object and image: an unchanged menu keeps its name, so a second
 * line:setup reuses it instead of creating a copy (menus are rate-limited and their images cannot be replaced).
 */
export function versionedName(request: RichMenuObject, image: Buffer): string {
  const hash = createHash('sha256')
    .update(JSON.stringify({ ...request, name: '' }))
    .update(image)
    .digest('hex')
  return `${request.name}/${hash.slice(0, 12)}`
}

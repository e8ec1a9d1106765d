import type { messagingApi } from '@line/bot-sdk'
import type { Language } from '../i18n/index.js'
import { toLineError } from '../line/line-client.js'
import { readMenuImage } from '../richmenu/images.js'
import { MENU_LANGUAGES, MENU_NAME_PREFIX, richMenuRequest, versionedName } from '../richmenu/menu.js'
import type { RichMenuApi, RichMenuBlobApi } from '../richmenu/richmenu-api.js'
import { type MenuEnv, RICH_MENU_ALIASES } from '../richmenu/tiles.js'

export type SyncedMenu = { language: Language; richMenuId: string; name: string; created: boolean }
export type Say = (line: string) => void

async function hasImage(blob: RichMenuBlobApi, richMenuId: string): Promise<boolean> {
  try {
    const res = await blob.getRichMenuImageWithHttpInfo(richMenuId)
    res.body.destroy() // only asking whether it is there
    return true
  } catch (err) {
    if (toLineError(err).status === 404) {
      return false
    }
    throw err
  }
}

/**
 * One language's menu: reused when a menu with the same versioned name (same object, same image) exists, else
 * validated, created and given its image. A menu left without an image by an interrupted run gets it now.
 */
async function ensureMenu(
  clients: { api: RichMenuApi; blob: RichMenuBlobApi },
  existing: messagingApi.RichMenuResponse[],
  language: Language,
  env: MenuEnv,
  force: boolean,
): Promise<SyncedMenu> {
  const image = readMenuImage(language)
  const base = richMenuRequest(language, env)
  const request = { ...base, name: versionedName(base, image) }
  const same = force ? undefined : existing.find((m) => m.name === request.name)
  if (same) {
    if (!(await hasImage(clients.blob, same.richMenuId))) {
      await clients.blob.setRichMenuImage(same.richMenuId, new Blob([image], { type: 'image/png' }))
    }
    return { language, richMenuId: same.richMenuId, name: request.name, created: false }
  }
  await clients.api.validateRichMenuObject(request)
  const { richMenuId } = await clients.api.createRichMenu(request)
  await clients.blob.setRichMenuImage(richMenuId, new Blob([image], { type: 'image/png' }))
  return { language, richMenuId, name: request.name, created: true }
}

/** Points an alias at a menu: update when it exists, create when it does not. */
async function pointAlias(api: RichMenuApi, richMenuAliasId: string, richMenuId: string): Promise<void> {
  const aliases = (await api.getRichMenuAliasList()).aliases ?? []
  const current = aliases.find((a) => a.richMenuAliasId === richMenuAliasId)
  if (current?.richMenuId === richMenuId) {
    return
  }
  if (current) {
    await api.updateRichMenuAlias(richMenuAliasId, { richMenuId })
  } else {
    await api.createRichMenuAlias({ richMenuAliasId, richMenuId })
  }
}

/**
 * Creates or reuses the Thai and English menus, points `rsz-th` / `rsz-en` at them and makes Thai the default.
 * Returns the menus and the project's older menus (by name prefix) for the caller to delete once users are
 * re-linked; menus without the prefix are someone else's and are never touched.
 */
export async function syncRichMenus(
  clients: { api: RichMenuApi; blob: RichMenuBlobApi },
  env: MenuEnv,
  say: Say,
  force = false,
): Promise<{ menus: Record<Language, SyncedMenu>; old: messagingApi.RichMenuResponse[] }> {
  const existing = (await clients.api.getRichMenuList()).richmenus
  const menus = {} as Record<Language, SyncedMenu>
  for (const language of MENU_LANGUAGES) {
    const menu = await ensureMenu(clients, existing, language, env, force)
    menus[language] = menu
    say(`✔ rich menu ${language}: ${menu.created ? 'created' : 'unchanged, kept'} ${menu.richMenuId} (${menu.name})`)
  }
  for (const language of MENU_LANGUAGES) {
    await pointAlias(clients.api, RICH_MENU_ALIASES[language], menus[language].richMenuId)
    say(`✔ alias ${RICH_MENU_ALIASES[language]} → ${menus[language].richMenuId}`)
  }
  await clients.api.setDefaultRichMenu(menus.th.richMenuId)
  say(`✔ default rich menu: th (${menus.th.richMenuId})`)
  const current = new Set(MENU_LANGUAGES.map((l) => menus[l].richMenuId))
  const old = existing.filter((m) => m.name.startsWith(MENU_NAME_PREFIX) && !current.has(m.richMenuId))
  return { menus, old }
}

export async function deleteOldMenus(api: RichMenuApi, old: messagingApi.RichMenuResponse[], say: Say) {
  for (const menu of old) {
    await api.deleteRichMenu(menu.richMenuId)
    say(`✔ deleted old menu ${menu.richMenuId} (${menu.name})`)
  }
  if (old.length === 0) {
    say('✔ no old menus to delete')
  }
}

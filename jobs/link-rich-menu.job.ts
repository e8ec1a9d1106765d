import { eq, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import { toLineError } from '../bot/line/line-client.js'
import type { RichMenuApi } from '../bot/richmenu/richmenu-api.js'
import { RICH_MENU_ALIASES } from '../bot/richmenu/tiles.js'
import type { Db } from '../db/client.js'
import { citizens } from '../db/schema/index.js'
import { type JobPayload, PermanentJobError } from './queues.js'

export type LinkRichMenuDeps = {
  db: Db
  api: Pick<RichMenuApi, 'getRichMenuAlias' | 'linkRichMenuIdToUser'>
  logger: Pick<Logger, 'info' | 'warn'>
  onCall?: (endpoint: string, status: number) => void
}

/**
 * The `link-rich-menu` processor: gives a citizen the menu of their language (the menu the language's alias points
 * at, so a new line:setup needs no change here). It is enqueued after the commit that stored the language (a new
 * `menu_version`); if a newer version exists by now, that version's job does the linking and this one stands down.
 * Done (or nothing to do) marks the version linked, which is what the sweeper checks.
 */
export function createLinkRichMenu({ db, api, logger, onCall }: LinkRichMenuDeps) {
  async function call<T>(endpoint: string, fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn()
      onCall?.(endpoint, 200)
      return result
    } catch (err) {
      const e = toLineError(err)
      onCall?.(endpoint, e.status)
      throw e
    }
  }

  async function markLinked(lineUserId: string, version: number) {
    await db
      .update(citizens)
      .set({ menuLinkedVersion: sql`greatest(${citizens.menuLinkedVersion}, ${version})` })
      .where(eq(citizens.lineUserId, lineUserId))
  }

  return async function linkRichMenu({ lineUserId, language, version }: JobPayload<'link-rich-menu'>) {
    const [row] = await db
      .select({ menuVersion: citizens.menuVersion })
      .from(citizens)
      .where(eq(citizens.lineUserId, lineUserId))
      .limit(1)
    if (!row || row.menuVersion > version) {
      return 'superseded'
    }
    const alias = RICH_MENU_ALIASES[language]
    try {
      const { richMenuId } = await call('richmenu-alias', () => api.getRichMenuAlias(alias))
      await call('richmenu-link', () => api.linkRichMenuIdToUser(lineUserId, richMenuId))
      await markLinked(lineUserId, version)
      return 'linked'
    } catch (err) {
      const e = toLineError(err)
      if (e.status === 404) {
        // No menus yet (line:setup not run) or the menu went away meanwhile: the default menu shows; nothing to mend.
        logger.warn({ alias, status: e.status }, 'rich menu alias not found: run npm run line:setup')
        await markLinked(lineUserId, version)
        return 'no-menu'
      }
      if (!e.retryable) {
        throw new PermanentJobError(`linking the ${language} rich menu failed: ${e.message}`)
      }
      throw e
    }
  }
}

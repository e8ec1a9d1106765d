import { eq } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../../db/client.js'
import { citizens } from '../../db/schema/index.js'
import { type JobMeta, type JobPayload, PermanentJobError } from '../../jobs/queues.js'
import { toLineError } from '../line/line-client.js'
import type { RichMenuApi } from './richmenu-api.js'
import { RICH_MENU_ALIASES } from './tiles.js'

export type LinkRichMenuDeps = {
  db: Db
  api: Pick<RichMenuApi, 'getRichMenuAlias' | 'linkRichMenuIdToUser'>
  logger: Pick<Logger, 'info' | 'warn'>
  onCall?: (endpoint: string, status: number) => void
}

/**
 * The `link-rich-menu` processor: gives a citizen the menu of their language (the menu the language's alias points
 * at, so a new line:setup needs no change here). The job is enqueued inside the transaction that stored the
 * language, so it only acts once that language is committed: until then it retries; if the language has changed
 * again since, the newer change's job does the linking and this one stands down.
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

  return async function linkRichMenu({ lineUserId, language }: JobPayload<'link-rich-menu'>, meta: JobMeta) {
    const [row] = await db
      .select({ language: citizens.language })
      .from(citizens)
      .where(eq(citizens.lineUserId, lineUserId))
      .limit(1)
    if (row?.language !== language) {
      if (meta.attemptsMade + 1 < meta.attempts) {
        throw new Error(`citizen's language is not (yet) ${language}`)
      }
      return 'superseded'
    }
    const alias = RICH_MENU_ALIASES[language]
    try {
      const { richMenuId } = await call('richmenu-alias', () => api.getRichMenuAlias(alias))
      await call('richmenu-link', () => api.linkRichMenuIdToUser(lineUserId, richMenuId))
      return 'linked'
    } catch (err) {
      const e = toLineError(err)
      if (e.status === 404) {
        // No menus yet (line:setup not run) or the menu went away meanwhile: the default menu shows; nothing to mend.
        logger.warn({ alias, status: e.status }, 'rich menu alias not found: run npm run line:setup')
        return 'no-menu'
      }
      if (!e.retryable) {
        throw new PermanentJobError(`linking the ${language} rich menu failed: ${e.message}`)
      }
      throw e
    }
  }
}

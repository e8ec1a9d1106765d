import type { Logger } from 'pino'
import type { Enqueue } from '../../jobs/queues.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import type { Language } from '../i18n/index.js'
import { LINE_USER_ID } from './richmenu-api.js'

/**
 * Decorates the citizens service so that every place that stores a citizen's language (a follow, the chat's
 * language switch, the LIFF settings page) also queues the rich-menu link of that language. Only the queue write
 * happens here (in the worker's or the LIFF request's transaction); LINE is called by the `link-rich-menu` job.
 */
export function linkRichMenusOnLanguage(
  citizens: CitizensService,
  enqueue: Enqueue,
  logger: Pick<Logger, 'warn'>,
): CitizensService {
  async function queueLink(lineUserId: string, language: Language) {
    if (!LINE_USER_ID.test(lineUserId)) {
      return
    }
    // A new job per change (the time in the ID): the processor checks the committed language, so order is safe.
    const jobId = `richmenu-${lineUserId}-${language}-${Date.now()}`
    // The job waits a moment so its first try usually comes after the caller's commit.
    await enqueue('link-rich-menu', { lineUserId, language }, { jobId, delayMs: 200 }).catch((err: Error) => {
      // The chat must not fail for a menu: without the link the person still sees the default (Thai) menu.
      logger.warn({ err: err.message }, 'rich menu link not queued')
    })
  }

  return {
    ...citizens,
    async recordFollow(tx, lineUserId, profile) {
      const citizen = await citizens.recordFollow(tx, lineUserId, profile)
      await queueLink(lineUserId, citizen.language)
      return citizen
    },
    async setLanguage(tx, lineUserId, language) {
      await citizens.setLanguage(tx, lineUserId, language)
      await queueLink(lineUserId, language)
    },
  }
}

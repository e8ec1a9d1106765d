import type { Tx } from '../../db/client.js'
import type { Citizen } from '../../db/schema/index.js'
import { enqueueAfterCommit } from '../../jobs/after-commit.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import { LINE_USER_ID } from './richmenu-api.js'

/** The link job of one menu version of a citizen: derived from the row, so a retry or the sweeper names the same job. */
export function linkJobId(citizen: Pick<Citizen, 'id' | 'menuVersion'>): string {
  return `rm_${citizen.id}_${citizen.menuVersion}`
}

/** Queues the rich-menu link of the citizen's current menu version, to run once the caller's transaction commits. */
export function queueMenuLink(tx: Tx, citizen: Pick<Citizen, 'id' | 'lineUserId' | 'language' | 'menuVersion'>) {
  if (!LINE_USER_ID.test(citizen.lineUserId)) {
    return
  }
  enqueueAfterCommit(
    tx,
    'link-rich-menu',
    { lineUserId: citizen.lineUserId, language: citizen.language, version: citizen.menuVersion },
    linkJobId(citizen),
  )
}

/**
 * Decorates the citizens service so that every place that stores a citizen's language (a follow, the chat's
 * language switch, the LIFF settings page) also queues the rich-menu link of that language. LINE is called by the
 * `link-rich-menu` job (jobs/link-rich-menu.job.ts), after the commit.
 */
export function linkRichMenusOnLanguage(citizens: CitizensService): CitizensService {
  return {
    ...citizens,
    async recordFollow(tx, lineUserId, profile) {
      const citizen = await citizens.recordFollow(tx, lineUserId, profile)
      queueMenuLink(tx, citizen)
      return citizen
    },
    async setLanguage(tx, lineUserId, language) {
      const citizen = await citizens.setLanguage(tx, lineUserId, language)
      if (citizen) {
        queueMenuLink(tx, citizen)
      }
      return citizen
    },
  }
}

import { HTTPFetchError } from '@line/bot-sdk'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { citizens } from '../../db/schema/index.js'
import type { Config } from '../config.js'
import { LineApiError, toLineError } from '../line/line-client.js'
import { createRichMenuClients, LINE_USER_ID, type RichMenuApi } from '../richmenu/richmenu-api.js'
import { deleteOldMenus, type Say, syncRichMenus } from './richmenu-sync.js'

export type SetupOptions = {
  config: Readonly<Config>
  /** To re-link English speakers to a replaced English menu; without it they fall back to the default (Thai). */
  db?: Db
  say?: Say
  /** Recreate the menus even when unchanged. */
  force?: boolean
}

export type SetupReport = { problems: string[]; menus: Record<'th' | 'en', string> }

/** A failed step, named, with LINE's own words (message and details) when LINE answered. */
export class SetupError extends Error {
  override name = 'SetupError'
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof SetupError) {
      throw err
    }
    if (!(err instanceof HTTPFetchError || err instanceof LineApiError || err instanceof TypeError)) {
      throw new SetupError(`${name}: ${err instanceof Error ? err.message : String(err)}`)
    }
    const e = toLineError(err) // a TypeError is fetch's network failure
    const details = (e.body?.details ?? []).map((d) => `${d.property ?? ''}: ${d.message ?? ''}`).join('; ')
    const what =
      e.status === 0
        ? `could not reach LINE (${e.body?.message ?? 'network error'})`
        : `LINE answered ${e.status}: ${e.body?.message ?? ''}${details ? ` (${details})` : ''}`
    throw new SetupError(`${name}: ${what}${e.status === 401 ? ' — check LINE_CHANNEL_ACCESS_TOKEN' : ''}`)
  }
}

async function setWebhook(api: RichMenuApi, endpoint: string, say: Say, problems: string[]) {
  await step('set webhook URL', () => api.setWebhookEndpoint({ endpoint }))
  say(`✔ webhook URL: ${endpoint}`)
  const test = await step('test webhook', () => api.testWebhookEndpoint({ endpoint }))
  if (test.success) {
    say(`✔ webhook test: LINE reached it (HTTP ${test.statusCode})`)
  } else {
    // Not fatal for the rest: the menus do not depend on it. Reported at the end and in the exit code.
    const problem = `webhook test failed: ${test.reason} (HTTP ${test.statusCode}, ${test.detail}). Is the bot running and reachable at ${endpoint}?`
    problems.push(problem)
    say(`✘ ${problem}`)
  }
}

/** People who chose English, re-linked to the new English menu before the old one (their link) is deleted. */
async function relinkEnglish(api: RichMenuApi, db: Db, richMenuId: string, say: Say) {
  const rows = await db
    .select({ id: citizens.lineUserId })
    .from(citizens)
    .where(and(eq(citizens.language, 'en'), eq(citizens.followState, 'following')))
  const ids = rows.map((r) => r.id).filter((id) => LINE_USER_ID.test(id))
  for (let i = 0; i < ids.length; i += 500) {
    const userIds = ids.slice(i, i + 500) // LINE's bulk link takes at most 500
    await step('re-link English menu', () => api.linkRichMenuIdToUsers({ richMenuId, userIds }))
  }
  say(`✔ re-linked ${ids.length} English-speaking citizen(s) to the new English menu`)
}

/**
 * Connects the channel (idempotent): webhook URL set and tested; Thai and English rich menus created or kept,
 * aliases rsz-th / rsz-en, Thai as default, the project's older menus deleted; the LIFF apps to register printed.
 * Throws SetupError on a failed step; problems that do not stop the rest (webhook test) come back in the report.
 */
export async function runLineSetup({ config, db, say = console.log, force = false }: SetupOptions) {
  const line = config.line
  const problems: string[] = []
  const clients = createRichMenuClients(line)
  const api = clients.api
  say(
    `LINE setup: ${line.emulator ? 'LINE emulator' : 'LINE Platform'} at ${line.apiBaseUrl} (data: ${line.dataApiBaseUrl})`,
  )
  const bot = await step('read the channel (bot info)', () => api.getBotInfo())
  say(`✔ channel: ${bot.displayName} (${bot.basicId})`)

  await setWebhook(api, `${config.publicBaseUrl}/webhook`, say, problems)

  const { menus, old } = await step('rich menus', () =>
    syncRichMenus(clients, { liffId: line.liffIdCitizen }, say, force),
  )
  if (old.length > 0 && menus.en.created) {
    if (db) {
      await relinkEnglish(api, db, menus.en.richMenuId, say)
    } else {
      say('! English speakers linked to the old English menu see the Thai default until they switch language again')
      say('  (set DATABASE_URL to let line:setup re-link them; the embedded database belongs to the running bot)')
    }
  }
  await step('delete old menus', () => deleteOldMenus(api, old, say))

  say('')
  say(
    line.emulator
      ? 'LIFF apps (the emulator serves them itself; with a real channel, register them in the LINE Login channel):'
      : 'Register these LIFF apps in the LINE Login channel (LINE Developers Console › LIFF tab):',
  )
  say(`  citizen  endpoint ${config.publicBaseUrl}/liff/   size Tall  scopes openid profile chat_message.write`)
  say(`  admin    endpoint ${config.publicBaseUrl}/admin/  size Full  scopes openid profile`)
  if (!line.emulator) {
    say(`  Their IDs go in LIFF_ID_CITIZEN (now ${line.liffIdCitizen}) and LIFF_ID_ADMIN (now ${line.liffIdAdmin});`)
    say("  after changing LIFF_ID_CITIZEN run line:setup again: the menu's Settings tile opens the citizen app.")
  }
  return { problems, menus: { th: menus.th.richMenuId, en: menus.en.richMenuId } } satisfies SetupReport
}

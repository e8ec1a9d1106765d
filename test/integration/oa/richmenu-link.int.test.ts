import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../bot/config.js'
import { runLineSetup } from '../../../bot/setup/run-setup.js'
import { citizens } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'

// Under load (two test files at a time, Postgres + Redis) a job can take a few seconds.
const POLL = { timeout: 10_000 }
/** Each person sees the rich menu of their language: linked on follow, re-linked on every language change. */
describe('rich menu per language, through the link-rich-menu job', () => {
  let s: Stack
  let menus: { th: string; en: string }
  beforeAll(async () => {
    s = await startStack()
    const config = loadConfig({
      LINE_API_BASE_URL: s.emulator.url,
      LINE_DATA_API_BASE_URL: s.emulator.url,
      PUBLIC_BASE_URL: s.baseUrl,
    })
    menus = (await runLineSetup({ config, say: () => {} })).menus
  })
  afterAll(async () => {
    await s?.close()
  })

  const linked = (userId: string) => s.emulator.state.userRichMenus.get(userId)
  const language = async (userId: string) =>
    (await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, userId)))[0]?.language

  it('links the menu of the LINE profile language on follow', async () => {
    const somchai = s.emulator.createUser({ displayName: 'สมชาย', language: 'th' })
    const anna = s.emulator.createUser({ displayName: 'Anna', language: 'en' })
    await s.emulator.follow(somchai.userId)
    await s.emulator.follow(anna.userId)
    await expect.poll(() => linked(somchai.userId), POLL).toBe(menus.th)
    await expect.poll(() => linked(anna.userId), POLL).toBe(menus.en)
  })

  it('re-links when the language is switched in chat, and back', async () => {
    const user = s.emulator.createUser({ displayName: 'Malee', language: 'th' })
    await s.emulator.follow(user.userId)
    await expect.poll(() => linked(user.userId), POLL).toBe(menus.th)
    await s.emulator.sendText(user.userId, 'English')
    await expect.poll(() => linked(user.userId), POLL).toBe(menus.en)
    await s.emulator.sendPostback(user.userId, 'a=lang&v=th')
    await expect.poll(() => linked(user.userId), POLL).toBe(menus.th)
  })

  it('stores the language of a rich-menu switch (richmenuswitch postback) and keeps the menu linked', async () => {
    const user = s.emulator.createUser({ displayName: 'Tom', language: 'th' })
    await s.emulator.follow(user.userId)
    await expect.poll(() => linked(user.userId), POLL).toBe(menus.th)
    // What LINE sends after a tap on the Thai menu's "English" tile (the app already shows the English menu).
    await s.emulator.sendPostback(user.userId, 'a=lang&v=en', { newRichMenuAliasId: 'rsz-en', status: 'SUCCESS' })
    await expect.poll(() => language(user.userId), POLL).toBe('en')
    await expect.poll(() => linked(user.userId), POLL).toBe(menus.en)
    const [reply] = (await s.emulator.waitForMessages(user.userId, 3)).slice(2)
    expect(reply?.message.text).toBe('Switched to English.')
  })

  it('re-links when the language is changed in the LIFF settings page', async () => {
    const user = s.emulator.createUser({ displayName: 'Ploy', language: 'th' })
    await s.emulator.follow(user.userId)
    await expect.poll(() => linked(user.userId), POLL).toBe(menus.th)
    const res = await fetch(`${s.baseUrl}/api/liff/me/language`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${s.emulator.issueIdToken(user.userId)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en' }),
    })
    expect(res.status, await res.text()).toBe(200)
    await expect.poll(() => linked(user.userId), POLL).toBe(menus.en)
  })

  it('never calls LINE inside the webhook request: the link is a job', async () => {
    const user = s.emulator.createUser({ displayName: 'Nok', language: 'en' })
    const delivery = await s.emulator.follow(user.userId)
    const answeredAt = Date.now()
    expect(delivery.status).toBe(200)
    const linkCalls = () =>
      s.emulator.state.apiCalls.filter((c) => c.path === `/v2/bot/user/${user.userId}/richmenu/${menus.en}`)
    // The webhook had answered before the link call was made: the job makes it afterwards.
    await expect.poll(() => linkCalls().length, POLL).toBe(1)
    expect(linkCalls()[0]?.at ?? 0).toBeGreaterThanOrEqual(answeredAt)
  })
})

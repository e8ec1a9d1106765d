import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Config, loadConfig } from '../../../bot/config.js'
import { makePng } from '../../../bot/emulator/index.js'
import { MENU_NAME_PREFIX } from '../../../bot/richmenu/menu.js'
import { runLineSetup } from '../../../bot/setup/run-setup.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const run = promisify(execFile)

// Under load (two test files at a time, Postgres + Redis) a job can take a few seconds.
const POLL = { timeout: 10_000 }
/** npm run line:setup against the LINE emulator: webhook, menus, aliases, default, clean-up; twice and forced. */
describe('line:setup against the LINE emulator', () => {
  let s: Stack
  let config: Readonly<Config>
  const out: string[] = []
  beforeAll(async () => {
    s = await startStack()
    config = loadConfig({
      LINE_API_BASE_URL: s.emulator.url,
      LINE_DATA_API_BASE_URL: s.emulator.url,
      PUBLIC_BASE_URL: s.baseUrl,
    })
  })
  afterAll(async () => {
    await s?.close()
  })

  const menus = () => [...s.emulator.state.richMenus.values()]
  const ours = () => menus().filter((m) => m.name.startsWith(MENU_NAME_PREFIX))
  const alias = (id: string) => s.emulator.state.richMenuAliases.get(id)

  /** A menu made through the API the way someone else (or an older line:setup) would have made it. */
  async function makeMenu(name: string) {
    const api = (path: string, body: string | Uint8Array, type: string) =>
      fetch(`${s.emulator.url}/v2/bot${path}`, {
        method: 'POST',
        headers: { authorization: 'Bearer emulator-channel-access-token', 'content-type': type },
        body,
      })
    const menu = {
      size: { width: 2500, height: 843 },
      selected: false,
      name,
      chatBarText: 'Menu',
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'postback', data: 'x' } }],
    }
    const res = await api('/richmenu', JSON.stringify(menu), 'application/json')
    const { richMenuId } = (await res.json()) as { richMenuId: string }
    const img = await api(`/richmenu/${richMenuId}/content`, new Uint8Array(makePng(2500, 843)), 'image/png')
    expect(img.status, await img.text()).toBe(200)
    return richMenuId
  }

  it('first run: webhook set and tested, menus and aliases made, Thai default, old project menus removed', async () => {
    const foreign = await makeMenu('campaign-by-the-marketing-team')
    const stale = await makeMenu(`${MENU_NAME_PREFIX}en/000000000000`)
    const report = await runLineSetup({ config, db: s.db.db, say: (l) => out.push(l) })
    expect(report.problems, out.join('\n')).toEqual([])
    expect(s.emulator.state.webhook.endpoint).toBe(`${s.baseUrl}/webhook`)
    expect(out.join('\n')).toContain('webhook test: LINE reached it')

    expect(
      ours()
        .map((m) => m.name)
        .sort(),
    ).toEqual([
      expect.stringMatching(/^rsz-oa\/en\/[0-9a-f]{12}$/),
      expect.stringMatching(/^rsz-oa\/th\/[0-9a-f]{12}$/),
    ])
    expect(ours().every((m) => m.image?.width === 2500 && m.image.height === 1686)).toBe(true)
    expect(alias('rsz-th')).toBe(report.menus.th)
    expect(alias('rsz-en')).toBe(report.menus.en)
    expect(s.emulator.state.defaultRichMenuId).toBe(report.menus.th)
    expect(s.emulator.state.richMenus.has(stale), 'an older project menu is deleted').toBe(false)
    expect(s.emulator.state.richMenus.has(foreign), "someone else's menu is kept").toBe(true)
    expect(out.join('\n')).toContain('size Tall')
    if (process.env.SHOW_SETUP_OUTPUT) {
      console.log(out.join('\n'))
    }
  })

  it('second run: nothing duplicated, same menus, aliases and default', async () => {
    const before = menus()
      .map((m) => m.richMenuId)
      .sort()
    const report = await runLineSetup({ config, db: s.db.db, say: () => {} })
    expect(
      menus()
        .map((m) => m.richMenuId)
        .sort(),
    ).toEqual(before)
    expect(ours()).toHaveLength(2)
    expect(alias('rsz-th')).toBe(report.menus.th)
    expect(alias('rsz-en')).toBe(report.menus.en)
    expect(s.emulator.state.defaultRichMenuId).toBe(report.menus.th)
  })

  it('replacing the menus (--force) moves aliases, re-links English speakers, deletes the old ones', async () => {
    const anna = s.emulator.createUser({ displayName: 'Anna', language: 'en' })
    await s.emulator.follow(anna.userId)
    const oldEn = alias('rsz-en')
    await expect.poll(() => s.emulator.state.userRichMenus.get(anna.userId), POLL).toBe(oldEn)

    const report = await runLineSetup({ config, db: s.db.db, say: () => {}, force: true })
    expect(report.menus.en).not.toBe(oldEn)
    expect(
      ours()
        .map((m) => m.richMenuId)
        .sort(),
    ).toEqual([report.menus.en, report.menus.th].sort())
    expect(alias('rsz-en')).toBe(report.menus.en)
    expect(s.emulator.state.defaultRichMenuId).toBe(report.menus.th)
    expect(s.emulator.state.userRichMenus.get(anna.userId)).toBe(report.menus.en)
  })

  it('the npm command: exit 0 with a summary; exit 1 with a clear message when LINE cannot be reached', async () => {
    const env = {
      ...process.env,
      LINE_API_BASE_URL: s.emulator.url,
      LINE_DATA_API_BASE_URL: s.emulator.url,
      PUBLIC_BASE_URL: s.baseUrl,
      DATABASE_URL: s.db.url ?? '',
      LINE_CHANNEL_SECRET: '',
      LINE_CHANNEL_ACCESS_TOKEN: '',
    }
    const ok = await run('npx', ['tsx', 'bot/setup/line-setup.ts'], { env })
    expect(ok.stdout).toContain('✔ line:setup done')
    expect(ours()).toHaveLength(2)

    const down = { ...env, LINE_API_BASE_URL: 'http://127.0.0.1:9', LINE_DATA_API_BASE_URL: 'http://127.0.0.1:9' }
    const failed = await run('npx', ['tsx', 'bot/setup/line-setup.ts'], { env: down }).catch((e) => e)
    expect(failed.code).toBe(1)
    expect(failed.stderr).toContain('line:setup failed at read the channel (bot info): could not reach LINE')
  })
})

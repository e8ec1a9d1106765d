import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLineEmulator } from '../../../bot/emulator/index.js'
import { AUTH, LOGIN_CHANNEL_ID, SECRET, TOKEN } from './emulator-app.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rsz-emu-state-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

async function start(persistDir?: string) {
  const emulator = createLineEmulator({
    channelSecret: SECRET,
    channelAccessToken: TOKEN,
    loginChannelId: LOGIN_CHANNEL_ID,
    webhookUrl: 'http://127.0.0.1:9/webhook', // nobody answers: the chat shows a failed-webhook notice
    ...(persistDir ? { persistDir } : {}),
  })
  const app = Fastify({ logger: false })
  await app.register(emulator.plugin)
  await app.ready()
  return { emulator, app }
}

describe('the simulator state across restarts', () => {
  it('keeps users, groups, chats and rich-menu links; new items sort after the old ones', async () => {
    const first = await start(dir)
    const e1 = first.emulator
    const user = e1.createUser({ displayName: 'สมหญิง', language: 'en' })
    const group = e1.createGroup({ groupName: 'สายตรวจ', memberIds: [user.userId] })
    await e1.sendText(user.userId, 'สวัสดี')
    const push = await first.app.inject({
      method: 'POST',
      url: '/v2/bot/message/push',
      headers: { ...AUTH, 'content-type': 'application/json' },
      payload: { to: user.userId, messages: [{ type: 'text', text: 'ยินดีต้อนรับ' }] },
    })
    expect(push.statusCode, push.body).toBe(200)
    e1.state.richMenus.set('richmenu-1', {
      richMenuId: 'richmenu-1',
      size: { width: 2500, height: 843 },
      selected: true,
      name: 'rsz-oa/en',
      chatBarText: 'Menu',
      areas: [],
      image: { contentType: 'image/png', data: Buffer.from('png'), width: 2500, height: 843 },
    })
    e1.state.userRichMenus.set(user.userId, 'richmenu-1')
    const before = e1.state.timelines.get(user.userId) ?? []
    const lastSeq = Math.max(...before.map((i) => i.seq))
    const lastMessageId = e1.messagesTo(user.userId)[0]?.messageId ?? ''
    await first.app.close() // writes the snapshot

    const second = await start(dir)
    const e2 = second.emulator
    expect(e2.state.bot.userId).toBe(e1.state.bot.userId)
    expect(e2.state.users.get(user.userId)).toMatchObject({ displayName: 'สมหญิง', language: 'en' })
    expect(e2.state.groups.get(group.groupId)?.memberIds).toEqual([user.userId])
    expect(e2.state.timelines.get(user.userId)).toEqual(before)
    expect(e2.messagesTo(user.userId).map((m) => m.message)).toEqual([{ type: 'text', text: 'ยินดีต้อนรับ' }])
    // The menu and the user's link survive; its image comes back when runLineSetup uploads it again.
    expect(e2.state.richMenus.get('richmenu-1')).toMatchObject({ name: 'rsz-oa/en' })
    expect(e2.state.richMenus.get('richmenu-1')?.image).toBeUndefined()
    expect(e2.state.userRichMenus.get(user.userId)).toBe('richmenu-1')
    // The page's API sees the restored people.
    const state = JSON.parse((await second.app.inject({ url: '/emulator/api/state' })).body)
    expect(state.users.map((u: { userId: string }) => u.userId)).toEqual([user.userId])

    await e2.sendText(user.userId, 'กลับมาแล้ว')
    const after = e2.state.timelines.get(user.userId) ?? []
    const added = after.slice(before.length)
    expect(added.length).toBeGreaterThan(0)
    expect(Math.min(...added.map((i) => i.seq))).toBeGreaterThan(lastSeq)
    const newId = added.find((i) => i.kind === 'user')
    expect(newId?.kind === 'user' && BigInt(newId.messageId ?? '0') > BigInt(lastMessageId)).toBe(true)
    await second.app.close()
  })

  it('saves a moment after a change, without waiting for close', async () => {
    const { emulator, app } = await start(dir)
    emulator.createUser({ displayName: 'A' })
    await new Promise((r) => setTimeout(r, 800))
    expect(existsSync(join(dir, 'state.json'))).toBe(true)
    await app.close()
  })

  it('keeps nothing without persistDir (tests start empty)', async () => {
    const { emulator, app } = await start()
    emulator.createUser({ displayName: 'A' })
    await app.close()
    expect(readdirSync(dir)).toEqual([])
  })

  it('starts empty on an unreadable file, and keeps that file aside', async () => {
    writeFileSync(join(dir, 'state.json'), '{"version": 99')
    const { emulator, app } = await start(dir)
    expect(emulator.state.users.size).toBe(0)
    expect(readdirSync(dir).some((f) => f.startsWith('state.json.unreadable-'))).toBe(true)
    await app.close()
  })
})

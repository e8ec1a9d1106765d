import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AUTH, buildEmulatorApp, type EmulatorApp } from './emulator-app.js'

describe('fake Messaging API: profiles, groups, channel', () => {
  let t: EmulatorApp
  let userId: string
  beforeEach(async () => {
    t = await buildEmulatorApp()
    userId = t.emulator.createUser({ displayName: 'นิดา', language: 'en' }).userId
  })
  afterEach(async () => {
    await t.app.close()
  })

  it('profiles: friends only; malformed IDs 400, unknown or blocked 404', async () => {
    expect((await t.call('GET', `/v2/bot/profile/${userId}`)).status).toBe(404)
    await t.emulator.follow(userId)
    expect((await t.call('GET', `/v2/bot/profile/${userId}`)).body).toEqual({
      userId,
      displayName: 'นิดา',
      language: 'en',
    })
    expect((await t.call('GET', '/v2/bot/profile/U123')).status).toBe(400)
    expect((await t.call('GET', '/v2/bot/profile/..%2Fmessage%2Fquota')).status).toBe(400)
    expect((await t.call('GET', `/v2/bot/profile/U${'0'.repeat(32)}`)).status).toBe(404)
    await t.emulator.unfollow(userId)
    expect((await t.call('GET', `/v2/bot/profile/${userId}`)).status).toBe(404)
  })

  it('groups: summary, members, member profile, push to the group, the bot leaving', async () => {
    const officer = t.emulator.createUser({ displayName: 'ร.ต.ท. ก' }).userId
    const group = t.emulator.createGroup({ groupName: 'สายตรวจ', memberIds: [userId, officer] })
    expect((await t.call('GET', `/v2/bot/group/${group.groupId}/summary`)).status).toBe(404)
    const join = await t.emulator.joinGroup(group.groupId)
    expect(join.event).toMatchObject({ type: 'join', source: { type: 'group', groupId: group.groupId } })
    expect((await t.call('GET', `/v2/bot/group/${group.groupId}/summary`)).body).toEqual({
      groupId: group.groupId,
      groupName: 'สายตรวจ',
    })
    expect((await t.call('GET', `/v2/bot/group/${group.groupId}/members/count`)).body).toEqual({ count: 2 })
    expect((await t.call('GET', `/v2/bot/group/${group.groupId}/members/ids`)).body).toEqual({
      memberIds: [userId, officer],
    })
    expect((await t.call('GET', `/v2/bot/group/${group.groupId}/member/${officer}`)).body).toEqual({
      userId: officer,
      displayName: 'ร.ต.ท. ก',
    })
    const push = await t.call('POST', '/v2/bot/message/push', {
      to: group.groupId,
      messages: [{ type: 'text', text: 'เหตุด่วน' }],
    })
    expect(push.status).toBe(200)
    expect(t.emulator.messagesTo(group.groupId).map((m) => m.message.text)).toEqual(['เหตุด่วน'])
    expect((await t.call('GET', '/v2/bot/message/quota/consumption')).body).toEqual({ totalUsage: 2 })

    const text = await t.emulator.sendGroupText(group.groupId, officer, 'รับทราบ')
    expect(text.event.source).toEqual({ type: 'group', groupId: group.groupId, userId: officer })
    expect((await t.call('POST', `/v2/bot/group/${group.groupId}/leave`)).status).toBe(200)
    expect(t.emulator.state.groups.get(group.groupId)?.botIsMember).toBe(false)
  })

  it('bot info, followers and link tokens', async () => {
    await t.emulator.follow(userId)
    const info = await t.call('GET', '/v2/bot/info')
    expect(info.body).toMatchObject({ userId: t.emulator.state.bot.userId, chatMode: 'bot', markAsReadMode: 'auto' })
    expect((await t.call('GET', '/v2/bot/followers/ids')).body).toEqual({ userIds: [userId] })
    expect((await t.call('POST', `/v2/bot/user/${userId}/linkToken`)).body.linkToken).toMatch(/^[0-9a-f]{32}$/)
  })

  it('webhook endpoint: get, set (HTTPS or loopback), test', async () => {
    expect((await t.call('GET', '/v2/bot/channel/webhook/endpoint')).body).toEqual({
      endpoint: 'http://127.0.0.1:9/webhook',
      active: true,
    })
    expect(
      (await t.call('PUT', '/v2/bot/channel/webhook/endpoint', { endpoint: 'http://example.com/hook' })).status,
    ).toBe(400)
    expect(
      (await t.call('PUT', '/v2/bot/channel/webhook/endpoint', { endpoint: 'https://example.com/hook' })).status,
    ).toBe(200)
    expect(t.emulator.state.webhook.endpoint).toBe('https://example.com/hook')
    const test = await t.call('POST', '/v2/bot/channel/webhook/test', { endpoint: 'http://127.0.0.1:9/webhook' })
    expect(test.status).toBe(200)
    expect(test.body).toMatchObject({ success: false, statusCode: 0, reason: 'COULD_NOT_CONNECT' })
  })

  it('serves the content of images users sent (api-data path)', async () => {
    await t.emulator.follow(userId)
    const { event } = await t.emulator.sendImage(userId)
    const id = String(event.message?.id)
    const res = await t.app.inject({ method: 'GET', url: `/v2/bot/message/${id}/content`, headers: AUTH })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG')
    expect((await t.call('GET', '/v2/bot/message/1/content')).status).toBe(404)
  })

  it('delivery statistics count per UTC+9 day', async () => {
    await t.emulator.follow(userId)
    await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [{ type: 'text', text: 'x' }] })
    // 2026-11-26T03:00Z is 12:00 on 26 November in UTC+9.
    expect((await t.call('GET', '/v2/bot/message/delivery/push?date=20261126')).body).toEqual({
      status: 'ready',
      success: 1,
    })
    expect((await t.call('GET', '/v2/bot/message/delivery/push?date=bad')).status).toBe(400)
  })
})

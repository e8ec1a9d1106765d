import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildEmulatorApp, type EmulatorApp, text } from './emulator-app.js'

describe('fake Messaging API: sending', () => {
  let t: EmulatorApp
  let userId: string
  beforeEach(async () => {
    t = await buildEmulatorApp()
    userId = t.emulator.createUser({ displayName: 'สมชาย' }).userId
    await t.emulator.follow(userId)
  })
  afterEach(async () => {
    await t.app.close()
  })

  describe('reply tokens', () => {
    it('are single use', async () => {
      const { event } = await t.emulator.sendText(userId, 'hello')
      const first = await t.call('POST', '/v2/bot/message/reply', {
        replyToken: event.replyToken,
        messages: [text('1')],
      })
      expect(first.status).toBe(200)
      expect(first.body.sentMessages).toEqual([{ id: expect.any(String), quoteToken: expect.any(String) }])
      const second = await t.call('POST', '/v2/bot/message/reply', {
        replyToken: event.replyToken,
        messages: [text('2')],
      })
      expect(second.status).toBe(400)
      expect(second.body).toEqual({ message: 'Invalid reply token' })
      expect(t.emulator.messagesTo(userId).map((m) => [m.via, m.message.text])).toEqual([['reply', '1']])
    })

    it('expire one minute after the webhook was sent', async () => {
      const { event } = await t.emulator.sendText(userId, 'hello')
      t.clock.now += 60_001
      const res = await t.call('POST', '/v2/bot/message/reply', {
        replyToken: event.replyToken,
        messages: [text('late')],
      })
      expect(res.status).toBe(400)
      expect(res.body.message).toBe('Invalid reply token')
    })

    it('get a fresh minute on redelivery unless used', async () => {
      const { event } = await t.emulator.sendText(userId, 'hello')
      t.clock.now += 90_000
      const again = await t.emulator.redeliver(event.webhookEventId)
      expect(again.event.replyToken).toBe(event.replyToken)
      expect(again.event.deliveryContext.isRedelivery).toBe(true)
      const res = await t.call('POST', '/v2/bot/message/reply', {
        replyToken: event.replyToken,
        messages: [text('ok')],
      })
      expect(res.status).toBe(200)
    })

    it('reject X-Line-Retry-Key on reply', async () => {
      const { event } = await t.emulator.sendText(userId, 'hello')
      const res = await t.call(
        'POST',
        '/v2/bot/message/reply',
        { replyToken: event.replyToken, messages: [text('x')] },
        { authorization: `Bearer unit-test-channel-access-token`, 'x-line-retry-key': randomUUID() },
      )
      expect(res.status).toBe(400)
      expect(t.emulator.messagesTo(userId)).toEqual([])
    })
  })

  describe('X-Line-Retry-Key', () => {
    const headers = (key: string) => ({
      authorization: 'Bearer unit-test-channel-access-token',
      'x-line-retry-key': key,
    })

    it('answers 409 with the accepted request ID when a key is reused within 24 h, and sends once', async () => {
      const key = randomUUID()
      const body = { to: userId, messages: [text('once')] }
      const first = await t.call('POST', '/v2/bot/message/push', body, headers(key))
      expect(first.status).toBe(200)
      const again = await t.call('POST', '/v2/bot/message/push', body, headers(key))
      expect(again.status).toBe(409)
      expect(again.body.message).toBe('The retry key is already accepted')
      expect(again.body.sentMessages).toEqual(first.body.sentMessages)
      expect(again.headers['x-line-accepted-request-id']).toBe(first.headers['x-line-request-id'])
      expect(again.headers['x-line-request-id']).not.toBe(first.headers['x-line-request-id'])
      expect(t.emulator.messagesTo(userId)).toHaveLength(1)

      t.clock.now += 24 * 3_600_000 + 1
      const later = await t.call('POST', '/v2/bot/message/push', body, headers(key))
      expect(later.status).toBe(200)
    })

    it('must be a UUID, and a rejected request does not use it up', async () => {
      const bad = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('x')] }, headers('abc'))
      expect(bad.status).toBe(400)
      const key = randomUUID()
      const invalid = await t.call(
        'POST',
        '/v2/bot/message/push',
        { to: userId, messages: [{ type: 'nope' }] },
        headers(key),
      )
      expect(invalid.status).toBe(400)
      const ok = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('x')] }, headers(key))
      expect(ok.status).toBe(200)
    })
  })

  describe('recipients and quota', () => {
    it('push to a user who blocked the OA answers 200 and delivers nothing', async () => {
      await t.emulator.unfollow(userId)
      const res = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('x')] })
      expect(res.status).toBe(200)
      expect(t.emulator.messagesTo(userId)).toEqual([])
    })

    it('rejects malformed `to`', async () => {
      const res = await t.call('POST', '/v2/bot/message/push', { to: '../message/quota', messages: [text('x')] })
      expect(res.status).toBe(400)
    })

    it('counts push, multicast and broadcast per recipient, replies free; 429 past the limit', async () => {
      const other = t.emulator.createUser({ displayName: 'B', language: 'en' }).userId
      await t.emulator.follow(other)
      const { event } = await t.emulator.sendText(userId, 'hi')
      await t.call('POST', '/v2/bot/message/reply', { replyToken: event.replyToken, messages: [text('a'), text('b')] })
      await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('a'), text('b'), text('c')] })
      await t.call('POST', '/v2/bot/message/multicast', { to: [userId, other], messages: [text('m')] })
      await t.call('POST', '/v2/bot/message/broadcast', { messages: [text('b')] })
      const usage = await t.call('GET', '/v2/bot/message/quota/consumption')
      expect(usage.body).toEqual({ totalUsage: 5 })
      expect((await t.call('GET', '/v2/bot/message/quota')).body).toEqual({ type: 'limited', value: 300 })
      expect(t.emulator.messagesTo(other).map((m) => m.via)).toEqual(['multicast', 'broadcast'])

      t.emulator.state.quota.value = 5
      const over = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('x')] })
      expect(over.status).toBe(429)
      expect(over.body).toEqual({ message: 'You have reached your monthly limit.' })
    })

    it('narrowcast answers 202 and reports progress by request ID', async () => {
      const res = await t.call('POST', '/v2/bot/message/narrowcast', { messages: [text('n')] })
      expect(res.status).toBe(202)
      const requestId = String(res.headers['x-line-request-id'])
      const progress = await t.call('GET', `/v2/bot/message/progress/narrowcast?requestId=${requestId}`)
      expect(progress.body).toMatchObject({ phase: 'succeeded', successCount: 1, targetCount: 1 })
    })

    it('shows the loading animation in 1:1 chats only (202), cleared by the next message', async () => {
      const res = await t.call('POST', '/v2/bot/chat/loading/start', { chatId: userId, loadingSeconds: 10 })
      expect(res.status).toBe(202)
      expect(t.emulator.state.loading.get(userId)).toBe(t.clock.now + 10_000)
      await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('done')] })
      expect(t.emulator.state.loading.has(userId)).toBe(false)
      const group = t.emulator.createGroup({ groupName: 'g', memberIds: [userId] })
      const bad = await t.call('POST', '/v2/bot/chat/loading/start', { chatId: group.groupId })
      expect(bad.status).toBe(400)
    })
  })
})

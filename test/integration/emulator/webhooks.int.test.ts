import { randomUUID } from 'node:crypto'
import { HTTPFetchError, messagingApi, validateSignature } from '@line/bot-sdk'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { makePng } from '../../../bot/emulator/index.js'
import { type RunningLineEmulator, startLineEmulator } from '../../../bot/emulator/server.js'
import { specValidator } from '../../../bot/emulator/spec/spec-validator.js'

const secret = 'webhook-test-secret'
const token = 'webhook-test-token'

type Received = { raw: Buffer; signature: string; body: { destination: string; events: Record<string, unknown>[] } }

describe('webhooks the emulator sends, and the SDK against the emulator (over HTTP)', () => {
  let receiver: FastifyInstance
  let emulator: RunningLineEmulator
  let api: messagingApi.MessagingApiClient
  let blob: messagingApi.MessagingApiBlobClient
  const received: Received[] = []
  let answerStatus = 200

  beforeAll(async () => {
    receiver = Fastify()
    receiver.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
    receiver.post('/webhook', async (req, reply) => {
      const raw = req.body as Buffer
      received.push({ raw, signature: String(req.headers['x-line-signature']), body: JSON.parse(raw.toString('utf8')) })
      return reply.code(answerStatus).send({})
    })
    await receiver.listen({ port: 0, host: '127.0.0.1' })
    const address = receiver.server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    emulator = await startLineEmulator({
      channelSecret: secret,
      channelAccessToken: token,
      loginChannelId: '1650000001',
      webhookUrl: `http://127.0.0.1:${port}/webhook`,
      botUserId: `U${'b'.repeat(32)}`,
    })
    api = new messagingApi.MessagingApiClient({ channelAccessToken: token, baseURL: emulator.url })
    blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: token, baseURL: emulator.url })
  })
  afterAll(async () => {
    await emulator.close()
    await receiver.close()
  })
  beforeEach(() => {
    received.length = 0
    answerStatus = 200
  })

  function last(): Received {
    const r = received.at(-1)
    if (!r) {
      throw new Error('no webhook received')
    }
    return r
  }

  function expectValidCallback(body: unknown) {
    expect(specValidator('webhook.yml').validate('CallbackRequest', body)).toEqual([])
  }

  it('signs the exact bytes sent (validateSignature from @line/bot-sdk), including Thai and emoji', async () => {
    const user = emulator.createUser({ displayName: 'ทดสอบ' })
    const delivery = await emulator.sendText(user.userId, 'สวัสดี 😀 "quotes" \\ slash')
    expect(delivery.status).toBe(200)
    const { raw, signature, body } = last()
    expect(validateSignature(raw, secret, signature)).toBe(true)
    expect(validateSignature(raw, 'other-secret', signature)).toBe(false)
    expect(body.destination).toBe(`U${'b'.repeat(32)}`)
    expect(body.events[0]).toMatchObject({
      type: 'message',
      mode: 'active',
      source: { type: 'user', userId: user.userId },
      deliveryContext: { isRedelivery: false },
      message: { type: 'text', text: 'สวัสดี 😀 "quotes" \\ slash' },
    })
    expect(String(body.events[0]?.webhookEventId)).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expectValidCallback(body)
  })

  it('builds every event type in webhook.yml shapes', async () => {
    const a = emulator.createUser({ displayName: 'A', language: 'en' })
    const b = emulator.createUser({ displayName: 'B' })
    const follow = await emulator.follow(a.userId)
    expect(follow.event.follow).toEqual({ isUnblocked: false })
    expect(follow.event.replyToken).toMatch(/^[0-9a-f]{32}$/)
    const unfollow = await emulator.unfollow(a.userId)
    expect(unfollow.event.replyToken).toBeUndefined()
    expect((await emulator.follow(a.userId)).event.follow).toEqual({ isUnblocked: true })
    await emulator.sendPostback(a.userId, 'action=book', { datetime: '2026-11-26T14:05' })
    expect(last().body.events[0]?.postback).toEqual({ data: 'action=book', params: { datetime: '2026-11-26T14:05' } })
    await emulator.sendLocation(a.userId, { latitude: 12.6807, longitude: 101.2816, title: 'สภ.เมืองระยอง' })
    await emulator.sendImage(a.userId)
    await emulator.sendSticker(a.userId, '446', '1988')
    const group = emulator.createGroup({ groupName: 'สายตรวจ', memberIds: [a.userId] })
    await emulator.joinGroup(group.groupId)
    await emulator.addGroupMembers(group.groupId, [b.userId])
    expect(last().body.events[0]?.joined).toEqual({ members: [{ type: 'user', userId: b.userId }] })
    const groupText = await emulator.sendGroupText(group.groupId, b.userId, 'รับทราบ')
    expect(groupText.event.source).toEqual({ type: 'group', groupId: group.groupId, userId: b.userId })
    await emulator.sendGroupPostback(group.groupId, b.userId, 'ack=1')
    await emulator.removeGroupMembers(group.groupId, [b.userId])
    await emulator.leaveGroup(group.groupId)
    expect(received.map((r) => r.body.events[0]?.type)).toEqual([
      'follow',
      'unfollow',
      'follow',
      'postback',
      'message',
      'message',
      'message',
      'join',
      'memberJoined',
      'message',
      'postback',
      'memberLeft',
      'leave',
    ])
    for (const r of received) {
      expectValidCallback(r.body)
    }
  })

  it('redelivery keeps the webhookEventId, reply token and timestamp and sets isRedelivery', async () => {
    const user = emulator.createUser({ displayName: 'R' })
    answerStatus = 503
    const first = await emulator.sendText(user.userId, 'again')
    expect(first.status).toBe(503)
    expect(emulator.state.timelines.get(user.userId)?.at(-1)).toMatchObject({ kind: 'system', code: 'webhookFailed' })
    answerStatus = 200
    const again = await emulator.redeliver(first.event.webhookEventId)
    expect(again.status).toBe(200)
    const event = last().body.events[0]
    expect(event).toEqual({ ...first.event, deliveryContext: { isRedelivery: true } })
    await api.replyMessage({ replyToken: String(event?.replyToken), messages: [{ type: 'text', text: 'ok' }] })
    expect(emulator.messagesTo(user.userId)).toHaveLength(1)
  })

  it('deliver() signs and posts raw events; the webhook test endpoint posts events: []', async () => {
    const user = emulator.createUser({ displayName: 'Raw' })
    const event = { ...(await emulator.sendText(user.userId, 'x')).event, webhookEventId: 'CUSTOM' }
    const raw = await emulator.deliver([event, { type: 'things' }])
    expect(raw.events).toHaveLength(2)
    expect(validateSignature(last().raw, secret, last().signature)).toBe(true)
    const test = await api.testWebhookEndpoint({})
    expect(test).toMatchObject({ success: true, statusCode: 200 })
    expect(last().body.events).toEqual([])
  })

  it('the SDK works against it: push with a retry key, 409 on reuse, profile, rich menu image upload', async () => {
    const user = emulator.createUser({ displayName: 'SDK' })
    await emulator.follow(user.userId)
    const key = randomUUID()
    const pushed = await api.pushMessageWithHttpInfo({ to: user.userId, messages: [{ type: 'text', text: 'x' }] }, key)
    expect(pushed.body.sentMessages).toHaveLength(1)
    const err = await api.pushMessage({ to: user.userId, messages: [{ type: 'text', text: 'x' }] }, key).catch((e) => e)
    expect(err).toBeInstanceOf(HTTPFetchError)
    expect((err as HTTPFetchError).status).toBe(409)
    expect((err as HTTPFetchError).headers.get('x-line-accepted-request-id')).toBe(
      pushed.httpResponse.headers.get('x-line-request-id'),
    )
    expect(await api.getProfile(user.userId)).toMatchObject({ userId: user.userId, displayName: 'SDK', language: 'th' })

    const { richMenuId } = await api.createRichMenu({
      size: { width: 2500, height: 843 },
      selected: false,
      name: 'sdk',
      chatBarText: 'menu',
      areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'message', label: 'a', text: 'a' } }],
    })
    await blob.setRichMenuImage(richMenuId, new Blob([makePng(2500, 843)], { type: 'image/png' }))
    await api.linkRichMenuIdToUser(user.userId, richMenuId)
    expect(await api.getRichMenuIdOfUser(user.userId)).toEqual({ richMenuId })
    await api.showLoadingAnimation({ chatId: user.userId, loadingSeconds: 5 })
    expect(emulator.state.apiCalls.some((c) => c.path === '/v2/bot/chat/loading/start' && c.status === 202)).toBe(true)
  })

  it('waitForMessages resolves when the bot has sent enough, and explains a timeout', async () => {
    const user = emulator.createUser({ displayName: 'W' })
    await emulator.follow(user.userId)
    const waiting = emulator.waitForMessages(user.userId, 2, 2_000)
    await api.pushMessage({
      to: user.userId,
      messages: [
        { type: 'text', text: '1' },
        { type: 'text', text: '2' },
      ],
    })
    expect((await waiting).map((m) => m.message.text)).toEqual(['1', '2'])
    await expect(emulator.waitForMessages(user.userId, 3, 50)).rejects.toThrow(/got 2 after 50 ms/)
  })
})

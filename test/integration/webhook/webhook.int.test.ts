import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inboundEvents } from '../../../db/schema/index.js'
import { callback, sign, textEvent } from '../../helpers/sign-line.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const USER = `U${'1'.repeat(32)}`

describe('POST /webhook', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack({ worker: false })
  })
  afterAll(async () => {
    await s.close()
  })

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    s.app.inject({
      method: 'POST',
      url: '/webhook',
      payload: body,
      headers: { 'content-type': 'application/json', ...headers },
    })
  const count = async () => (await s.db.db.select({ id: inboundEvents.id }).from(inboundEvents)).length

  describe('happy', () => {
    it('stores a signed event before answering 200', async () => {
      const event = textEvent(USER, 'สวัสดี')
      const body = callback([event])
      const res = await post(body, { 'x-line-signature': sign(body) })
      expect(res.statusCode, res.body).toBe(200)
      const [row] = await s.db.db
        .select()
        .from(inboundEvents)
        .where(eq(inboundEvents.webhookEventId, event.webhookEventId))
      expect(row?.chatKey).toBe(USER)
      expect(row?.status).toBe('pending')
      expect(row?.replyToken).toBe(event.replyToken)
    })

    it('answers 200 to the empty connection check', async () => {
      const body = callback([])
      const res = await post(body, { 'x-line-signature': sign(body) })
      expect(res.statusCode).toBe(200)
    })

    it('stores a redelivered event once', async () => {
      const event = textEvent(USER, 'again')
      const first = callback([event])
      const again = callback([{ ...event, deliveryContext: { isRedelivery: true } }])
      expect((await post(first, { 'x-line-signature': sign(first) })).json()).toEqual({ accepted: 1 })
      expect((await post(again, { 'x-line-signature': sign(again) })).json()).toEqual({ accepted: 0 })
      const rows = await s.db.db
        .select()
        .from(inboundEvents)
        .where(eq(inboundEvents.webhookEventId, event.webhookEventId))
      expect(rows).toHaveLength(1)
    })

    it('stores unknown event types (to ignore them later)', async () => {
      const event = { ...textEvent(USER, ''), type: 'somethingNew', message: undefined }
      const body = callback([event])
      expect((await post(body, { 'x-line-signature': sign(body) })).statusCode).toBe(200)
      const [row] = await s.db.db
        .select()
        .from(inboundEvents)
        .where(eq(inboundEvents.webhookEventId, event.webhookEventId))
      expect(row?.type).toBe('somethingNew')
    })

    it('verifies the signature over the raw bytes (escaped emoji and odd spacing kept)', async () => {
      const event = textEvent(USER, 'x')
      const body = callback([event]).replace('"x"', '"\\uD83E\\uDD28 "').replace('{', '{  ')
      const res = await post(body, { 'x-line-signature': sign(body) })
      expect(res.statusCode, res.body).toBe(200)
    })
  })

  describe('security', () => {
    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['wrong', sign('something else')],
      ['garbage', '!!!not base64!!!'],
    ])('%s signature → 401, nothing stored', async (_name, signature) => {
      const before = await count()
      const body = callback([textEvent(USER, 'hi')])
      const res = await post(body, signature === undefined ? {} : { 'x-line-signature': signature })
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('unauthorized')
      expect(await count()).toBe(before)
    })

    it('tampered body → 401, nothing stored', async () => {
      const before = await count()
      const body = callback([textEvent(USER, 'hi')])
      const res = await post(body.replace('"hi"', '"HI"'), { 'x-line-signature': sign(body) })
      expect(res.statusCode).toBe(401)
      expect(await count()).toBe(before)
    })

    it('a body signed with another channel secret → 401', async () => {
      const body = callback([textEvent(USER, 'hi')])
      expect((await post(body, { 'x-line-signature': sign(body, 'other-secret') })).statusCode).toBe(401)
    })
  })

  describe('errors', () => {
    it('signed non-JSON → 400 with a code', async () => {
      const body = 'not json {'
      const res = await post(body, { 'x-line-signature': sign(body) })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBe('bad_request')
    })

    it('signed JSON that is not a LINE webhook → 400', async () => {
      const body = JSON.stringify({ hello: 'world' })
      expect((await post(body, { 'x-line-signature': sign(body) })).statusCode).toBe(400)
    })

    it('body over 1 MB → 413, nothing stored', async () => {
      const before = await count()
      const body = callback([textEvent(USER, 'x'.repeat(1024 * 1024))])
      const res = await post(body, { 'x-line-signature': sign(body) })
      expect(res.statusCode).toBe(413)
      expect(await count()).toBe(before)
    })

    it('any content type is read as raw bytes (LINE sends application/json; charset=utf-8)', async () => {
      const body = callback([textEvent(USER, 'charset')])
      const res = await post(body, {
        'x-line-signature': sign(body),
        'content-type': 'application/json; charset=utf-8',
      })
      expect(res.statusCode).toBe(200)
    })
  })
})

describe('POST /webhook when the database is down', () => {
  it('answers 503 and stores nothing', async () => {
    const s = await startStack({ worker: false })
    try {
      await s.db.close()
      const body = callback([textEvent(USER, 'hello')])
      const res = await s.app.inject({
        method: 'POST',
        url: '/webhook',
        payload: body,
        headers: { 'content-type': 'application/json', 'x-line-signature': sign(body) },
      })
      expect(res.statusCode, res.body).toBe(503)
      expect(res.json().error.code).toBe('unavailable')
      const ready = await s.app.inject({ method: 'GET', url: '/readyz' })
      expect(ready.statusCode).toBe(503)
    } finally {
      await s.app.close()
      await s.emulator.close()
      await s.deps.bus.close()
      await s.db.drop().catch(() => {})
    }
  })
})

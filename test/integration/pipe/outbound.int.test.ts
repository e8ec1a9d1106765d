import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeOutbox } from '../../../bot/line/outbox.js'
import { outboundMessages } from '../../../db/schema/index.js'
import { createDeliverOutbound } from '../../../jobs/deliver-outbound.job.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const logger = { info() {}, warn() {}, error() {} }

/** The outbound gateway against the LINE emulator: reply first, push with a stable retry key, LINE's error rules. */
describe('deliver-outbound', () => {
  let s: Stack
  let deliver: ReturnType<typeof createDeliverOutbound>
  let clock = Date.now()
  beforeAll(async () => {
    s = await startStack({ worker: false })
    deliver = createDeliverOutbound({ db: s.db.db, line: s.deps.line, logger, now: () => new Date(clock) })
  })
  afterAll(async () => {
    await s.close()
  })

  async function row(id: string) {
    const [r] = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.id, id))
    if (!r) {
      throw new Error('no row')
    }
    return r
  }
  async function outboxFor(userId: string, text: string, reply?: { inboundEventId: number; replyToken: string }) {
    const ids = await s.db.db.transaction((tx) =>
      writeOutbox(tx, {
        to: userId,
        messages: [{ type: 'text', text }],
        reply: reply && { ...reply, receivedAt: new Date(clock) },
      }),
    )
    return ids[0] ?? ''
  }
  const pushes = (userId: string) =>
    s.emulator.state.apiCalls.filter(
      (c) => c.path === '/v2/bot/message/push' && String(JSON.stringify(c.body)).includes(userId),
    )
  /** A LINE user who has added the OA (LINE delivers pushes only to friends). */
  function friend(displayName: string) {
    const user = s.emulator.createUser({ displayName, language: 'th' })
    const stored = s.emulator.state.users.get(user.userId)
    if (stored) {
      stored.friendship = 'friend'
    }
    return user
  }

  it('pushes when there is no reply token, with the stored retry key', async () => {
    clock = Date.now()
    const user = friend('A')
    const id = await outboxFor(user.userId, 'hello')
    await expect(deliver({ outboundId: id })).resolves.toBe('delivered')
    const r = await row(id)
    expect(r).toMatchObject({ status: 'delivered', sentVia: 'push' })
    expect(pushes(user.userId)[0]?.retryKey).toBe(r.retryKey)
    expect(s.emulator.messagesTo(user.userId).map((m) => m.via)).toEqual(['push'])
  })

  it('retries 5xx with the same retry key, then delivers once', async () => {
    clock = Date.now()
    const user = friend('B')
    const id = await outboxFor(user.userId, 'retry me')
    s.emulator.state.faults.push({ path: '/v2/bot/message/push', status: 500, times: 2 })
    await expect(deliver({ outboundId: id }, { id: 'j', attemptsMade: 0, attempts: 11 })).rejects.toThrow('500')
    const afterFirst = await row(id)
    expect(afterFirst.status).toBe('pending')
    expect(afterFirst.lastError).toMatchObject({ status: 500 })
    expect(afterFirst.nextAttemptAt).not.toBeNull()
    await expect(deliver({ outboundId: id }, { id: 'j', attemptsMade: 1, attempts: 11 })).rejects.toThrow()
    await expect(deliver({ outboundId: id }, { id: 'j', attemptsMade: 2, attempts: 11 })).resolves.toBe('delivered')
    const keys = new Set(pushes(user.userId).map((c) => c.retryKey))
    expect(keys).toEqual(new Set([afterFirst.retryKey]))
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(1)
  })

  it('treats 429 as retryable', async () => {
    const user = friend('C')
    const id = await outboxFor(user.userId, 'busy')
    s.emulator.state.faults.push({ path: '/v2/bot/message/push', status: 429, times: 1 })
    await expect(deliver({ outboundId: id })).rejects.toThrow('429')
    await expect(deliver({ outboundId: id })).resolves.toBe('delivered')
  })

  it('counts 409 (LINE accepted the key, the answer was lost) as delivered, without a second copy', async () => {
    const user = friend('D')
    const id = await outboxFor(user.userId, 'accepted once')
    // LINE takes the push, but the response never reaches us: the retry gets 409.
    s.emulator.state.faults.push({ path: '/v2/bot/message/push', status: 500, times: 1, afterAccept: true })
    await expect(deliver({ outboundId: id })).rejects.toThrow()
    await expect(deliver({ outboundId: id })).resolves.toBe('delivered')
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(1)
    expect((await row(id)).status).toBe('delivered')
  })

  it('fails for good on another 4xx, keeping LINE’s details', async () => {
    const user = friend('E')
    const [id] = await s.db.db.transaction((tx) =>
      writeOutbox(tx, { to: user.userId, messages: [{ type: 'text', text: 'x'.repeat(5001) }] }),
    )
    await expect(deliver({ outboundId: id ?? '' })).resolves.toBe('failed')
    const r = await row(id ?? '')
    expect(r.status).toBe('failed')
    expect(r.lastError).toMatchObject({ status: 400 })
    expect(JSON.stringify(r.lastError)).toContain('messages[0].text')
  })

  it('replies while the token is fresh, once per token; later rows of the event go by push', async () => {
    clock = Date.now()
    const user = friend('F')
    const d = await s.emulator.sendText(user.userId, 'hi') // the bot's worker is off: nothing answers it
    const [inbound] = await s.db.db.query.inboundEvents.findMany({
      where: (e, { eq: eq2 }) => eq2(e.webhookEventId, d.event.webhookEventId),
    })
    const replyToken = d.event.replyToken ?? ''
    const a = await outboxFor(user.userId, 'first', { inboundEventId: inbound?.id ?? 0, replyToken })
    const b = await outboxFor(user.userId, 'second', { inboundEventId: inbound?.id ?? 0, replyToken })
    await deliver({ outboundId: a })
    await deliver({ outboundId: b })
    expect(s.emulator.messagesTo(user.userId).map((m) => [m.via, m.message.text])).toEqual([
      ['reply', 'first'],
      ['push', 'second'],
    ])
  })

  it('pushes instead of replying once the token is stale', async () => {
    clock = Date.now()
    const user = friend('G')
    const d = await s.emulator.sendText(user.userId, 'hi')
    const [inbound] = await s.db.db.query.inboundEvents.findMany({
      where: (e, { eq: eq2 }) => eq2(e.webhookEventId, d.event.webhookEventId),
    })
    const id = await outboxFor(user.userId, 'late', {
      inboundEventId: inbound?.id ?? 0,
      replyToken: d.event.replyToken ?? '',
    })
    clock += 55_000 // past our 50 s limit
    await deliver({ outboundId: id })
    expect(s.emulator.messagesTo(user.userId).map((m) => m.via)).toEqual(['push'])
  })

  it('falls back to push when LINE says the reply token is invalid', async () => {
    clock = Date.now()
    const user = friend('H')
    const d = await s.emulator.sendText(user.userId, 'hi')
    const [inbound] = await s.db.db.query.inboundEvents.findMany({
      where: (e, { eq: eq2 }) => eq2(e.webhookEventId, d.event.webhookEventId),
    })
    const id = await outboxFor(user.userId, 'fallback', {
      inboundEventId: inbound?.id ?? 0,
      replyToken: 'not-a-real-token',
    })
    await deliver({ outboundId: id })
    expect(s.emulator.messagesTo(user.userId).map((m) => m.via)).toEqual(['push'])
    expect((await row(id)).sentVia).toBe('push')
  })
})

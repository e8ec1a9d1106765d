import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineCallbackSchema } from '../../../bot/line/events.schema.js'
import { inboundEvents, outboundMessages } from '../../../db/schema/index.js'
import { createProcessChat } from '../../../jobs/process-chat.job.js'
import { createSweeper } from '../../../jobs/sweeper.js'
import { callback, textEvent } from '../../helpers/sign-line.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const logger = { info() {}, warn() {}, error() {} }

const METRICS_TOKEN = 'answer-test-metrics-token-0123456789'

/** The answer leaves with the job that processed the event, right after its commit; the outbox row records it. */
describe('the answer, sent by the processing job', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack({ env: { METRICS_TOKEN } })
  })
  afterAll(async () => {
    await s.close()
  })

  const metrics = async () =>
    (await s.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).body
  const rowsFor = (userId: string) => s.db.db.select().from(outboundMessages).where(eq(outboundMessages.to, userId))

  it('replies without a delivery job, and records the row as delivered by reply', async () => {
    const user = s.emulator.createUser({ displayName: 'Direct', language: 'en' })
    const d = await s.emulator.sendText(user.userId, 'menu')
    const [answer] = await s.emulator.waitForMessages(user.userId, 1)
    expect(answer?.via).toBe('reply')
    await expect.poll(async () => (await rowsFor(user.userId))[0]?.status).toBe('delivered')
    const [row] = await rowsFor(user.userId)
    expect(row).toMatchObject({ sentVia: 'reply', attempts: 1 })
    const [event] = await s.db.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.webhookEventId, d.event.webhookEventId))
    expect(event?.replyTokenUsedAt).not.toBeNull() // claimed with the processed mark
    expect(await metrics()).toMatch(/jobs_total\{job="process-chat",outcome="completed"\} [1-9]/)
    expect(await metrics()).not.toContain('job="deliver-outbound"')
  })

  it('hands an answer LINE refused for now (5xx) to the deliver job, which pushes it once', async () => {
    const user = s.emulator.createUser({ displayName: 'Retry', language: 'en' })
    const stored = s.emulator.state.users.get(user.userId)
    if (stored) {
      stored.friendship = 'friend' // the retry goes by push, which LINE delivers to friends only
    }
    // The reply fails, and so does the push it falls back to: the row is retried by the deliver job.
    s.emulator.state.faults.push({ path: '/v2/bot/message/reply', status: 500, times: 1 })
    s.emulator.state.faults.push({ path: '/v2/bot/message/push', status: 500, times: 1 })
    await s.emulator.sendText(user.userId, 'menu')
    const [answer] = await s.emulator.waitForMessages(user.userId, 1, 15_000)
    expect(answer?.via).toBe('push')
    await expect.poll(async () => (await rowsFor(user.userId))[0]?.status, { timeout: 5_000 }).toBe('delivered')
    expect(await metrics()).toMatch(/jobs_total\{job="deliver-outbound",outcome="completed"\} 1/)
    await new Promise((r) => setTimeout(r, 1_000)) // time for a duplicate to show up
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(1)
  })

  it('a worker that dies between its commit and the send: once the lease lapses, the answer is pushed once', async () => {
    const user = s.emulator.createUser({ displayName: 'Died', language: 'en' })
    const stored = s.emulator.state.users.get(user.userId)
    if (stored) {
      stored.friendship = 'friend'
    }
    const event = textEvent(user.userId, 'menu')
    const [inbound] = await s.deps.pipe.inbox.store(lineCallbackSchema.parse(JSON.parse(callback([event]))))
    // This worker commits the step, then dies before sending: its send never comes back.
    const dying = createProcessChat({
      db: s.db.db,
      deliver: { deliverLeased: () => new Promise(() => {}) },
      enqueueMany: s.deps.bus.enqueueMany,
      engine: s.deps.conversation.engine,
      line: s.deps.line,
      logger,
    })
    void dying({ chatKey: user.userId, inboundEventId: inbound?.id ?? 0 })
    await expect.poll(async () => (await rowsFor(user.userId)).length).toBe(1)
    const [row] = await rowsFor(user.userId)
    expect(row?.status).toBe('pending')
    expect(row?.leasedUntil?.getTime()).toBeGreaterThan(Date.now()) // held by the dead worker
    await new Promise((r) => setTimeout(r, 1_500))
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(0) // the sweeper leaves a leased row alone
    // A minute later: the lease has lapsed.
    await s.db.db
      .update(outboundMessages)
      .set({ leasedUntil: sql`now() - interval '1 second'`, createdAt: sql`now() - interval '61 seconds'` })
      .where(eq(outboundMessages.to, user.userId))
    await createSweeper({ db: s.db.db, requeue: s.deps.bus.requeue, logger, staleAfterMs: 0 }).sweepOnce()
    const [answer] = await s.emulator.waitForMessages(user.userId, 1)
    expect(answer?.via).toBe('push') // its reply token was claimed with the commit: no second reply is tried
    await expect.poll(async () => (await rowsFor(user.userId))[0]?.status).toBe('delivered')
    await new Promise((r) => setTimeout(r, 1_000))
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(1)
  })
})

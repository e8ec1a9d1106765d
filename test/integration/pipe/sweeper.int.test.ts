import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConversationEngine } from '../../../bot/conversation/engine.js'
import { lineCallbackSchema } from '../../../bot/line/events.schema.js'
import { writeOutbox } from '../../../bot/line/outbox.js'
import { inboundEvents } from '../../../db/schema/index.js'
import { chatJobId, PermanentJobError } from '../../../jobs/queues.js'
import { createSweeper } from '../../../jobs/sweeper.js'
import { callback, textEvent } from '../../helpers/sign-line.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const logger = { info() {}, warn() {} }
const HOUR = String(60 * 60_000)

/** The first try of a text 'fail first' fails for good: its job ends failed (BullMQ keeps it), its row pending. */
function failFirst(engine: ConversationEngine): ConversationEngine {
  const failed = new Set<number>()
  return {
    ...engine,
    async handle(tx, args) {
      const text = (args.event as { message?: { text?: string } }).message?.text
      if (text === 'fail first' && !failed.has(args.inbound.id)) {
        failed.add(args.inbound.id)
        throw new PermanentJobError('injected failure')
      }
      return engine.handle(tx, args)
    },
  }
}

describe(`the sweeper (${process.env.REDIS_URL ? 'BullMQ' : 'in-process jobs'})`, () => {
  let s: Stack
  beforeAll(async () => {
    // The stack's own sweeper never finds anything stale (an hour): the test runs its sweeps by hand.
    s = await startStack({ wrapEngine: failFirst, env: { SWEEP_INTERVAL_MS: HOUR } })
    // Its first sweep runs a second after the start: stopped, so that it cannot hold the sweep's lock (one sweeper at a
    // time) just when the test sweeps (a loaded machine did that: the test's sweep found nothing to do).
    await s.deps.pipe.sweeper.stop()
  })
  afterAll(async () => {
    await s.close()
  })

  const statusOf = async (webhookEventId: string) =>
    (await s.db.db.select().from(inboundEvents).where(eq(inboundEvents.webhookEventId, webhookEventId)))[0]

  it('re-enqueues every row whose job was lost or failed, while the queues hold other jobs', async () => {
    // Other work waits in both queues (a backlog being worked): it must not hold the sweep back.
    const waitingChat = `U${'e'.repeat(32)}`
    await s.deps.bus.enqueueMany('process-chat', [
      { payload: { chatKey: waitingChat, inboundEventId: 999_999 }, opts: { jobId: 'evt_backlog', delayMs: 60_000 } },
    ])
    await s.deps.bus.enqueueMany('deliver-outbound', [
      { payload: { outboundId: randomUUID() }, opts: { jobId: 'out_backlog', delayMs: 60_000 } },
    ])
    expect(await s.deps.bus.backlog('process-chat')).toBeGreaterThan(0)
    expect(await s.deps.bus.backlog('deliver-outbound')).toBeGreaterThan(0)

    // 1. An event whose job ran and failed for good (BullMQ keeps it under the event's job ID).
    const failing = s.emulator.createUser({ displayName: 'Failing', language: 'en' })
    const f = await s.emulator.sendText(failing.userId, 'fail first')
    await expect.poll(async () => (await statusOf(f.event.webhookEventId))?.attempts, { timeout: 10_000 }).toBe(1)
    // 2. An event stored, its enqueue lost (Redis down just then).
    const lost = s.emulator.createUser({ displayName: 'Lost', language: 'en' })
    const event = textEvent(lost.userId, 'menu')
    await s.deps.pipe.inbox.store(lineCallbackSchema.parse(JSON.parse(callback([event]))))
    // 3. An outbox row whose delivery job was lost.
    const pushed = s.emulator.createUser({ displayName: 'Pushed', language: 'en' })
    for (const u of [lost, pushed]) {
      const stored = s.emulator.state.users.get(u.userId)
      if (stored) {
        stored.friendship = 'friend' // LINE pushes to friends only (this test's reply token is not LINE's)
      }
    }
    await s.db
      .withJobSink(async () => {}) // the enqueue after commit is lost
      .db.transaction((tx) => writeOutbox(tx, { to: pushed.userId, messages: [{ type: 'text', text: 'status' }] }))
    await new Promise((r) => setTimeout(r, 300))
    expect(s.emulator.messagesTo(failing.userId)).toHaveLength(0)
    expect(s.emulator.messagesTo(lost.userId)).toHaveLength(0)
    expect(s.emulator.messagesTo(pushed.userId)).toHaveLength(0)

    const sweeper = createSweeper({ db: s.db.db, requeue: s.deps.bus.requeue, logger, staleAfterMs: 0 })
    expect(await sweeper.sweepOnce()).toEqual({ events: 2, outbound: 1 })
    await s.emulator.waitForMessages(failing.userId, 1)
    await s.emulator.waitForMessages(lost.userId, 1)
    await s.emulator.waitForMessages(pushed.userId, 1)
    expect((await statusOf(f.event.webhookEventId))?.status).toBe('processed')
    expect((await statusOf(event.webhookEventId))?.status).toBe('processed')
    // The backlog's jobs are still there, still waiting for their turn.
    expect(await s.deps.bus.backlog('process-chat')).toBeGreaterThan(0)
  })

  it('asks for no second job while a row’s job still waits', async () => {
    const user = s.emulator.createUser({ displayName: 'Waiting', language: 'en' })
    const event = textEvent(user.userId, 'menu')
    // The row's own job waits a minute (as behind a long backlog).
    await s.deps.pipe.inbox.store(lineCallbackSchema.parse(JSON.parse(callback([event]))))
    const [row] = await s.db.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.webhookEventId, event.webhookEventId))
    await s.deps.bus.enqueue(
      'process-chat',
      { chatKey: user.userId, inboundEventId: row?.id ?? 0 },
      { jobId: chatJobId(event.webhookEventId), delayMs: 60_000 },
    )
    const sweeper = createSweeper({ db: s.db.db, requeue: s.deps.bus.requeue, logger, staleAfterMs: 0 })
    const before = await s.deps.bus.backlog('process-chat')
    expect(await sweeper.sweepOnce()).toEqual({ events: 0, outbound: 0 })
    expect(await sweeper.sweepOnce()).toEqual({ events: 0, outbound: 0 })
    expect(await s.deps.bus.backlog('process-chat')).toBe(before)
  })
})

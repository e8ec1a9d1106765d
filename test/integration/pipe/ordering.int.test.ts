import { asc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConversationEngine } from '../../../bot/conversation/engine.js'
import { inboundEvents } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const USERS = 50
const MESSAGES = 20
const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL)

/** Fails the first try of about one event in ten: the job retries, and order must still hold. */
function flaky(engine: ConversationEngine): ConversationEngine {
  const failedOnce = new Set<number>()
  return {
    ...engine,
    async handle(tx, args) {
      if (args.inbound.id % 10 === 3 && !failedOnce.has(args.inbound.id)) {
        failedOnce.add(args.inbound.id)
        throw new Error('injected transient failure')
      }
      return engine.handle(tx, args)
    },
  }
}

describe(`per-chat ordering: ${USERS} users × ${MESSAGES} messages, ${shared ? '2 workers on Postgres + BullMQ' : 'embedded runner'}`, () => {
  const stacks: Stack[] = []
  beforeAll(async () => {
    const first = await startStack({ wrapEngine: flaky, env: { WORKER_CONCURRENCY: '16' } })
    stacks.push(first)
    if (shared) {
      // A second worker process in all but name: its own DB pool, Redis connections and BullMQ workers.
      stacks.push(
        await startStack({ db: first.db, queuePrefix: first.queuePrefix, emulator: first.emulator, wrapEngine: flaky }),
      )
    }
  })
  afterAll(async () => {
    for (const s of stacks.slice(1)) {
      await s.close({ keepDb: true })
    }
    await stacks[0]?.close()
  })

  it('runs every user’s messages in the order LINE sent them, each once', { timeout: 240_000 }, async () => {
    const s = stacks[0] as Stack
    const users = Array.from({ length: USERS }, (_, i) =>
      s.emulator.createUser({ displayName: `u${i}`, language: 'th' }),
    )
    const sent = new Map<string, string[]>()
    // The embedded PGlite runs in this one thread with the emulator and the app: send in waves there.
    const wave = shared ? USERS : 10
    for (let w = 0; w < USERS; w += wave) {
      await sendAll(users.slice(w, w + wave))
    }
    async function sendAll(group: typeof users) {
      await Promise.all(
        group.map(async (u) => {
          const ids: string[] = []
          for (let m = 0; m < MESSAGES; m++) {
            const d = await s.emulator.sendText(u.userId, `m${m}`)
            expect(d.status).toBe(200)
            ids.push(d.event.webhookEventId)
          }
          sent.set(u.userId, ids)
        }),
      )
    }
    await expect
      .poll(
        async () => {
          const [row] = await s.db.db
            .select({ n: sql<number>`count(*)::int` })
            .from(inboundEvents)
            .where(eq(inboundEvents.status, 'processed'))
          return row?.n
        },
        { timeout: 120_000, interval: 500 },
      )
      .toBe(USERS * MESSAGES)
    for (const u of users) {
      const rows = await s.db.db
        .select({ webhookEventId: inboundEvents.webhookEventId, seq: inboundEvents.processedSeq })
        .from(inboundEvents)
        .where(eq(inboundEvents.chatKey, u.userId))
        .orderBy(asc(inboundEvents.processedSeq))
      expect(
        rows.map((r) => r.webhookEventId),
        u.userId,
      ).toEqual(sent.get(u.userId))
    }
    // Each event answered exactly once.
    await expect
      .poll(() => users.every((u) => s.emulator.messagesTo(u.userId).length === MESSAGES), { timeout: 60_000 })
      .toBe(true)
  })

  it('orders events inside one webhook body by timestamp', async () => {
    const s = stacks[0] as Stack
    const u = s.emulator.createUser({ displayName: 'batch', language: 'en' })
    const stored = s.emulator.state.users.get(u.userId)
    if (stored) {
      stored.friendship = 'friend' // no reply tokens here: the answers go by push, which LINE delivers to friends only
    }
    const now = Date.now()
    const base = {
      mode: 'active',
      deliveryContext: { isRedelivery: false },
      source: { type: 'user', userId: u.userId },
    }
    const mk = (id: string, text: string, ts: number) => ({
      ...base,
      type: 'message',
      timestamp: ts,
      webhookEventId: id,
      message: { id: `${ts}`, type: 'text', text, quoteToken: 'q' },
    })
    // LINE may send them out of order (e.g. redelivery); the later one comes first in the body.
    const d = await s.emulator.deliver([
      mk('01ORDERB0000000000000000B2', 'english', now + 5),
      mk('01ORDERA0000000000000000A1', 'ภาษาไทย', now),
    ])
    expect(d.status).toBe(200)
    await expect.poll(() => s.emulator.messagesTo(u.userId).length).toBe(2)
    const rows = await s.db.db
      .select({ id: inboundEvents.webhookEventId })
      .from(inboundEvents)
      .where(eq(inboundEvents.chatKey, u.userId))
      .orderBy(asc(inboundEvents.processedSeq))
    expect(rows.map((r) => r.id)).toEqual(['01ORDERA0000000000000000A1', '01ORDERB0000000000000000B2'])
  })
})

import { eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { inboundEvents, outboundMessages } from '../../../db/schema/index.js'
import { killHard, spawnRole, startPrivateRedis } from '../../helpers/processes.js'
import { type Stack, startStack } from '../../helpers/stack.js'

// Several processes on one database and one Redis: needs the real Postgres and Redis (CI's first run).
const real = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL)

async function countBy(s: Stack, status: 'pending' | 'processed' | 'failed') {
  const [row] = await s.db.db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboundEvents)
    .where(eq(inboundEvents.status, status))
  return row?.n ?? 0
}

describe.skipIf(!real)('resilience (Postgres + Redis)', () => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterAll(async () => {
    for (const c of cleanups.reverse()) {
      await c().catch(() => {})
    }
  })

  it('a worker killed mid-job loses nothing and sends nothing twice', async () => {
    const s = await startStack({ worker: false })
    cleanups.push(() => s.close())
    const env = {
      DATABASE_URL: s.db.url ?? '',
      REDIS_URL: process.env.REDIS_URL ?? '',
      QUEUE_PREFIX: s.queuePrefix,
      LINE_API_BASE_URL: s.emulator.url,
      LINE_DATA_API_BASE_URL: s.emulator.url,
      SWEEP_INTERVAL_MS: '1000',
      PORT: '0',
    }
    // Profile look-ups (inside the follow event's transaction) hang, so the worker dies mid-transaction.
    s.emulator.state.faults.push({ path: /^\/v2\/bot\/profile\//, status: 200, delayMs: 4_000, times: 3 })
    const first = await spawnRole('worker', env)
    cleanups.push(() => killHard(first))
    const users = Array.from({ length: 10 }, (_, i) => s.emulator.createUser({ displayName: `k${i}`, language: 'th' }))
    for (const u of users) {
      expect((await s.emulator.follow(u.userId)).status).toBe(200)
    }
    // The first profile calls are now hanging inside open transactions.
    await new Promise((r) => setTimeout(r, 1_500))
    expect(await countBy(s, 'processed')).toBeLessThan(users.length)
    await killHard(first)
    const second = await spawnRole('worker', env)
    cleanups.push(() => killHard(second))
    await expect.poll(() => countBy(s, 'processed'), { timeout: 60_000, interval: 500 }).toBe(users.length)
    await expect
      .poll(() => users.every((u) => s.emulator.messagesTo(u.userId).length >= 2), { timeout: 60_000 })
      .toBe(true)
    await new Promise((r) => setTimeout(r, 2_000)) // time for any duplicate to show up
    for (const u of users) {
      expect(s.emulator.messagesTo(u.userId), u.userId).toHaveLength(2)
    }
    await killHard(second)
  })

  it('Redis stopped while webhooks arrive, then restarted: every acknowledged event is processed once', async () => {
    const redis = await startPrivateRedis()
    const s = await startStack({ env: { REDIS_URL: redis.url } })
    // Reverse order: the stack closes while its Redis still runs.
    cleanups.push(() => redis.stop())
    cleanups.push(() => s.close())
    const users = Array.from({ length: 10 }, (_, i) => s.emulator.createUser({ displayName: `r${i}`, language: 'en' }))
    for (const u of users) {
      await s.emulator.sendText(u.userId, 'menu')
    }
    await expect.poll(() => countBy(s, 'processed'), { timeout: 30_000 }).toBe(10)

    await redis.stop()
    let acknowledged = 10
    for (const u of users) {
      for (let i = 0; i < 3; i++) {
        const d = await s.emulator.sendText(u.userId, `while down ${i}`)
        expect(d.status, d.responseBody).toBe(200)
        acknowledged += 1
      }
    }
    expect(await countBy(s, 'pending')).toBeGreaterThan(0)
    const restarted = await startPrivateRedis(redis.port) // empty: every job Redis held is gone
    cleanups.unshift(() => restarted.stop())

    await expect.poll(() => countBy(s, 'processed'), { timeout: 60_000, interval: 500 }).toBe(acknowledged)
    await expect
      .poll(
        async () => {
          const [row] = await s.db.db
            .select({ n: sql<number>`count(*)::int` })
            .from(outboundMessages)
            .where(eq(outboundMessages.status, 'delivered'))
          return row?.n
        },
        { timeout: 60_000 },
      )
      .toBe(acknowledged)
    for (const u of users) {
      expect(s.emulator.messagesTo(u.userId)).toHaveLength(4)
    }
  })
})

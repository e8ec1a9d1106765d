import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import type { ConversationEngine } from '../../../bot/conversation/engine.js'
import { inboundEvents } from '../../../db/schema/index.js'
import { PermanentJobError } from '../../../jobs/queues.js'
import { startStack } from '../../helpers/stack.js'

// Two databases one after the other beside one Redis: needs the real Postgres and Redis.
const real = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL)

/** The database goes away while it is restored: every job in flight fails for good, and Redis keeps it (7 days). */
function databaseGone(engine: ConversationEngine): ConversationEngine {
  return {
    ...engine,
    async handle() {
      throw new PermanentJobError('database unavailable (being restored)')
    },
  }
}

describe.skipIf(!real)('a database restored or recreated beside the same Redis', () => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterAll(async () => {
    for (const c of cleanups.reverse()) {
      await c().catch(() => {})
    }
  })

  it('answers 100 new messages before the sweeper could (8 s), though Redis still holds the old database’s jobs', {
    timeout: 120_000,
  }, async () => {
    // The sweeper as deployed (every 10 s): it must not be what answers them. The old process's sweeper stays
    // out of the way (it would run the failed events again).
    const env = { SWEEP_INTERVAL_MS: '10000' }
    const old = await startStack({ env: { SWEEP_INTERVAL_MS: String(60 * 60_000) }, wrapEngine: databaseGone })
    cleanups.push(() => old.close())
    const burst = Array.from({ length: 20 }, (_, i) =>
      old.emulator.createUser({ displayName: `b${i}`, language: 'th' }),
    )
    await Promise.all(
      burst.map(async (u) => {
        // Four each: no event reaches its fifth failure (set aside), so every job's failure is counted below.
        for (let m = 0; m < 4; m++) {
          expect((await old.emulator.sendText(u.userId, `burst ${m}`)).status).toBe(200)
        }
      }),
    )
    // Every event's job has run once and failed (each run counts one attempt on its chat's first pending event);
    // Redis keeps those failed jobs.
    await expect
      .poll(
        async () => {
          const [row] = await old.db.db
            .select({ n: sql<number>`coalesce(sum(${inboundEvents.attempts}), 0)::int` })
            .from(inboundEvents)
          return row?.n
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBe(80)
    cleanups.pop()
    await old.close() // the process stops and its database is gone; its jobs stay in Redis

    // A fresh database (a restore, or a recreation), the same Redis and queue prefix.
    const fresh = await startStack({ env, queuePrefix: old.queuePrefix })
    cleanups.push(() => fresh.close())
    const users = Array.from({ length: 100 }, (_, i) =>
      fresh.emulator.createUser({ displayName: `n${i}`, language: 'en' }),
    )
    // The emulator compiles LINE's OpenAPI spec on its first message: warm it outside the timed part.
    await fresh.deps.line.push(users[0]?.userId ?? '', [{ type: 'text', text: 'warm' }], randomUUID())
    const warm = fresh.emulator.messagesTo(users[0]?.userId ?? '').length

    const started = Date.now()
    await Promise.all(users.map((u) => fresh.emulator.sendText(u.userId, 'menu')))
    const answered = () =>
      users.filter((u, i) => fresh.emulator.messagesTo(u.userId).length >= (i === 0 ? warm + 1 : 1)).length
    // Without job IDs of their own, the events named after the old database's failed jobs wait for the sweeper: it
    // takes events 10 s old (SWEEP_INTERVAL_MS), so they are answered after 10 s at the earliest. 8 s tells the two
    // apart on a loaded machine too (5 s was missed by 10 ms at load average 9).
    await expect.poll(answered, { timeout: 8_000, interval: 100 }).toBe(100)
    const elapsed = Date.now() - started
    expect(elapsed, `all answered after ${elapsed} ms`).toBeLessThan(8_000)
  })
})

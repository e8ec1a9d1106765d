import { eq, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { citizens, outboundMessages } from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { killHard, spawnRole } from '../../helpers/processes.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { statusOf, TEXT } from './fixtures.js'

// A worker in its own process on the same database and Redis: needs the real Postgres and Redis.
const real = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL)
const USERS = 2_000

describe.skipIf(!real)('announcement crash safety (acceptance 7)', () => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterAll(async () => {
    for (const c of cleanups.reverse()) {
      await c().catch(() => {})
    }
  })

  it('a worker killed mid-announcement, started again: every recipient gets exactly one copy', async () => {
    const s: Stack = await startStack({ worker: false })
    cleanups.push(() => s.close())
    s.emulator.state.quota = { type: 'none', value: 0 }
    const admin = await signInOfficer(s.db.db, { role: 'admin' })
    const users = Array.from({ length: USERS }, (_, i) => {
      const u = s.emulator.createUser({ displayName: `u${i}`, language: 'th' })
      const stored = s.emulator.state.users.get(u.userId)
      if (stored) {
        stored.friendship = 'friend'
      }
      return u.userId
    })
    for (let i = 0; i < users.length; i += 500) {
      await s.db.db
        .insert(citizens)
        .values(users.slice(i, i + 500).map((lineUserId) => ({ lineUserId, language: 'th' as const })))
    }
    await s.app.inject({
      method: 'PUT',
      url: '/api/admin/broadcasts/settings',
      headers: admin.headers,
      payload: { requireApproval: false, monthlyBudget: null },
    })
    // Every multicast takes 2 s at LINE, and the first worker sends one at a time: it dies mid-announcement.
    s.emulator.state.faults.push({ path: '/v2/bot/message/multicast', status: 200, delayMs: 2_000, times: Infinity })
    const env = {
      DATABASE_URL: s.db.url ?? '',
      REDIS_URL: process.env.REDIS_URL ?? '',
      QUEUE_PREFIX: s.queuePrefix,
      LINE_API_BASE_URL: s.emulator.url,
      LINE_DATA_API_BASE_URL: s.emulator.url,
      SWEEP_INTERVAL_MS: '1000',
      WORKER_CONCURRENCY: '1',
      PORT: '0',
    }
    const first = await spawnRole('worker', env)
    cleanups.push(() => killHard(first))
    const created = await s.app.inject({
      method: 'POST',
      url: '/api/admin/broadcasts',
      headers: admin.headers,
      payload: { audience: { type: 'followers' }, messages: TEXT('ประกาศทดสอบ') },
    })
    const id = created.json().broadcast.id
    const sent = await s.app.inject({
      method: 'POST',
      url: `/api/admin/broadcasts/${id}/send`,
      headers: admin.headers,
      payload: {},
    })
    expect(sent.json().broadcast?.status, sent.body).toBe('sending')
    const delivered = async () => {
      const [r] = await s.db.db
        .select({ n: sql<number>`count(*)::int` })
        .from(outboundMessages)
        .where(sql`${outboundMessages.broadcastId} = ${id} and ${outboundMessages.status} = 'delivered'`)
      return Number(r?.n ?? 0)
    }
    await expect.poll(delivered, { timeout: 60_000, interval: 100 }).toBeGreaterThanOrEqual(1)
    // The next request is on its way to LINE (2 s): the worker dies now.
    await new Promise((r) => setTimeout(r, 500))
    await killHard(first)
    expect(await delivered()).toBeLessThan(USERS / 500)

    const second = await spawnRole('worker', { ...env, WORKER_CONCURRENCY: '4' })
    cleanups.push(() => killHard(second))
    // The request in flight at the kill is leased for a minute, then retried with its key (LINE: 409 = delivered).
    await expect
      .poll(async () => (await statusOf(s.db.db, id))?.status, { timeout: 150_000, interval: 1_000 })
      .toBe('sent')
    const copies = users.map((u) => s.emulator.state.copies.get(u) ?? 0)
    expect(copies.filter((n) => n !== 1)).toEqual([])
    const b = await statusOf(s.db.db, id)
    expect(b).toMatchObject({ recipients: USERS, sent: USERS, failed: 0 })
    const rows = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.broadcastId, id))
    expect(rows).toHaveLength(USERS / 500)
    await killHard(second)
  }, 240_000)
})

import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANSWER_HOLD_MS, writeOutbox } from '../../../bot/line/outbox.js'
import { outboundMessages } from '../../../db/schema/index.js'
import { createDeliverOutbound } from '../../../jobs/deliver-outbound.job.js'
import { type Stack, startStack } from '../../helpers/stack.js'

const logger = { info() {}, warn() {}, error() {} }

/**
 * Issue #12, point 5: answers held a moment (an officer typing several in a row) go out together in one LINE request,
 * keeping every guarantee of one row: one retry key for the group, LINE's 409 = delivered, leases, order.
 */
describe('deliver-outbound: held rows to one recipient go out together', () => {
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

  function friend(displayName: string) {
    const user = s.emulator.createUser({ displayName, language: 'th' })
    const stored = s.emulator.state.users.get(user.userId)
    if (stored) {
      stored.friendship = 'friend'
    }
    return user
  }
  /** One answer written with a hold, `offsetMs` after the clock (each answer is its own transaction). */
  async function held(to: string, texts: string[], offsetMs: number, purpose = 'case-message') {
    const ids = await s.db.db.transaction((tx) =>
      writeOutbox(tx, {
        to,
        messages: texts.map((text) => ({ type: 'text', text })),
        purpose,
        hold: { now: new Date(clock + offsetMs), ms: ANSWER_HOLD_MS },
      }),
    )
    return ids[0] ?? ''
  }
  const rows = (ids: string[]) => s.db.db.select().from(outboundMessages).where(inArray(outboundMessages.id, ids))
  const pushes = (userId: string) =>
    s.emulator.state.apiCalls.filter(
      (c) => c.path === '/v2/bot/message/push' && String(JSON.stringify(c.body)).includes(userId),
    )

  it('sends the held rows written after the first in one request, in order, all marked with one key and one via', async () => {
    clock = Date.now()
    const user = friend('A')
    const ids = [
      await held(user.userId, ['1'], 0),
      await held(user.userId, ['2', '3'], 10),
      await held(user.userId, ['4'], 20),
    ]
    // Another purpose and another recipient are never merged in.
    const other = await held(user.userId, ['status'], 15, 'case-status')
    await expect(deliver({ outboundId: ids[0] ?? '' })).resolves.toBe('delivered')
    expect(s.emulator.messagesTo(user.userId).map((m) => m.message.text)).toEqual(['1', '2', '3', '4'])
    expect(pushes(user.userId)).toHaveLength(1)
    const after = await rows(ids)
    expect(after.every((r) => r.status === 'delivered' && r.sentVia === 'push')).toBe(true)
    expect(new Set(after.map((r) => r.retryKey))).toEqual(new Set([pushes(user.userId)[0]?.retryKey]))
    // The followers' own jobs stand down; the other purpose goes on its own.
    await expect(deliver({ outboundId: ids[1] ?? '' })).resolves.toBe('skipped')
    await expect(deliver({ outboundId: other })).resolves.toBe('delivered')
    expect(pushes(user.userId)).toHaveLength(2)
  })

  it('never puts more than 5 messages in a request: the rest go on their own', async () => {
    clock = Date.now()
    const user = friend('B')
    const ids: string[] = []
    for (let i = 0; i < 6; i++) {
      ids.push(await held(user.userId, [`m${i}`], i * 10))
    }
    await expect(deliver({ outboundId: ids[0] ?? '' })).resolves.toBe('delivered')
    await expect(deliver({ outboundId: ids[5] ?? '' })).resolves.toBe('delivered')
    expect(pushes(user.userId).map((c) => (c.body as { messages: unknown[] }).messages.length)).toEqual([5, 1])
    expect(s.emulator.messagesTo(user.userId).map((m) => m.message.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5'])
  })

  it('retries a group as it was (same key, same messages); a 409 for the key marks them all delivered', async () => {
    clock = Date.now()
    const user = friend('C')
    const ids = [await held(user.userId, ['x'], 0), await held(user.userId, ['y'], 10)]
    s.emulator.state.faults.push({ path: '/v2/bot/message/push', status: 500, times: 1 })
    await expect(deliver({ outboundId: ids[0] ?? '' }, { id: 'j', attemptsMade: 0, attempts: 11 })).rejects.toThrow(
      '500',
    )
    const failed = await rows(ids)
    expect(failed.every((r) => r.status === 'pending' && r.attempts === 1 && r.leasedUntil === null)).toBe(true)
    expect(new Set(failed.map((r) => r.retryKey)).size).toBe(1)
    // A row written meanwhile does not join the retried group (its key names the first request's messages).
    const late = await held(user.userId, ['z'], 20)
    // The first row's job retries the whole group; the follower's own job waits for it, then stands down.
    const follower = deliver({ outboundId: ids[1] ?? '' }, { id: 'k', attemptsMade: 0, attempts: 11 })
    await expect(deliver({ outboundId: ids[0] ?? '' }, { id: 'j', attemptsMade: 1, attempts: 11 })).resolves.toBe(
      'delivered',
    )
    await expect(follower).resolves.toBe('skipped')
    expect(s.emulator.messagesTo(user.userId).map((m) => m.message.text)).toEqual(['x', 'y'])
    const [lateRow] = await rows([late])
    expect(lateRow?.status).toBe('pending')
    expect(lateRow?.retryKey).not.toBe(failed[0]?.retryKey)
    await expect(deliver({ outboundId: late })).resolves.toBe('delivered')

    // LINE already accepted the key (the worker died before marking): 409 means delivered, for every row.
    const again = [await held(user.userId, ['p'], 30), await held(user.userId, ['q'], 40)]
    await expect(deliver({ outboundId: again[0] ?? '' })).resolves.toBe('delivered')
    const [first] = await rows([again[0] ?? ''])
    await s.db.db
      .update(outboundMessages)
      .set({ status: 'pending', sentVia: null, leasedUntil: null })
      .where(inArray(outboundMessages.id, again))
    await expect(deliver({ outboundId: again[0] ?? '' })).resolves.toBe('delivered')
    const marked = await rows(again)
    expect(marked.every((r) => r.status === 'delivered' && r.retryKey === first?.retryKey)).toBe(true)
    expect(s.emulator.messagesTo(user.userId).filter((m) => m.message.text === 'p')).toHaveLength(1)
  })

  it('lets a row another worker holds stand outside the group (leases), and a non-held row is never merged', async () => {
    clock = Date.now()
    const user = friend('D')
    const a = await held(user.userId, ['a'], 0)
    const b = await held(user.userId, ['b'], 10)
    await s.db.db
      .update(outboundMessages)
      .set({ leasedUntil: new Date(clock + 60_000) })
      .where(eq(outboundMessages.id, b))
    const plain = await s.db.db.transaction((tx) =>
      writeOutbox(tx, { to: user.userId, messages: [{ type: 'text', text: 'plain' }], purpose: 'case-message' }),
    )
    await expect(deliver({ outboundId: a })).resolves.toBe('delivered')
    expect(s.emulator.messagesTo(user.userId).map((m) => m.message.text)).toEqual(['a'])
    const [bRow, plainRow] = await Promise.all([rows([b]), rows(plain)])
    expect(bRow[0]?.status).toBe('pending')
    expect(plainRow[0]?.status).toBe('pending')
  })

  it("keeps the order when a later answer's job runs first: it waits, and the first one takes it along", async () => {
    clock = Date.now()
    const user = friend('E')
    const ids = [
      await held(user.userId, ['one'], 0),
      await held(user.userId, ['two'], 10),
      await held(user.userId, ['three'], 20),
    ]
    const third = deliver({ outboundId: ids[2] ?? '' })
    const second = deliver({ outboundId: ids[1] ?? '' })
    await new Promise((r) => setTimeout(r, 300))
    expect(pushes(user.userId)).toHaveLength(0)
    await expect(deliver({ outboundId: ids[0] ?? '' })).resolves.toBe('delivered')
    await expect(third).resolves.toBe('skipped')
    await expect(second).resolves.toBe('skipped')
    expect(s.emulator.messagesTo(user.userId).map((m) => m.message.text)).toEqual(['one', 'two', 'three'])
    expect(pushes(user.userId)).toHaveLength(1)
    expect(new Set((await rows(ids)).map((r) => r.retryKey)).size).toBe(1)
  })

  it('sends a later answer after the earlier ones that filled a request, with a key of its own', async () => {
    clock = Date.now()
    const user = friend('F')
    const ids: string[] = []
    for (let i = 0; i < 6; i++) {
      ids.push(await held(user.userId, [`n${i}`], i * 10))
    }
    const last = deliver({ outboundId: ids[5] ?? '' })
    await expect(deliver({ outboundId: ids[0] ?? '' })).resolves.toBe('delivered')
    await expect(last).resolves.toBe('delivered')
    expect(pushes(user.userId).map((c) => (c.body as { messages: unknown[] }).messages.length)).toEqual([5, 1])
    expect(s.emulator.messagesTo(user.userId).map((m) => m.message.text)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5'])
    const after = await rows(ids)
    expect(after.every((r) => r.status === 'delivered')).toBe(true)
    // Two requests, two keys: the second must not carry the first's key (LINE would answer 409 and drop it).
    expect(new Set(after.map((r) => r.retryKey)).size).toBe(2)
  })

  it('waits while another worker sends an earlier answer, then sends its own after it', async () => {
    clock = Date.now()
    const user = friend('G')
    const first = await held(user.userId, ['first'], 0)
    const second = await held(user.userId, ['second'], 10)
    await s.db.db
      .update(outboundMessages)
      .set({ leasedUntil: new Date(clock + 60_000) })
      .where(eq(outboundMessages.id, first))
    const sending = deliver({ outboundId: second })
    await new Promise((r) => setTimeout(r, 300))
    expect(pushes(user.userId)).toHaveLength(0)
    // The other worker's request reaches LINE and it marks its row.
    await s.deps.line.push(user.userId, [{ type: 'text', text: 'first' }], crypto.randomUUID())
    await s.db.db
      .update(outboundMessages)
      .set({ status: 'delivered', leasedUntil: null })
      .where(eq(outboundMessages.id, first))
    await expect(sending).resolves.toBe('delivered')
    expect(s.emulator.messagesTo(user.userId).map((m) => m.message.text)).toEqual(['first', 'second'])
  })
})

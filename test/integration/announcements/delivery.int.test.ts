import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBroadcastDelivery } from '../../../bot/announcements/delivery.js'
import { tombstoneId } from '../../../bot/privacy/erasure.js'
import { broadcasts, citizens, lineMessageCounts, outboundMessages } from '../../../db/schema/index.js'
import { createDeliverOutbound } from '../../../jobs/deliver-outbound.job.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { station } from '../cases/fixtures.js'
import { friendCitizen } from './fixtures.js'

/**
 * An announcement's requests settle side by side (issue #14, point 8: no lock held across round trips), and still
 * exactly: the last of several requests settling at the same moment closes the announcement, a request settled
 * twice (a retried job) moves nothing, a failed request counts as failed, and a delivered one is counted for the
 * month once. On Postgres the settles run on separate connections at once; embedded, one after the other.
 */
describe('announcement progress: requests settled at once', () => {
  let s: Stack
  let stationId = ''
  let delivery: ReturnType<typeof createBroadcastDelivery>
  beforeAll(async () => {
    s = await startStack({ worker: false })
    stationId = (await station(s)).id
    delivery = createBroadcastDelivery({ db: s.db.db })
  })
  afterAll(async () => {
    await s.close()
  })

  /** An announcement being sent in `sizes.length` requests of those sizes. */
  async function sending(sizes: number[], recipients?: string[]) {
    const [b] = await s.db.db
      .insert(broadcasts)
      .values({
        stationId,
        title: 'settle',
        audience: { type: 'followers' },
        messages: { th: [{ type: 'text', text: 'ประกาศ' }] },
        status: 'sending',
        recipients: sizes.reduce((a, n) => a + n, 0),
        pendingRequests: sizes.length,
        aggregationUnit: `settle${Math.random().toString(36).slice(2, 10)}`,
      })
      .returning()
    const rows = await s.db.db
      .insert(outboundMessages)
      .values(
        sizes.map((n, i) => ({
          stationId,
          method: 'multicast' as const,
          recipients: recipients ?? Array.from({ length: n }, (_, k) => `U${i}x${k}`),
          messages: [{ type: 'text', text: 'ประกาศ' }],
          purpose: 'announcement',
          kind: 'announcement',
          broadcastId: b?.id,
        })),
      )
      .returning({ id: outboundMessages.id })
    return { id: b?.id ?? '', requests: rows.map((r) => r.id) }
  }
  const mark = (id: string, status: 'delivered' | 'failed') =>
    sql`update outbound_messages set status = ${status} where id = ${id} and status = 'pending'
      returning cardinality(recipients) as n`
  const progress = async (id: string) => {
    const [b] = await s.db.db.select().from(broadcasts).where(eq(broadcasts.id, id))
    return { status: b?.status, sent: b?.sent, failed: b?.failed, pending: b?.pendingRequests, done: !!b?.completedAt }
  }

  it('the last requests settling at the same moment close the announcement, every time', async () => {
    for (let round = 0; round < 15; round++) {
      const b = await sending([500, 500, 120, 3])
      await Promise.all(b.requests.map((r) => delivery.settle(b.id, mark(r, 'delivered'), 'sent')))
      expect(await progress(b.id)).toEqual({ status: 'sent', sent: 1123, failed: 0, pending: 0, done: true })
    }
  })

  it('a request settled again moves nothing; a failed one counts as failed; all failed is "failed"', async () => {
    const b = await sending([10, 5])
    const [first, second] = b.requests as [string, string]
    await delivery.settle(b.id, mark(first, 'delivered'), 'sent')
    await delivery.settle(b.id, mark(first, 'delivered'), 'sent')
    expect(await progress(b.id)).toEqual({ status: 'sending', sent: 10, failed: 0, pending: 1, done: false })
    await delivery.settle(b.id, mark(second, 'failed'), 'failed')
    expect(await progress(b.id)).toEqual({ status: 'sent', sent: 10, failed: 5, pending: 0, done: true })

    const c = await sending([4, 4])
    await Promise.all(c.requests.map((r) => delivery.settle(c.id, mark(r, 'failed'), 'failed')))
    expect(await progress(c.id)).toEqual({ status: 'failed', sent: 0, failed: 8, pending: 0, done: true })
  })

  it("counts a delivered request for the month in the same statement, once, and LINE's broadcast as everyone", async () => {
    const b = await sending([7])
    const [only] = b.requests as [string]
    const at = new Date('2026-12-03T05:00:00Z')
    const count = { at, stationId, kind: 'announcement', via: 'multicast' as const, recipients: 7 }
    const counted = async () => {
      const [row] = await s.db.db
        .select()
        .from(lineMessageCounts)
        .where(sql`${lineMessageCounts.stationId} = ${stationId} and ${lineMessageCounts.via} = 'multicast'`)
      return { requests: row?.requests, messages: row?.messages }
    }
    const before = await counted()
    await delivery.settle(b.id, mark(only, 'delivered'), 'sent', count)
    await delivery.settle(b.id, mark(only, 'delivered'), 'sent', count)
    expect(await counted()).toEqual({ requests: (before.requests ?? 0) + 1, messages: (before.messages ?? 0) + 7 })
    expect(await progress(b.id)).toMatchObject({ status: 'sent', sent: 7, pending: 0 })

    // LINE's broadcast API: one request to every friend, returned as n = null (all of the announcement's recipients).
    const everyone = await sending([0])
    const [call] = everyone.requests as [string]
    await s.db.db.update(broadcasts).set({ recipients: 8_053 }).where(eq(broadcasts.id, everyone.id))
    await delivery.settle(
      everyone.id,
      sql`update outbound_messages set status = 'delivered' where id = ${call} and status = 'pending' returning null::int as n`,
      'sent',
    )
    expect(await progress(everyone.id)).toMatchObject({ status: 'sent', sent: 8_053, pending: 0 })
  })

  it('at send time, whoever opted out, blocked the OA or was erased since the snapshot gets nothing; the rest once', async () => {
    const people = await Promise.all(['ก', 'ข', 'ค', 'ง', 'จ'].map((n) => friendCitizen(s, `ผู้รับ ${n}`)))
    type P = (typeof people)[number]
    const [stays, optedOut, blocked, erased, alsoStays] = people as [P, P, P, P, P]
    const b = await sending(
      [5],
      people.map((p) => p.lineUserId),
    )
    await s.db.db
      .update(citizens)
      .set({ announcementsOptedOutAt: new Date() })
      .where(eq(citizens.id, optedOut.citizenId))
    await s.db.db.update(citizens).set({ followState: 'blocked' }).where(eq(citizens.id, blocked.citizenId))
    await s.db.db
      .update(citizens)
      .set({ lineUserId: tombstoneId(erased.citizenId) })
      .where(eq(citizens.id, erased.citizenId))
    const logger = { info() {}, warn() {}, error() {} }
    const deliver = createDeliverOutbound({ db: s.db.db, line: s.deps.line, logger, announcements: delivery })
    const [request] = b.requests as [string]
    expect(await deliver({ outboundId: request })).toBe('delivered')
    const copies = (p: { lineUserId: string }) => s.emulator.state.copies.get(p.lineUserId) ?? 0
    expect(people.map(copies)).toEqual([1, 0, 0, 0, 1])
    const [row] = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.id, request))
    expect(row?.recipients).toEqual([stays.lineUserId, alsoStays.lineUserId])
    expect(await progress(b.id)).toEqual({ status: 'sent', sent: 2, failed: 0, pending: 0, done: true })
  })
})

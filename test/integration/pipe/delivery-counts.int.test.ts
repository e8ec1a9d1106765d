import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bangkokMonth } from '../../../bot/line/delivery-counts.js'
import { ANSWER_HOLD_MS, writeOutbox } from '../../../bot/line/outbox.js'
import { lineMessageCounts, outboundMessages } from '../../../db/schema/index.js'
import { createDeliverOutbound } from '../../../jobs/deliver-outbound.job.js'
import { lineFriend } from '../../helpers/line-friend.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { station } from '../cases/fixtures.js'

const logger = { info() {}, warn() {}, error() {} }
const VIAS = ['reply', 'push', 'multicast'] as const

/**
 * Issue #12, point 5: every delivery is counted per Bangkok month, station, kind and way as LINE counts it (one
 * message per recipient per request, whatever the number of message objects; replies free), in the statement that
 * marks it delivered, so a request LINE accepted once is counted once. Checked against the emulator's own counts.
 */
describe('deliver-outbound: messages counted per month, kind and way', () => {
  let s: Stack
  let deliver: ReturnType<typeof createDeliverOutbound>
  let stationId = ''
  const clock = Date.now()
  beforeAll(async () => {
    s = await startStack({ worker: false })
    stationId = (await station(s)).id
    deliver = createDeliverOutbound({ db: s.db.db, line: s.deps.line, logger, now: () => new Date(clock) })
  })
  afterAll(async () => {
    await s.close()
  })

  const friend = (displayName: string) => lineFriend(s, displayName)
  const texts = (...t: string[]) => t.map((text) => ({ type: 'text' as const, text }))
  /** The station's counter: `kind|via` → requests and messages, this month. */
  async function counted() {
    const rows = await s.db.db.select().from(lineMessageCounts).where(eq(lineMessageCounts.stationId, stationId))
    expect(new Set(rows.map((r) => r.month))).toEqual(new Set([bangkokMonth(new Date(clock))]))
    return Object.fromEntries(rows.map((r) => [`${r.kind}|${r.via}`, { requests: r.requests, messages: r.messages }]))
  }
  /** What the emulator (LINE) counted per way of sending, over every day. */
  function lineCounted() {
    const sums: Record<string, number> = { reply: 0, push: 0, multicast: 0 }
    for (const day of s.emulator.state.usage.byDay.values()) {
      for (const via of VIAS) {
        sums[via] = (sums[via] ?? 0) + day[via]
      }
    }
    return sums
  }

  it('a reply counts one message for the citizen, whatever the number of bubbles, as free', async () => {
    const user = friend('Reply')
    const d = await s.emulator.sendText(user.userId, 'สวัสดีครับ')
    const [inbound] = await s.db.db.query.inboundEvents.findMany({
      where: (e, { eq: eq2 }) => eq2(e.webhookEventId, d.event.webhookEventId),
    })
    const [id] = await s.db.db.transaction((tx) =>
      writeOutbox(tx, {
        to: user.userId,
        stationId,
        messages: texts('หนึ่ง', 'สอง', 'สาม'),
        reply: { inboundEventId: inbound?.id ?? 0, replyToken: d.event.replyToken ?? '', receivedAt: new Date(clock) },
      }),
    )
    await expect(deliver({ outboundId: id ?? '' })).resolves.toBe('delivered')
    expect(s.emulator.messagesTo(user.userId).map((m) => m.via)).toEqual(['reply', 'reply', 'reply'])
    expect(await counted()).toEqual({ 'chat|reply': { requests: 1, messages: 1 } })
  })

  it("a push counts one per request for the case's kind; held answers sent together are one request", async () => {
    const user = friend('Push')
    const [single] = await s.db.db.transaction((tx) =>
      writeOutbox(tx, { to: user.userId, stationId, messages: texts('a', 'b'), purpose: 'case-message', kind: 'sos' }),
    )
    await expect(deliver({ outboundId: single ?? '' })).resolves.toBe('delivered')
    const held = []
    for (const [i, text] of ['x', 'y', 'z'].entries()) {
      const [heldId] = await s.db.db.transaction((tx) =>
        writeOutbox(tx, {
          to: user.userId,
          stationId,
          messages: texts(text),
          purpose: 'case-message',
          kind: 'consultation',
          hold: { now: new Date(clock + i * 10), ms: ANSWER_HOLD_MS },
        }),
      )
      held.push(heldId ?? '')
    }
    await expect(deliver({ outboundId: held[0] ?? '' })).resolves.toBe('delivered')
    await expect(deliver({ outboundId: held[1] ?? '' })).resolves.toBe('skipped')
    expect(s.emulator.messagesTo(user.userId).map((m) => m.message.text)).toEqual(['a', 'b', 'x', 'y', 'z'])
    const c = await counted()
    expect(c['sos|push']).toEqual({ requests: 1, messages: 1 })
    expect(c['consultation|push']).toEqual({ requests: 1, messages: 1 })
  })

  it('a multicast counts each recipient', async () => {
    const to = [friend('M1'), friend('M2'), friend('M3')].map((u) => u.userId)
    const [row] = await s.db.db
      .insert(outboundMessages)
      .values({ stationId, method: 'multicast', recipients: to, messages: texts('ประกาศ'), purpose: 'announcement' })
      .returning({ id: outboundMessages.id })
    await expect(deliver({ outboundId: row?.id ?? '' })).resolves.toBe('delivered')
    expect((await counted())['other|multicast']).toEqual({ requests: 1, messages: 3 })
  })

  it("a push to the station's LINE group counts each of its members, as LINE does", async () => {
    const members = [friend('G1'), friend('G2'), friend('G3'), friend('G4')].map((u) => u.userId)
    const group = s.emulator.createGroup({ groupName: 'สภ.ทดสอบ', memberIds: members })
    const stored = s.emulator.state.groups.get(group.groupId)
    if (stored) {
      stored.botIsMember = true
    }
    const [id] = await s.db.db.transaction((tx) =>
      writeOutbox(tx, {
        to: group.groupId,
        stationId,
        messages: texts('เหตุด่วน', 'รายละเอียด'),
        purpose: 'station-alert',
      }),
    )
    await expect(deliver({ outboundId: id ?? '' })).resolves.toBe('delivered')
    expect((await counted())['station_group|push']).toEqual({ requests: 1, messages: 4 })
  })

  it('a 409 for a retry key LINE accepted counts the request once; a second mark of it counts nothing', async () => {
    const user = friend('Retry')
    const [id] = await s.db.db.transaction((tx) =>
      writeOutbox(tx, { to: user.userId, stationId, messages: texts('ครั้งเดียว'), purpose: 'case-status' }),
    )
    // LINE takes the push but the answer is lost: nothing is counted until the retry learns it arrived (409).
    s.emulator.state.faults.push({ path: '/v2/bot/message/push', status: 500, times: 1, afterAccept: true })
    await expect(deliver({ outboundId: id ?? '' })).rejects.toThrow()
    expect((await counted())['case|push']).toBeUndefined()
    const [pending] = await s.db.db
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.id, id ?? ''))
    await expect(deliver({ outboundId: id ?? '' })).resolves.toBe('delivered')
    expect((await counted())['case|push']).toEqual({ requests: 1, messages: 1 })
    // A worker whose lease lapsed sends the same row again (same key: 409) and marks it: already delivered, not counted.
    if (!pending) {
      throw new Error('no row')
    }
    await expect(deliver.deliverLeased(pending)).resolves.toBe('delivered')
    await expect(deliver({ outboundId: id ?? '' })).resolves.toBe('skipped')
    expect((await counted())['case|push']).toEqual({ requests: 1, messages: 1 })
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(1)
  })

  it('adds up to what LINE counted, per way of sending, and what it charged against the quota', async () => {
    const c = await counted()
    const ours: Record<string, number> = { reply: 0, push: 0, multicast: 0 }
    for (const [key, v] of Object.entries(c)) {
      const via = key.split('|')[1] ?? ''
      ours[via] = (ours[via] ?? 0) + v.messages
    }
    expect(ours).toEqual(lineCounted())
    expect((ours.push ?? 0) + (ours.multicast ?? 0)).toBe(s.emulator.state.usage.total)
    const rows = await s.db.db
      .select({ kind: outboundMessages.kind })
      .from(outboundMessages)
      .where(inArray(outboundMessages.purpose, ['case-message', 'case-status']))
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['sos', 'consultation', 'case']))
  })
})

import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { type OutboundMessage, outboundMessages } from '../../db/schema/index.js'
import { isHeld, MAX_MESSAGES_PER_SEND, SEND_LEASE_MS } from './outbox.js'

/**
 * Outbox rows that go out together: an officer's answers written within ANSWER_HOLD_MS of each other to one citizen
 * (bot/line/outbox.ts `hold`) cost one LINE request of up to MAX_MESSAGES_PER_SEND messages. A group shares its
 * first row's retry key, so a retry sends exactly the same request and LINE's 409 for the key means all of it
 * arrived; each row is leased like a single row, so no two workers send the same one.
 */
export function createOutboxGroups({ db, now }: { db: Db; now: () => Date }) {
  const ids = (rows: readonly OutboundMessage[]) => rows.map((r) => r.id)
  const leaseFree = () => or(isNull(outboundMessages.leasedUntil), lt(outboundMessages.leasedUntil, now()))
  const inOrder = (a: OutboundMessage, b: OutboundMessage) =>
    a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

  async function release(rows: readonly OutboundMessage[], newKey: boolean) {
    if (rows.length === 0) {
      return
    }
    await db
      .update(outboundMessages)
      .set({ leasedUntil: null, ...(newKey ? { retryKey: sql`gen_random_uuid()` } : {}) })
      .where(inArray(outboundMessages.id, ids(rows)))
  }

  /**
   * The rows that go out with a leased row, leased too, in their order (the leased row first), or null when another
   * worker holds part of its group. A group that was tried before shares its first row's retry key: it goes again
   * exactly as it was (same key, same messages: LINE's 409 for the key then means all of them arrived). A held row
   * (an officer's answer, bot/line/outbox.ts ANSWER_HOLD_MS) takes the held rows written after it for the same
   * recipient and purpose, as many as fit in one request, and gives them its retry key.
   */
  async function gather(row: OutboundMessage): Promise<OutboundMessage[] | null> {
    // Only a held row, or one retried (both have nextAttemptAt), can be in a group: others cost no look-up.
    if (row.method !== 'reply_or_push' || !row.to || row.nextAttemptAt === null) {
      return [row]
    }
    const lease = { leasedUntil: new Date(now().getTime() + SEND_LEASE_MS) }
    const partners = await db
      .select({ id: outboundMessages.id })
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.status, 'pending'),
          eq(outboundMessages.to, row.to),
          eq(outboundMessages.retryKey, row.retryKey),
          ne(outboundMessages.id, row.id),
        ),
      )
    if (partners.length > 0) {
      const leased = await db
        .update(outboundMessages)
        .set(lease)
        .where(
          and(
            inArray(
              outboundMessages.id,
              partners.map((p) => p.id),
            ),
            eq(outboundMessages.status, 'pending'),
            leaseFree(),
          ),
        )
        .returning()
      if (leased.length < partners.length) {
        await release([row, ...leased], false)
        return null
      }
      return [row, ...leased].sort(inOrder)
    }
    if (!isHeld(row)) {
      return [row]
    }
    const later = await db
      .select()
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.status, 'pending'),
          eq(outboundMessages.method, 'reply_or_push'),
          eq(outboundMessages.to, row.to),
          eq(outboundMessages.purpose, row.purpose),
          eq(outboundMessages.attempts, 0),
          isNotNull(outboundMessages.nextAttemptAt),
          or(
            gt(outboundMessages.createdAt, row.createdAt),
            and(eq(outboundMessages.createdAt, row.createdAt), gt(outboundMessages.id, row.id)),
          ),
          leaseFree(),
        ),
      )
      .orderBy(asc(outboundMessages.createdAt), asc(outboundMessages.id))
      .limit(MAX_MESSAGES_PER_SEND)
    let room = MAX_MESSAGES_PER_SEND - row.messages.length
    const take: OutboundMessage[] = []
    for (const r of later) {
      if (r.messages.length > room) {
        break
      }
      take.push(r)
      room -= r.messages.length
    }
    if (take.length === 0) {
      return [row]
    }
    // Order is kept: only the unbroken run after this row joins it; a row after a gap (its own job took the one
    // before it meanwhile) goes later on its own, with a retry key of its own again.
    return [row, ...(await leaseRun(take, row.retryKey, lease))]
  }

  /**
   * Leases `take` (pending, untried, lease free) under `retryKey` and returns the unbroken run of them from the first;
   * those after a gap are released with a new key of their own.
   */
  async function leaseRun(take: readonly OutboundMessage[], retryKey: string, lease: { leasedUntil: Date }) {
    const leased = await db
      .update(outboundMessages)
      .set({ ...lease, retryKey })
      .where(
        and(
          inArray(outboundMessages.id, ids(take)),
          eq(outboundMessages.status, 'pending'),
          eq(outboundMessages.attempts, 0),
          leaseFree(),
        ),
      )
      .returning()
    const got = new Map(leased.map((r) => [r.id, r]))
    const run: OutboundMessage[] = []
    for (const r of take) {
      const mine = got.get(r.id)
      if (!mine) {
        break
      }
      run.push(mine)
    }
    await release(
      leased.filter((r) => !run.includes(r)),
      true,
    )
    return run
  }

  /**
   * Whether a row may be leased now: an officer's held answer never goes while an answer written before it to the
   * same citizen is still pending, whoever holds that one. Held rows' jobs fall due together and run concurrently;
   * the earliest pending one takes the later ones with it (gather), and a later one that ran first waits for it.
   */
  const noEarlierHeld = sql`not (${outboundMessages.method} = 'reply_or_push' and ${outboundMessages.nextAttemptAt} is not null
    and exists (select 1 from outbound_messages e
                 where e.status = 'pending' and e.method = 'reply_or_push' and e.next_attempt_at is not null
                   and e."to" = ${outboundMessages.to} and e.purpose = ${outboundMessages.purpose}
                   and (e.created_at, e.id) < (${outboundMessages.createdAt}, ${outboundMessages.id})))`

  return { gather, noEarlierHeld }
}

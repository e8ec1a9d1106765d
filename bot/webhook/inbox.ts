import { inArray } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../../db/client.js'
import { inboundEvents } from '../../db/schema/index.js'
import { chatJobId, type Enqueue, type EnqueueMany } from '../../jobs/queues.js'
import { chatKeyOf, type LineCallback } from '../line/events.schema.js'
import { createBatcher } from './batcher.js'

export type StoredEvent = { id: number; chatKey: string; webhookEventId: string; isNew: boolean }

/**
 * The inbox: stores a webhook's events (one multi-row INSERT shared by concurrent requests) and then enqueues the
 * new ones. Storing is awaited before the 200; enqueueing is not (the sweeper covers a lost enqueue).
 */
export function createInbox({
  db,
  enqueueMany,
  logger,
}: {
  db: Db
  enqueueMany: EnqueueMany
  enqueue?: Enqueue
  logger: Pick<Logger, 'warn'>
}) {
  type Row = typeof inboundEvents.$inferInsert
  const insert = createBatcher<Row, StoredEvent>(async (rows) => {
    const inserted = await db
      .insert(inboundEvents)
      .values(rows)
      .onConflictDoNothing({ target: inboundEvents.webhookEventId })
      .returning({ id: inboundEvents.id, webhookEventId: inboundEvents.webhookEventId })
    const byEventId = new Map(inserted.map((r) => [r.webhookEventId, r.id]))
    const missing = rows.filter((r) => !byEventId.has(r.webhookEventId)).map((r) => r.webhookEventId)
    if (missing.length > 0) {
      // Redeliveries: already in the inbox, so nothing new is stored or enqueued.
      const existing = await db
        .select({ id: inboundEvents.id, webhookEventId: inboundEvents.webhookEventId })
        .from(inboundEvents)
        .where(inArray(inboundEvents.webhookEventId, missing))
      for (const r of existing) {
        byEventId.set(r.webhookEventId, -r.id)
      }
    }
    return rows.map((r) => {
      const id = byEventId.get(r.webhookEventId) ?? 0
      return { id: Math.abs(id), chatKey: r.chatKey, webhookEventId: r.webhookEventId, isNew: id > 0 }
    })
  })

  const enqueue = createBatcher<StoredEvent, true>(async (events) => {
    await enqueueMany(
      'process-chat',
      events.map((e) => ({
        payload: { chatKey: e.chatKey, inboundEventId: e.id },
        opts: { jobId: chatJobId(e.webhookEventId) },
      })),
    )
    return events.map(() => true as const)
  })

  async function store(callback: LineCallback, receivedAt = new Date()): Promise<StoredEvent[]> {
    const stored = await Promise.all(
      callback.events.map((event, position) =>
        insert({
          webhookEventId: event.webhookEventId,
          destination: callback.destination,
          type: event.type,
          chatKey: chatKeyOf(event),
          lineUserId: event.source?.userId ?? null,
          occurredAt: event.timestamp,
          position,
          replyToken: event.replyToken ?? null,
          payload: event,
          receivedAt,
        }),
      ),
    )
    return stored
  }

  function dispatch(events: StoredEvent[]) {
    for (const e of events) {
      if (e.isNew) {
        enqueue(e).catch((err) =>
          logger.warn({ err: err?.message, inboundEventId: e.id }, 'enqueue failed; the sweeper will retry'),
        )
      }
    }
  }

  /** Resolves once no webhook INSERT is waiting: the embedded single-connection database lets those go first. */
  const whenIdle = () => insert.whenIdle()

  return { store, dispatch, whenIdle }
}
export type Inbox = ReturnType<typeof createInbox>

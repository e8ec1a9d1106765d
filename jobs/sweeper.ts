import { and, asc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import { type Db, queryRows } from '../db/client.js'
import { caseEvents, inboundEvents, outboundMessages } from '../db/schema/index.js'
import { chatJobId, contentJobId, deliveryJobId, type Requeue } from './queues.js'

export type SweeperDeps = {
  db: Db
  /** Enqueues a row's own job unless a job of that ID will still run (jobs/queues.ts, JobBus.requeue). */
  requeue: Requeue
  logger: Pick<Logger, 'info' | 'warn'>
  /** Rows untouched for this long are taken to have lost their job (Redis down, process killed). */
  staleAfterMs?: number
  batchSize?: number
  now?: () => Date
}

const SWEEP_LOCK = 727_001 // any constant: only one sweeper at a time across all worker processes

/** A media fetch still pending after this long lost its job (its own retries take about 17 minutes at most). */
const CONTENT_STALE_MS = 20 * 60_000
/** LINE keeps a message's content for a limited time: older pending media are not asked for again. */
const CONTENT_KEPT_MS = 7 * 24 * 3_600_000

/**
 * Re-enqueues inbox events and outbox rows still pending after `staleAfterMs`: an acknowledged event is never lost,
 * even if Redis lost its job or a worker died. Every stale row is looked at, whatever else the queue holds: each
 * gets its own job ID again (from the row, never a clock), and the queue keeps a job of that ID that will still run,
 * so a backlog being worked costs a look-up, not a second job. Processing is idempotent, so a second job is harmless.
 */
export function createSweeper({
  db,
  requeue,
  logger,
  staleAfterMs = 30_000,
  batchSize = 1_000,
  now = () => new Date(),
}: SweeperDeps) {
  async function sweepOnce(): Promise<{ events: number; outbound: number }> {
    const cutoff = new Date(now().getTime() - staleAfterMs)
    const found = await db.transaction(async (tx) => {
      const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`)
      if (!lock?.ok) {
        return null
      }
      const events = await tx
        .select({
          id: inboundEvents.id,
          chatKey: inboundEvents.chatKey,
          webhookEventId: inboundEvents.webhookEventId,
          occurredAt: inboundEvents.occurredAt,
        })
        .from(inboundEvents)
        .where(and(eq(inboundEvents.status, 'pending'), lt(inboundEvents.receivedAt, cutoff)))
        .orderBy(asc(inboundEvents.receivedAt))
        .limit(batchSize)
      const outbound = await tx
        .select({ id: outboundMessages.id })
        .from(outboundMessages)
        .where(
          and(
            eq(outboundMessages.status, 'pending'),
            lt(outboundMessages.createdAt, cutoff),
            or(isNull(outboundMessages.nextAttemptAt), lt(outboundMessages.nextAttemptAt, cutoff)),
            or(isNull(outboundMessages.leasedUntil), lt(outboundMessages.leasedUntil, now())),
          ),
        )
        .limit(batchSize)
      // A citizen's media whose fetch job was lost (the content is still 'pending' on its timeline entry).
      const content = await tx
        .select({ id: caseEvents.id, lineMessageId: sql<string>`${caseEvents.data}->>'lineMessageId'` })
        .from(caseEvents)
        // Past a job's own retries (minutes), and while LINE may still hold the content (days).
        .where(
          and(
            sql`${caseEvents.data}->>'content' = 'pending'`,
            sql`${caseEvents.data}->>'lineMessageId' is not null`,
            lt(caseEvents.createdAt, new Date(now().getTime() - CONTENT_STALE_MS)),
            gte(caseEvents.createdAt, new Date(now().getTime() - CONTENT_KEPT_MS)),
          ),
        )
        .orderBy(asc(caseEvents.createdAt))
        .limit(batchSize)
      return { events, outbound, content }
    })
    if (!found) {
      return { events: 0, outbound: 0 }
    }
    // One job per chat is enough: the job of the chat's last stale event (LINE's order) runs every one before it.
    const lastPerChat = new Map<string, (typeof found.events)[number]>()
    for (const e of found.events) {
      const last = lastPerChat.get(e.chatKey)
      if (!last || e.occurredAt > last.occurredAt || (e.occurredAt === last.occurredAt && e.id > last.id)) {
        lastPerChat.set(e.chatKey, e)
      }
    }
    const events = await requeue(
      'process-chat',
      [...lastPerChat.values()].map((e) => ({
        payload: { chatKey: e.chatKey, inboundEventId: e.id },
        opts: { jobId: chatJobId(e.webhookEventId) },
      })),
    )
    const outbound = await requeue(
      'deliver-outbound',
      found.outbound.map((o) => ({ payload: { outboundId: o.id }, opts: { jobId: deliveryJobId(o.id) } })),
    )
    const content = await requeue(
      'fetch-content',
      found.content.map((c) => ({ payload: { caseEventId: c.id }, opts: { jobId: contentJobId(c.lineMessageId) } })),
    )
    if (events + outbound + content > 0) {
      logger.info(
        { events, outbound, content, staleEvents: found.events.length, staleOutbound: found.outbound.length },
        'sweeper re-enqueued rows whose job was lost',
      )
    }
    return { events, outbound }
  }

  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined
  return {
    sweepOnce,
    start(intervalMs: number) {
      const tick = () => {
        running = sweepOnce()
          .catch((err) => logger.warn({ err: err instanceof Error ? err.message : err }, 'sweep failed'))
          .finally(() => {
            timer = setTimeout(tick, intervalMs)
            timer.unref()
          })
      }
      timer = setTimeout(tick, Math.min(intervalMs, 1_000))
      timer.unref()
    },
    async stop() {
      clearTimeout(timer)
      await running
      clearTimeout(timer)
    },
  }
}
export type Sweeper = ReturnType<typeof createSweeper>

import { and, asc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import { type Db, queryRows } from '../db/client.js'
import { caseEvents, inboundEvents, outboundMessages } from '../db/schema/index.js'
import type { EnqueueMany, JobBus } from './queues.js'

export type SweeperDeps = {
  db: Db
  enqueueMany: EnqueueMany
  /** Queue depth per job name: rows are only orphans when their queue has nothing left to run. */
  backlog: JobBus['backlog']
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
 * even if Redis lost its job or a worker died. Processing is idempotent, so a second job for the same row is harmless.
 */
export function createSweeper({
  db,
  enqueueMany,
  backlog,
  logger,
  staleAfterMs = 30_000,
  batchSize = 1_000,
  now = () => new Date(),
}: SweeperDeps) {
  async function sweepOnce(): Promise<{ events: number; outbound: number }> {
    const cutoff = new Date(now().getTime() - staleAfterMs)
    // A queue still working through a backlog holds jobs for those rows: re-enqueueing them only adds load.
    const [eventBacklog, outboundBacklog, contentBacklog] = await Promise.all([
      backlog('process-chat'),
      backlog('deliver-outbound'),
      backlog('fetch-content'),
    ])
    const found = await db.transaction(async (tx) => {
      const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as ok`)
      if (!lock?.ok) {
        return null
      }
      const events = await tx
        .select({ id: inboundEvents.id, chatKey: inboundEvents.chatKey })
        .from(inboundEvents)
        .where(and(eq(inboundEvents.status, 'pending'), lt(inboundEvents.receivedAt, cutoff)))
        .orderBy(asc(inboundEvents.receivedAt))
        .limit(eventBacklog > 0 ? 0 : batchSize)
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
        .limit(outboundBacklog > 0 ? 0 : batchSize)
      // A citizen's media whose fetch job was lost (the content is still 'pending' on its timeline entry).
      const content = await tx
        .select({ id: caseEvents.id })
        .from(caseEvents)
        // Past a job's own retries (minutes), and while LINE may still hold the content (days).
        .where(
          and(
            sql`${caseEvents.data}->>'content' = 'pending'`,
            lt(caseEvents.createdAt, new Date(now().getTime() - CONTENT_STALE_MS)),
            gte(caseEvents.createdAt, new Date(now().getTime() - CONTENT_KEPT_MS)),
          ),
        )
        .orderBy(asc(caseEvents.createdAt))
        .limit(contentBacklog > 0 ? 0 : batchSize)
      return { events, outbound, content }
    })
    if (!found) {
      return { events: 0, outbound: 0 }
    }
    // A fresh job ID per sweep: the original ID may still name a failed job that Redis keeps.
    const tag = `sw${now().getTime()}`
    // One job per chat is enough: it runs every pending event of the chat up to the newest one found.
    const latestPerChat = new Map<string, number>()
    for (const e of found.events) {
      latestPerChat.set(e.chatKey, Math.max(latestPerChat.get(e.chatKey) ?? 0, e.id))
    }
    await enqueueMany(
      'process-chat',
      [...latestPerChat].map(([chatKey, inboundEventId]) => ({
        payload: { chatKey, inboundEventId },
        opts: { jobId: `evt_${inboundEventId}_${tag}` },
      })),
    )
    await enqueueMany(
      'deliver-outbound',
      found.outbound.map((o) => ({ payload: { outboundId: o.id }, opts: { jobId: `out_${o.id}_${tag}` } })),
    )
    await enqueueMany(
      'fetch-content',
      found.content.map((c) => ({ payload: { caseEventId: c.id }, opts: { jobId: `content_${c.id}_${tag}` } })),
    )
    if (found.events.length + found.outbound.length + found.content.length > 0) {
      logger.info(
        { events: found.events.length, outbound: found.outbound.length, content: found.content.length },
        'sweeper re-enqueued stale rows',
      )
    }
    return { events: found.events.length, outbound: found.outbound.length }
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

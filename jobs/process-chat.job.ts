import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { ConversationEngine, Prepared } from '../bot/conversation/engine.js'
import { t } from '../bot/i18n/index.js'
import { type LineEvent, lineEventSchema } from '../bot/line/events.schema.js'
import type { LineClient } from '../bot/line/line-client.js'
import { SEND_LEASE_MS, writeOutbox, writeOutboxToSend } from '../bot/line/outbox.js'
import { scrubbedPayload } from '../bot/privacy/scrub-event.js'
import type { Db, Tx } from '../db/client.js'
import {
  citizens,
  conversationStates,
  inboundEvents,
  type OutboundMessage,
  outboundMessages,
  stations,
} from '../db/schema/index.js'
import { backoffDelay, deliveryJobId, type EnqueueMany, type JobMeta, type JobPayload, jobContracts } from './queues.js'

/** An event that failed this many times is set aside ('failed') so the chat's later events are not stuck. */
export const MAX_EVENT_ATTEMPTS = 5
/** Show LINE's loading animation when a step takes longer than this. */
export const LOADING_AFTER_MS = 1_000

class StepError extends Error {
  constructor(
    readonly eventId: number,
    override readonly cause: unknown,
  ) {
    super(`event ${eventId} failed`)
  }
}

export type ProcessChatDeps = {
  db: Db
  /** Sends the rows a step wrote, right after its commit (jobs/deliver-outbound.job.ts). */
  deliver: {
    deliverLeased(row: OutboundMessage, meta: JobMeta | undefined, replyClaimed: boolean): Promise<unknown>
  }
  /** Hands a row whose send failed to the deliver job (its retries and backoff). */
  enqueueMany: EnqueueMany
  engine: Pick<ConversationEngine, 'needsPreparation' | 'prepare' | 'handle'>
  line: Pick<LineClient, 'showLoading'>
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  stationCode?: string
  now?: () => Date
}

/**
 * Processes a chat's pending events in LINE's order (occurred_at, then arrival), up to and including the job's event.
 * A per-chat advisory lock serialises workers, so order holds with any number of worker processes and retries; each
 * event is one transaction (state, outbox rows and the processed mark commit together), so a crash loses nothing;
 * the outbox rows' deliveries are enqueued as each transaction commits (jobs/after-commit.ts).
 */
export function createProcessChat({
  db,
  deliver,
  enqueueMany,
  engine,
  line,
  logger,
  stationCode = 'RYG',
  now = () => new Date(),
}: ProcessChatDeps) {
  /**
   * One statement for what a step reads: the chat's next pending event in LINE's order (only while the job's own
   * event is still pending: once it is done, so is the job), with the station, the citizen and the chat's state.
   * Run after the chat's lock is held: the statement's snapshot then sees every earlier step's commit.
   */
  async function nextStep(tx: Tx, chatKey: string, targetId: number) {
    const [row] = await tx
      .select({ event: inboundEvents, station: stations, citizen: citizens, state: conversationStates })
      .from(inboundEvents)
      .leftJoin(stations, eq(stations.code, stationCode))
      .leftJoin(citizens, eq(citizens.lineUserId, inboundEvents.lineUserId))
      .leftJoin(conversationStates, eq(conversationStates.chatKey, inboundEvents.chatKey))
      .where(
        and(
          eq(inboundEvents.chatKey, chatKey),
          eq(inboundEvents.status, 'pending'),
          sql`exists (select 1 from inbound_events t where t.id = ${targetId} and t.status = 'pending')`,
        ),
      )
      .orderBy(asc(inboundEvents.occurredAt), asc(inboundEvents.id))
      .limit(1)
    return row
  }

  type Step = {
    done: boolean
    prepare?: { id: number; event: LineEvent }
    send?: OutboundMessage[]
    replyClaimed?: boolean
  }

  async function processNext(chatKey: string, targetId: number, prepared?: { id: number; value: Prepared }) {
    return db.transaction(async (tx): Promise<Step> => {
      // The read waits for the lock: not pipelined with it, as Drizzle does not promise to hand two concurrent
      // queries to the driver in the order they were made (the read went first, and two workers ran one event).
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${chatKey}, 0))`)
      const found = await nextStep(tx, chatKey, targetId)
      if (!found) {
        return { done: true }
      }
      const next = found.event
      let out: Awaited<ReturnType<typeof engine.handle>>
      try {
        if (!found.station) {
          throw new Error(`station ${stationCode} is not seeded`)
        }
        const event = lineEventSchema.parse(next.payload) as LineEvent
        if (engine.needsPreparation(event) && prepared?.id !== next.id) {
          // LINE calls (a follow's profile) happen outside any transaction: come back with them.
          return { done: false, prepare: { id: next.id, event } }
        }
        out = await engine.handle(tx, {
          event,
          inbound: next,
          station: found.station,
          now: now(),
          prepared: prepared?.id === next.id ? prepared.value : undefined,
          preloaded: { citizen: found.citizen ?? undefined, state: found.state },
        })
      } catch (err) {
        throw new StepError(next.id, err) // charged to this event and no other
      }
      // The answer is sent by this job as soon as the transaction commits (below): its rows are written leased to
      // it, and the reply token is claimed with the processed mark. The rows stay the durable record.
      const reply =
        out.replyable && next.replyToken
          ? { inboundEventId: next.id, replyToken: next.replyToken, receivedAt: next.receivedAt }
          : undefined
      const replyClaimed = Boolean(reply) && out.messages.length > 0
      // Both writes in one round trip (postgres.js pipelines a connection's concurrent queries): they touch
      // different rows, so their order does not matter, and COMMIT follows both.
      const [send] = await Promise.all([
        writeOutboxToSend(
          tx,
          { to: chatKey, messages: out.messages, reply },
          new Date(now().getTime() + SEND_LEASE_MS),
        ),
        tx
          .update(inboundEvents)
          .set({
            status: 'processed',
            processedAt: now(),
            processedSeq: sql`nextval('inbound_events_processed_seq')`,
            ...(replyClaimed ? { replyTokenUsedAt: now() } : {}),
            ...scrubbedPayload(next.payload), // the citizen's words are not kept (bot/privacy/scrub-event.ts)
          })
          .where(eq(inboundEvents.id, next.id)),
      ])
      return { done: next.id === targetId, send, replyClaimed }
    })
  }

  /**
   * Sends a committed step's answer, in order, while the reply token is fresh: no queue between the commit and LINE.
   * A retryable failure (LINE 429/5xx) hands that row and the ones after it to the deliver job, with its backoff.
   */
  async function sendNow(rows: OutboundMessage[], replyClaimed: boolean) {
    for (const [i, row] of rows.entries()) {
      try {
        await deliver.deliverLeased(row, undefined, i === 0 && replyClaimed)
      } catch {
        // deliverLeased recorded the failure and released this row; the later rows wait behind it.
        const later = rows.slice(i + 1).map((r) => r.id)
        if (later.length > 0) {
          await db.update(outboundMessages).set({ leasedUntil: null }).where(inArray(outboundMessages.id, later))
        }
        const delayMs = backoffDelay(jobContracts['deliver-outbound'].options.backoff, 1, () => 1)
        await enqueueMany(
          'deliver-outbound',
          rows.slice(i).map((r, k) => ({
            payload: { outboundId: r.id },
            opts: { jobId: deliveryJobId(r.id), delayMs: delayMs + k * 100 },
          })),
        ).catch((err: Error) => logger.warn({ err: err.message }, 'enqueue failed; the sweeper will retry'))
        return
      }
    }
  }

  async function recordFailure(eventId: number, err: unknown) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
    const event = await db.transaction(async (tx) => {
      // Only while still pending: another worker may have run it since (a stale write would run it twice).
      const [row] = await tx
        .update(inboundEvents)
        .set({
          attempts: sql`${inboundEvents.attempts} + 1`,
          lastError: message.slice(0, 1000),
          status: sql`case when ${inboundEvents.attempts} + 1 >= ${MAX_EVENT_ATTEMPTS} then 'failed' else 'pending' end`,
        })
        .where(and(eq(inboundEvents.id, eventId), eq(inboundEvents.status, 'pending')))
        .returning()
      const giveUp = row?.status === 'failed'
      if (row && giveUp) {
        await tx.update(inboundEvents).set(scrubbedPayload(row.payload)).where(eq(inboundEvents.id, row.id))
      }
      if (row && giveUp && row.lineUserId && row.chatKey === row.lineUserId) {
        // The citizen is not left waiting in silence.
        await writeOutbox(tx, {
          to: row.chatKey,
          messages: [{ type: 'text', text: `${t('th', 'error.retryLater')}\n\n${t('en', 'error.retryLater')}` }],
          purpose: 'error',
        })
      }
      return row
    })
    logger.error(
      { err, inboundEventId: eventId, attempts: event?.attempts, giveUp: event?.status === 'failed' },
      'inbox event failed',
    )
  }

  return async function processChat({ chatKey, inboundEventId }: JobPayload<'process-chat'>) {
    // LINE's loading animation (1:1 chats only) if this takes longer than a moment, e.g. behind the chat's lock.
    const loading = chatKey.startsWith('U')
      ? setTimeout(() => {
          line.showLoading(chatKey, 5).catch((err) => logger.warn({ err: err.message }, 'loading animation failed'))
        }, LOADING_AFTER_MS)
      : undefined
    try {
      let prepared: { id: number; value: Prepared } | undefined
      for (;;) {
        let step: Step
        try {
          step = await processNext(chatKey, inboundEventId, prepared)
        } catch (err) {
          if (err instanceof StepError) {
            await recordFailure(err.eventId, err.cause)
            throw err.cause
          }
          throw err
        }
        if (step.send && step.send.length > 0) {
          await sendNow(step.send, step.replyClaimed ?? false)
        }
        if (step.prepare) {
          prepared = { id: step.prepare.id, value: await engine.prepare(step.prepare.event) }
        } else if (step.done) {
          return
        }
      }
    } finally {
      clearTimeout(loading)
    }
  }
}

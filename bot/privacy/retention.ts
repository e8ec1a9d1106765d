import { and, asc, eq, isNotNull, isNull, lt, ne, notInArray, or, sql } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db, Tx } from '../../db/client.js'
import {
  cases,
  conversationStates,
  inboundEvents,
  officerSessions,
  outboundMessages,
  stations,
} from '../../db/schema/index.js'
import type { Audit } from '../officers/audit-port.js'
import { PRIVACY_ANSWER_PURPOSE } from './line-traces.js'
import { addRemoved, type PersonalDataPart, type Removed } from './parts.js'
import { isScrubbed, scrubLineEvent } from './scrub-event.js'

/** How long each kind of row lives (config: RETENTION_*; ended cases: each station's own period). */
export type RetentionPeriods = { inboxDays: number; outboxDays: number; sessionDays: number; conversationDays: number }

export type RetentionDeps = {
  db: Db
  parts: readonly PersonalDataPart[]
  periods: RetentionPeriods
  audit: Audit
  logger: Pick<Logger, 'info'>
  /** Rows per transaction: short transactions, so the chat's own work never waits long behind a purge. */
  batchSize?: number
  /** Batches per step and run: a backlog (the first run on an old database) is worked off over several days. */
  maxBatches?: number
}

const DAY_MS = 86_400_000

/**
 * The retention job's work (jobs/retention.job.ts runs it once a day): inbox events after `inboxDays` (once
 * processed; their payloads are already scrubbed, and the first run scrubs older rows too), delivered or failed
 * outbox rows after `outboxDays` (their bodies hold signed links; the answer to a PDPA request as soon as it is
 * delivered), officers' sessions `sessionDays` after they ended, conversation state once finished or expired, and
 * the personal data of cases ended longer ago than their station's period (every domain's part; the case stays
 * for the counts and its record's public verification). Every step works in batches; `now` is the caller's clock.
 */
export function createRetention({
  db,
  parts,
  periods,
  audit,
  logger,
  batchSize = 500,
  maxBatches = 200,
}: RetentionDeps) {
  // A timestamp parameter as SQL: compared with an expression (not a column), a bare Date is not mapped by the driver.
  const before = (now: Date, days: number) => sql`${new Date(now.getTime() - days * DAY_MS).toISOString()}::timestamptz`

  /**
   * Runs `batch` until it touches fewer rows than a full batch (or `until0`: none, for batches that may be smaller
   * than asked, such as files of megabytes) or the run's cap; returns the rows touched.
   */
  async function repeat(batch: () => Promise<number>, until0 = false): Promise<number> {
    let total = 0
    for (let i = 0; i < maxBatches; i++) {
      const n = await batch()
      total += n
      if (n === 0 || (!until0 && n < batchSize)) {
        break
      }
    }
    return total
  }

  /** Deletes rows matching `where` in batches (a seq scan that stops at the batch: the oldest rows come first). */
  function deleteWhere(
    table: typeof inboundEvents | typeof outboundMessages | typeof officerSessions,
    where: ReturnType<typeof and>,
  ) {
    return repeat(async () => {
      const ids = db.select({ id: table.id }).from(table).where(where).limit(batchSize)
      const gone = await db.delete(table).where(sql`${table.id} in (${ids})`).returning({ id: table.id })
      return gone.length
    })
  }

  async function scrubOldPayloads(): Promise<number> {
    return repeat(() =>
      db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: inboundEvents.id, payload: inboundEvents.payload })
          .from(inboundEvents)
          .where(and(ne(inboundEvents.status, 'pending'), sql`${inboundEvents.payload}->>'scrubbed' is null`))
          .limit(batchSize)
        for (const row of rows.filter((r) => !isScrubbed(r.payload))) {
          await tx
            .update(inboundEvents)
            .set({ payload: scrubLineEvent(row.payload) })
            .where(eq(inboundEvents.id, row.id))
        }
        return rows.length
      }),
    )
  }

  /** Every part's purge of these cases, in the caller's transaction. */
  async function purgeCases(tx: Tx, caseIds: string[], now: Date, removed: Removed) {
    for (const part of parts) {
      if (part.purgeCases && caseIds.length > 0) {
        addRemoved(removed, await part.purgeCases(tx, caseIds, now))
      }
    }
  }

  async function purgeEndedCases(now: Date): Promise<Removed> {
    const removed: Removed = {}
    // Kinds with a period of their own (house watches: days after the watch ended) are purged by their part's list.
    const ownKinds = parts.flatMap((p) => (p.ownPeriod ? [p.ownPeriod.kind] : []))
    await repeat(async () => {
      const ids = await db.transaction(async (tx) => {
        const due = await tx
          .select({ id: cases.id })
          .from(cases)
          .innerJoin(stations, eq(stations.id, cases.stationId))
          .where(
            and(
              isNull(cases.personalDataPurgedAt),
              isNotNull(cases.resolvedAt),
              ownKinds.length > 0 ? notInArray(cases.kind, ownKinds) : undefined,
              lt(
                cases.resolvedAt,
                sql`${now.toISOString()}::timestamptz - make_interval(days => ${stations.personalDataRetentionDays})`,
              ),
            ),
          )
          .orderBy(asc(cases.resolvedAt))
          .limit(batchSize)
        const caseIds = due.map((c) => c.id)
        await purgeCases(tx, caseIds, now, removed)
        return caseIds
      })
      return ids.length
    })
    for (const part of parts) {
      const own = part.ownPeriod
      if (own) {
        await repeat(() =>
          db.transaction(async (tx) => {
            const caseIds = await own.due(tx, now, batchSize)
            await purgeCases(tx, caseIds, now, removed)
            return caseIds.length
          }),
        )
      }
    }
    return removed
  }

  async function run(now: Date): Promise<Removed> {
    const report: Removed = { inbound_events_scrubbed: await scrubOldPayloads() }
    for (const part of parts) {
      if (part.backfill) {
        const backfill = part.backfill
        report[`${part.name}_encrypted`] = await repeat(() => db.transaction((tx) => backfill(tx, batchSize)), true)
      }
    }
    report.inbound_events = await deleteWhere(
      inboundEvents,
      and(
        ne(inboundEvents.status, 'pending'),
        lt(sql`coalesce(${inboundEvents.processedAt}, ${inboundEvents.receivedAt})`, before(now, periods.inboxDays)),
      ),
    )
    report.outbound_messages = await deleteWhere(
      outboundMessages,
      and(
        ne(outboundMessages.status, 'pending'),
        or(
          lt(
            sql`coalesce(${outboundMessages.deliveredAt}, ${outboundMessages.createdAt})`,
            before(now, periods.outboxDays),
          ),
          // It names a citizen who asked to be erased: gone as soon as it has been delivered.
          eq(outboundMessages.purpose, PRIVACY_ANSWER_PURPOSE),
        ),
      ),
    )
    const sessionsEnded = before(now, periods.sessionDays)
    report.officer_sessions = await deleteWhere(
      officerSessions,
      or(lt(officerSessions.expiresAt, sessionsEnded), lt(officerSessions.revokedAt, sessionsEnded)),
    )
    const states = await db
      .delete(conversationStates)
      .where(
        and(
          or(isNull(conversationStates.flow), lt(conversationStates.expiresAt, sql`${now.toISOString()}::timestamptz`)),
          lt(conversationStates.updatedAt, before(now, periods.conversationDays)),
        ),
      )
      .returning({ chatKey: conversationStates.chatKey })
    report.conversation_states = states.length
    addRemoved(report, await purgeEndedCases(now))
    await audit.record(db, { actor: 'system', action: 'privacy.retention', stationId: null, details: { ...report } })
    logger.info({ report }, 'retention run done')
    return report
  }

  return { run }
}
export type Retention = ReturnType<typeof createRetention>

import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, caseEvents, cases, houseWatches, patrolPoints } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import type { HouseWatchEndReason } from '../../contracts/house-watch.js'
import { AppError } from '../../errors.js'
import { addDays, bangkokDay, daysBetween } from './days.js'

/** Statuses of a watch that runs (approved and waiting for its start, or under way). */
export const RUNNING_STATUSES = ['approved', 'active'] as const

/** A watch that has ended (or never ran) cannot be ended or extended again. */
export class WatchNotRunningError extends AppError {
  constructor() {
    super(
      'house_watch_not_running',
      409,
      'this house watch has already ended',
      'การฝากบ้านนี้สิ้นสุดแล้ว หากต้องการฝากบ้านอีกครั้ง กรุณาลงทะเบียนใหม่',
    )
  }
}

/** An extension past the station's longest watch counted from today. */
export class ExtendLimitError extends AppError {
  constructor(maxDays: number, latest: string) {
    super(
      'house_watch_extend_limit',
      409,
      `a watch runs at most ${maxDays} days from today (until ${latest})`,
      `ขยายเวลาได้ไม่เกิน ${maxDays} วันนับจากวันนี้`,
      { maxDays, latest },
    )
  }
}

type Actor = { actorType: 'citizen' | 'system' }

/**
 * Ends a running watch in the caller's transaction: its end (reason, time), the patrol point off the patrol list,
 * the case completed (cancelled if it had not started) with a timeline entry, and the officers' live inbox told. Returns the case, or null when the
 * watch was not running (a second "I'm home", a tap on an old question): ending is done once.
 */
export async function endWatch(
  tx: Tx,
  input: { caseId: string; reason: HouseWatchEndReason; now: Date } & Actor,
): Promise<Case | null> {
  const { caseId, reason, now } = input
  const ended = await tx
    .update(houseWatches)
    .set({ endedAt: now, endReason: reason, updatedAt: now })
    .where(and(eq(houseWatches.caseId, caseId), isNull(houseWatches.endedAt), isNotNull(houseWatches.approvedAt)))
    .returning({ caseId: houseWatches.caseId })
  if (ended.length === 0) {
    return null
  }
  await tx.update(patrolPoints).set({ active: false, updatedAt: now }).where(eq(patrolPoints.caseId, caseId))
  const [before] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update')
  if (!before) {
    return null
  }
  // A watch ended before it started (still 'approved') is cancelled: the case's moves allow nothing else.
  const status = before.status === 'approved' ? 'cancelled' : 'completed'
  const [updated] = await tx
    .update(cases)
    .set({ status, resolvedAt: before.resolvedAt ?? now, updatedAt: now })
    .where(and(eq(cases.id, caseId), inArray(cases.status, [...RUNNING_STATUSES])))
    .returning()
  const c = updated ?? before
  await tx.insert(caseEvents).values({
    caseId,
    type: 'status',
    actorType: input.actorType,
    fromStatus: before.status,
    toStatus: c.status,
    data: { houseWatch: 'ended', endReason: reason },
    createdAt: now,
  })
  await notifyCaseChange(tx, c, 'updated')
  return c
}

/** The latest end date an extension may reach: the station's longest watch, counted from today. */
export function latestEnd(now: Date, maxDays: number): string {
  return addDays(bangkokDay(now), maxDays - 1)
}

/**
 * Extends a running watch by `days` from its current end, capped at the station's longest watch counted from today
 * (`capped` says so); refused when the end already is there. The end-date question is asked again at the new end.
 */
export async function extendWatch(
  tx: Tx,
  input: { caseId: string; days: number; maxDays: number; now: Date } & Actor,
): Promise<{ endsOn: string; capped: boolean }> {
  const { caseId, days, maxDays, now } = input
  const [w] = await tx.select().from(houseWatches).where(eq(houseWatches.caseId, caseId)).for('update')
  if (!w || w.endedAt || !w.approvedAt) {
    throw new WatchNotRunningError()
  }
  const today = bangkokDay(now)
  const from = daysBetween(today, w.endsOn) >= 0 ? w.endsOn : today
  const wanted = addDays(from, days)
  const latest = latestEnd(now, maxDays)
  const capped = daysBetween(wanted, latest) < 0
  const endsOn = capped ? latest : wanted
  if (daysBetween(w.endsOn, endsOn) <= 0) {
    throw new ExtendLimitError(maxDays, latest)
  }
  await tx
    .update(houseWatches)
    .set({ endsOn, extendedCount: w.extendedCount + 1, endQuestionSentAt: null, updatedAt: now })
    .where(eq(houseWatches.caseId, caseId))
  await tx.insert(caseEvents).values({
    caseId,
    type: 'note',
    actorType: input.actorType,
    data: { houseWatch: 'extended', from: w.endsOn, endsOn, days },
    createdAt: now,
  })
  const [c] = await tx.select().from(cases).where(eq(cases.id, caseId))
  if (c) {
    await notifyCaseChange(tx, c, 'updated')
  }
  return { endsOn, capped }
}

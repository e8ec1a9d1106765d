import { and, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { caseEvents, caseReads } from '../../db/schema/index.js'
import { findStationCase } from '../cases/case-view.js'
import type { ActingOfficer } from '../officers/audit-port.js'

/** The timeline entries that count as unread: what the citizen and colleagues wrote, never the officer's own. */
const COUNTED = ['message_in', 'message_out', 'note'] as const

/**
 * Unread entries per case for one officer: entries after the last one they marked read (POST /cases/:id/read), or
 * all of them when they never opened the case.
 */
export async function unreadCounts(tx: Tx, officerId: string, caseIds: string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) {
    return new Map()
  }
  const rows = await tx
    .select({ caseId: caseEvents.caseId, n: sql<number>`count(*)::int` })
    .from(caseEvents)
    .leftJoin(caseReads, and(eq(caseReads.caseId, caseEvents.caseId), eq(caseReads.officerId, officerId)))
    .where(
      and(
        inArray(caseEvents.caseId, caseIds),
        inArray(caseEvents.type, [...COUNTED]),
        or(isNull(caseEvents.officerId), ne(caseEvents.officerId, officerId)),
        or(isNull(caseReads.lastReadEventId), gt(caseEvents.id, caseReads.lastReadEventId)),
      ),
    )
    .groupBy(caseEvents.caseId)
  return new Map(rows.map((r) => [r.caseId, Number(r.n)]))
}

/**
 * The officer has seen the case's timeline up to `lastEventId` (an entry of this case): never moves back, so an
 * older tab marking read late does not bring unread entries back.
 */
export async function markRead(tx: Tx, who: ActingOfficer, caseId: string, lastEventId: number, now: Date) {
  const c = await findStationCase(tx, who.stationId, caseId)
  const [entry] = await tx
    .select({ id: caseEvents.id })
    .from(caseEvents)
    .where(and(eq(caseEvents.id, lastEventId), eq(caseEvents.caseId, c.id)))
    .limit(1)
  if (!entry) {
    return false
  }
  await tx
    .insert(caseReads)
    .values({ caseId: c.id, officerId: who.officerId, lastReadEventId: entry.id, readAt: now })
    .onConflictDoUpdate({
      target: [caseReads.caseId, caseReads.officerId],
      set: {
        lastReadEventId: sql`greatest(${caseReads.lastReadEventId}, excluded.last_read_event_id)`,
        readAt: now,
      },
    })
  return true
}

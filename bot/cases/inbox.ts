import { and, eq, isNull, not, type SQL, sql } from 'drizzle-orm'
import { queryRows, type Tx } from '../../db/client.js'
import { cases, citizens, consultations, officers } from '../../db/schema/index.js'
import { decodeCursor, encodeCursor } from './cursor.js'
import { afterCursor, baseConditions, type InboxQuery, type InboxScope } from './inbox-filters.js'
import type { SearchHasher } from './search-hash.js'
import { ALL_STATUSES, kindsWithStatus, statusesOf } from './statuses.js'
import { type CaseListItem, toListItem } from './views.js'

export type { InboxQuery, InboxScope } from './inbox-filters.js'

export const DEFAULT_PAGE = 50
export const MAX_PAGE = 100
/**
 * Counts are exact up to this and stop there ("1000+"): a station keeps every case it ever had, and counting a
 * status with 100,000 closed cases on every inbox load would cost more than the page itself.
 */
export const COUNT_CAP = 1_000
/** At most this many unclaimed SOS cases are pinned above the page (a station sees a handful at once). */
export const PINNED_MAX = 20

/**
 * An SOS case nobody has taken and not ended: pinned at the top of the inbox's first page until an officer claims it
 * (assigns it to someone) or it ends. Matches the partial index cases_sos_unclaimed_idx.
 */
export function unclaimedSos(): SQL {
  return and(eq(cases.kind, 'sos'), isNull(cases.assigneeId), isNull(cases.resolvedAt)) as SQL
}

/**
 * The page, newest first: (created_at DESC NULLS LAST, id DESC NULLS LAST) matches the inbox index exactly, so an
 * unfiltered page is read in index order and the scan stops after `limit` rows. Names are joined to the page's rows
 * only, after the limit, so a filter that needs a sort (search, overdue) sorts cases, not joined rows.
 */
function pageQuery(tx: Tx, where: SQL[], limit: number, { search = false } = {}) {
  // A search matches a handful of cases: they are found through their own index (the GIN over the keyed hashes, the
  // reference number's btree) and sorted. Ordered by the bare column the planner may instead walk the whole station
  // in the inbox index's order, filtering every row for the few matches (it cannot estimate how rare a hash is:
  // measured 300+ ms at 1M cases). `+ interval '0'` is the same order that no index provides.
  const createdAt = search ? sql`(${cases.createdAt} + interval '0 seconds')` : sql`${cases.createdAt}`
  const page = tx
    .select({
      id: cases.id,
      kind: cases.kind,
      referenceNumber: cases.referenceNumber,
      status: cases.status,
      priority: cases.priority,
      summary: cases.summary,
      dueAt: cases.dueAt,
      resolvedAt: cases.resolvedAt,
      firstResponseAt: cases.firstResponseAt,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      assigneeId: cases.assigneeId,
      citizenId: cases.citizenId,
      // The cursor keeps Postgres' microseconds (a JS Date would round them away).
      cursorAt: sql<string>`to_char(${cases.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursor_at',
      ),
    })
    .from(cases)
    .where(and(...where))
    .orderBy(sql`${createdAt} desc nulls last`, sql`${cases.id} desc nulls last`)
    .limit(limit)
    .as('page')
  // The last join: an open consultation's next-answer time (overdue); one row at most per case (its primary key).
  return tx
    .select({
      id: page.id,
      kind: page.kind,
      referenceNumber: page.referenceNumber,
      status: page.status,
      priority: page.priority,
      summary: page.summary,
      dueAt: page.dueAt,
      resolvedAt: page.resolvedAt,
      firstResponseAt: page.firstResponseAt,
      nextResponseDueAt: consultations.nextResponseDueAt,
      createdAt: page.createdAt,
      updatedAt: page.updatedAt,
      assigneeId: page.assigneeId,
      cursorAt: page.cursorAt,
      citizenName: citizens.displayName,
      assigneeName: officers.displayName,
    })
    .from(page)
    .leftJoin(citizens, eq(citizens.id, page.citizenId))
    .leftJoin(officers, eq(officers.id, page.assigneeId))
    .leftJoin(consultations, and(eq(consultations.caseId, page.id), isNull(consultations.closedAt)))
    .orderBy(sql`${page.createdAt} desc nulls last`, sql`${page.id} desc nulls last`)
}

export function createCaseInbox({ hasher }: { hasher: SearchHasher }) {
  /**
   * One capped count per status, each with the status as a literal so the planner uses that status' own statistics.
   * A status only one kind has needs no kind check: it is counted on the index alone, without reading the rows.
   */
  function cappedCounts(query: InboxQuery, scope: InboxScope): SQL {
    const withKind = and(...baseConditions(query, scope, hasher))
    const withoutKind = query.kind ? and(...baseConditions({ ...query, kind: undefined }, scope, hasher)) : withKind
    const statuses = query.kind ? statusesOf(query.kind) : [...ALL_STATUSES]
    const parts = statuses.map((status) => {
      const own = query.kind && kindsWithStatus(status).length === 1 ? withoutKind : withKind
      // A literal, not a bind parameter: a prepared statement's generic plan would forget which status it counts.
      // Statuses come from statuses.ts, never from the request (checked again here).
      if (!/^[a-z_]+$/.test(status)) {
        throw new Error(`unexpected status name ${status}`)
      }
      const literal = sql.raw(`'${status}'`)
      return sql`select ${literal}::text as status, (select count(*)::int from (
                   select 1 from ${cases} where ${own} and ${cases.status} = ${literal}
                    order by ${cases.createdAt} desc nulls last limit ${sql.raw(String(COUNT_CAP))}) capped) as n`
    })
    return sql.join(parts, sql` union all `)
  }

  /**
   * A page of the inbox. The first page starts with the unclaimed SOS cases that match the filters (`pinned`,
   * newest first); the keyset pages then run over every other case, so a pinned case is never listed twice. Once
   * claimed or ended, an SOS case takes its place by time again.
   */
  async function list(tx: Tx, query: InboxQuery, scope: InboxScope) {
    const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE, 1), MAX_PAGE)
    const where = baseConditions(query, scope, hasher)
    if (query.status) {
      where.push(eq(cases.status, query.status))
    }
    const pinnable = query.kind === undefined || query.kind === 'sos'
    const search = Boolean(query.q?.trim())
    const pinned =
      pinnable && !query.cursor ? await pageQuery(tx, [...where, unclaimedSos()], PINNED_MAX, { search }) : []
    if (pinnable) {
      where.push(not(unclaimedSos()))
    }
    if (query.cursor) {
      where.push(afterCursor(decodeCursor(query.cursor)))
    }
    const rows = await pageQuery(tx, where, limit + 1, { search })
    const page = rows.slice(0, limit)
    const last = page[page.length - 1]
    const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: last.cursorAt, id: last.id }) : null
    return {
      items: [
        ...pinned.map((r): CaseListItem => toListItem(r, scope.now)),
        ...page.map((r): CaseListItem => toListItem(r, scope.now)),
      ],
      nextCursor,
    }
  }

  /** The station's unclaimed SOS cases, newest first (the admin page's alarm and title badge). */
  async function waitingSos(tx: Tx, scope: Pick<InboxScope, 'stationId' | 'now'>) {
    const rows = await pageQuery(tx, [eq(cases.stationId, scope.stationId), unclaimedSos()], PINNED_MAX)
    return rows.map((r): CaseListItem => toListItem(r, scope.now))
  }

  /**
   * Cases per status for the same filters without the status filter (the inbox's tabs), each at most COUNT_CAP.
   * Selective filters (search, overdue, an assignee or none) give few rows: one GROUP BY. Broad ones count each
   * status on the (station, status, created_at) index and stop at the cap, so the cost does not grow with history.
   * Run it in a transaction (the service does).
   */
  async function counts(tx: Tx, query: InboxQuery, scope: InboxScope): Promise<Record<string, number>> {
    // The per-status plan is cheap but estimated dear: past jit_above_cost Postgres would spend 15+ ms compiling it.
    // SET LOCAL lasts until the caller's transaction ends.
    await tx.execute(sql`set local jit = off`)
    const where = and(...baseConditions(query, scope, hasher))
    // Unassigned is the station's waiting work: small where officers claim what they handle.
    const selective = Boolean(query.q?.trim() || query.overdue || query.assignee)
    let rows: { status: string; n: number | string }[]
    if (selective) {
      rows = await tx
        .select({ status: cases.status, n: sql<number>`least(count(*), ${COUNT_CAP})::int` })
        .from(cases)
        .where(where)
        .groupBy(cases.status)
    } else {
      rows = await queryRows<{ status: string; n: number }>(tx, cappedCounts(query, scope))
    }
    const out: Record<string, number> = {}
    for (const s of query.kind ? statusesOf(query.kind) : []) {
      out[s] = 0
    }
    for (const r of rows) {
      const n = Number(r.n)
      if (n > 0 || query.kind) {
        out[r.status] = n
      }
    }
    return out
  }

  return { list, counts, waitingSos }
}
export type CaseInbox = ReturnType<typeof createCaseInbox>

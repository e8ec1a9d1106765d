import { and, eq, gte, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm'
import { type CaseKind, cases, consultations } from '../../db/schema/index.js'
import type { CaseCursor } from './cursor.js'
import { looksLikeId, looksLikePhone, type SearchHasher } from './search-hash.js'

export type InboxQuery = {
  kind?: CaseKind
  status?: string
  /** 'me' = the asking officer, 'none' = unassigned, or an officer ID. */
  assignee?: string
  overdue?: boolean
  /** created_at range: from inclusive, to exclusive. */
  from?: Date
  to?: Date
  q?: string
  cursor?: string
  limit?: number
}

export type InboxScope = { stationId: string; officerId: string; now: Date }

/** A reference number or the start of one: RYG-2569-000123, RYG-SOS-2569, ryg-2569-0001. */
const REFERENCE_LIKE = /^[A-Z]{2,6}-[A-Z0-9-]*$/

/**
 * A prefix must name the year and the first four digits of the number (at most 100 numbers of a series): a broader
 * one ("RYG-SOS-2569") matches thousands of cases that would all be sorted by time; the date filters cover that.
 */
export const PREFIX_MIN_DIGITS = 8

/** The next string after every string that starts with `prefix` (last character + 1), for a btree range. */
function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1)
  return prefix.slice(0, -1) + String.fromCharCode(last + 1)
}

/**
 * `q`: a reference number (exact, or a prefix) or a citizen's name or phone matched through the keyed hashes in
 * `search_hashes` (GIN). The prefix is a btree range (index-friendly under any collation that orders ASCII by code
 * point, as C and C.UTF-8 do) plus an exact starts_with check.
 */
function searchCondition(q: string, hasher: SearchHasher): SQL | undefined {
  const text = q.trim()
  if (!text) {
    return undefined
  }
  const ors: SQL[] = []
  const ref = text.toUpperCase()
  if (REFERENCE_LIKE.test(ref)) {
    ors.push(eq(cases.referenceNumber, ref))
    if ((ref.match(/\d/g)?.length ?? 0) >= PREFIX_MIN_DIGITS) {
      ors.push(
        sql`(${cases.referenceNumber} >= ${ref} and ${cases.referenceNumber} < ${prefixUpperBound(ref)} and starts_with(${cases.referenceNumber}, ${ref}))`,
      )
    }
    // With a digit it is a number, never a name: leaving the hashes out lets the planner use one index.
    if (/\d/.test(ref)) {
      return or(...ors)
    }
  }
  // Under every configured key: during a key rotation some cases still carry the previous key's hashes.
  const hashes = [
    ...hasher.hashAll(text, 'name'),
    ...(looksLikePhone(text) ? hasher.hashAll(text, 'phone') : []),
    ...(looksLikeId(text) ? hasher.hashAll(text, 'id') : []),
  ]
  if (hashes.length > 0) {
    ors.push(
      sql`${cases.searchHashes} && array[${sql.join(
        hashes.map((h) => sql`${h}`),
        sql`, `,
      )}]::text[]`,
    )
  }
  return or(...ors)
}

/** Every filter but status and the cursor: what the per-status counts are computed over. */
export function baseConditions(query: InboxQuery, scope: InboxScope, hasher: SearchHasher): SQL[] {
  const where: SQL[] = [eq(cases.stationId, scope.stationId)]
  if (query.kind) {
    where.push(eq(cases.kind, query.kind))
  }
  if (query.assignee === 'me') {
    where.push(eq(cases.assigneeId, scope.officerId))
  } else if (query.assignee === 'none') {
    where.push(isNull(cases.assigneeId))
  } else if (query.assignee) {
    where.push(eq(cases.assigneeId, query.assignee))
  }
  if (query.overdue) {
    where.push(overdueCondition(scope.now))
  }
  if (query.from) {
    where.push(gte(cases.createdAt, query.from))
  }
  if (query.to) {
    where.push(lt(cases.createdAt, query.to))
  }
  const search = query.q ? searchCondition(query.q, hasher) : undefined
  if (search) {
    where.push(search)
  }
  return where
}

/**
 * Past its due time and not answered (views.ts isOverdue, row by row). A consultation's due_at is its first
 * response: met once an officer answered. Its next answer is due by consultations.next_response_due_at (set when the
 * citizen writes again after an answer, cleared by the answer), whatever the case's status.
 */
export function overdueCondition(now: Date): SQL {
  const at = sql`${now.toISOString()}::timestamptz`
  return or(
    and(
      lt(cases.dueAt, now),
      isNull(cases.resolvedAt),
      or(ne(cases.kind, 'consultation'), isNull(cases.firstResponseAt)),
    ),
    and(
      eq(cases.kind, 'consultation'),
      sql`exists (select 1 from ${consultations} k where k.case_id = ${cases.id}
                   and k.closed_at is null and k.next_response_due_at < ${at})`,
    ),
  ) as SQL
}

export function afterCursor(c: CaseCursor): SQL {
  // created_at <= t is the index range; the OR only breaks ties on the boundary timestamp.
  const at = sql`${c.createdAt}::timestamptz`
  return sql`(${cases.createdAt} <= ${at} and (${cases.createdAt} < ${at} or ${cases.id} < ${c.id}::uuid))`
}

import type { Case, CaseEvent } from '../../db/schema/index.js'
import type { CaseEvent as ApiCaseEvent, CaseListItem } from '../contracts/admin-api.js'
import { maskName } from './mask.js'

/**
 * The shapes the officers' API returns are the contract's (bot/contracts/admin-api.ts, which the officers' app reads
 * too; bot/cases/cases.schemas.ts validates them on the way out): one declaration, re-exported under the names the
 * server's code uses. Times are ISO 8601 strings in UTC, as API.md says.
 */
export type {
  Bilingual,
  CaseDetail,
  CaseFact,
  CaseLink,
  CaseListItem,
  CaseSection,
  MaskedText,
  OfficerRef,
} from '../contracts/admin-api.js'
/** A timeline entry as officers see it (the contract's `CaseEvent`; `CaseEvent` here is the database row). */
export type CaseEventView = ApiCaseEvent

/** The reveal field of an encrypted timeline entry. */
export function eventField(eventId: number): string {
  return `event_${eventId}`
}

export function iso(d: Date): string
export function iso(d: Date | null): string | null
export function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null
}

/**
 * Same rule as the inbox's overdueCondition(): past due_at and unanswered; for a consultation, due_at is the first
 * response (met once answered) and `nextResponseDueAt` (its open consultation's) the next one.
 */
export function isOverdue(
  c: Pick<Case, 'dueAt' | 'resolvedAt'> &
    Partial<Pick<Case, 'kind' | 'firstResponseAt'>> & { nextResponseDueAt?: Date | null },
  now: Date,
): boolean {
  if (c.nextResponseDueAt && c.nextResponseDueAt.getTime() < now.getTime()) {
    return true
  }
  if (c.kind === 'consultation' && c.firstResponseAt) {
    return false
  }
  return c.dueAt !== null && c.resolvedAt === null && c.dueAt.getTime() < now.getTime()
}

/** Same rule as the inbox's unclaimedSos() condition. */
export function isPinned(c: Pick<Case, 'kind' | 'assigneeId' | 'resolvedAt'>): boolean {
  return c.kind === 'sos' && c.assigneeId === null && c.resolvedAt === null
}

type ListRow = Pick<
  Case,
  | 'id'
  | 'kind'
  | 'referenceNumber'
  | 'status'
  | 'priority'
  | 'summary'
  | 'dueAt'
  | 'resolvedAt'
  | 'createdAt'
  | 'updatedAt'
  | 'assigneeId'
> &
  Partial<Pick<Case, 'firstResponseAt'>> & {
    citizenName: string | null
    assigneeName: string | null
    nextResponseDueAt?: Date | null
  }

export function toListItem(r: ListRow, now: Date): CaseListItem {
  return {
    id: r.id,
    kind: r.kind,
    referenceNumber: r.referenceNumber,
    status: r.status,
    priority: r.priority,
    summary: r.summary,
    citizenName: maskName(r.citizenName),
    assignee: r.assigneeId ? { id: r.assigneeId, displayName: r.assigneeName ?? '' } : null,
    dueAt: iso(r.dueAt),
    overdue: isOverdue(r, now),
    pinned: isPinned(r),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  }
}

export function toEventView(e: CaseEvent, officerName: string | null): CaseEventView {
  return {
    id: e.id,
    type: e.type,
    actorType: e.actorType,
    officer: e.officerId ? { id: e.officerId, displayName: officerName ?? '' } : null,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    body: e.bodyEnc ? { masked: true, field: eventField(e.id) } : e.body,
    internal: e.internal,
    data: e.data ?? null,
    createdAt: iso(e.createdAt),
  }
}

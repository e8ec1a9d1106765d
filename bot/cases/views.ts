import type { Case, CaseEvent, CaseKind } from '../../db/schema/index.js'
import { maskName } from './mask.js'

/**
 * The shapes the officers' API returns (bot/cases/cases.schemas.ts validates them on the way out). Times are
 * ISO 8601 strings in UTC, as API.md says.
 */
export type OfficerRef = { id: string; displayName: string }

export type CaseListItem = {
  id: string
  kind: CaseKind
  referenceNumber: string
  status: string
  priority: Case['priority']
  summary: string
  /** Masked ("ส***ย"); the full name only through an audited reveal. */
  citizenName: string | null
  assignee: OfficerRef | null
  dueAt: string | null
  overdue: boolean
  /** An SOS case nobody has taken yet: listed above the others until claimed (bot/cases/inbox.ts). */
  pinned: boolean
  createdAt: string
  updatedAt: string
}

export type CaseDetail = CaseListItem & {
  firstResponseAt: string | null
  resolvedAt: string | null
  location: { latitude: number; longitude: number } | null
  citizen: {
    id: string
    displayName: string | null
    language: 'th' | 'en'
    followState: 'following' | 'blocked'
  } | null
  attachments: { id: string; contentType: string; fileName: string | null; size: number; createdAt: string }[]
  /** Fields an officer with cases.reveal_pii may reveal for this case (POST /reveal). */
  revealable: string[]
  /** What the citizen told, per kind (a lost-document report: declarant, when and where, the items...). */
  sections: CaseSection[]
  /** The case's documents (an issued record's PDF in Thai and English). */
  links: CaseLink[]
}

export type Bilingual = { th: string; en: string }

/**
 * One thing the citizen gave, as officers see it. `value` is what shows before any reveal: the whole value when it
 * is not personal (a date, a document type), a mask ("x-xxxx-xxxxx-12-3", "ส***ย") when it is; then `field` names
 * what POST /api/admin/cases/:id/reveal returns in full (audited). Citizen text is rendered as text.
 */
export type CaseFact = { label: Bilingual; value: Bilingual | null; field?: string }
export type CaseSection = { id: string; title: Bilingual; facts: CaseFact[] }
export type CaseLink = { id: string; label: Bilingual; href: string }

/**
 * A text the citizen typed that is personal (stored encrypted): officers see this instead of the text and get the
 * text from POST /api/admin/cases/:id/reveal with `field` (permission cases.reveal_pii, audited with a reason).
 */
export type MaskedText = { masked: true; field: string }

/** The reveal field of an encrypted timeline entry. */
export function eventField(eventId: number): string {
  return `event_${eventId}`
}

export type CaseEventView = {
  id: number
  type: CaseEvent['type']
  actorType: CaseEvent['actorType']
  officer: OfficerRef | null
  fromStatus: string | null
  toStatus: string | null
  /** As written: clients render it as text, never as HTML. Masked when the citizen's words are personal. */
  body: string | MaskedText | null
  internal: boolean
  data: Record<string, unknown> | null
  createdAt: string
}

export function iso(d: Date): string
export function iso(d: Date | null): string | null
export function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null
}

export function isOverdue(c: Pick<Case, 'dueAt' | 'resolvedAt'>, now: Date): boolean {
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
> & { citizenName: string | null; assigneeName: string | null }

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

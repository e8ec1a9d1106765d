// The JSON of the officers' API (GET/POST /api/admin/*), as the server sends it: bot/http/admin-api.md is the
// contract in words, the routes' zod schemas validate every answer on the way out, and
// test/unit/contracts/admin-api.test.ts fails to compile when a schema and these types part ways.
// The officers' app imports these types (@contracts/admin-api.js); no imports here but the other contracts.
import type { CaseActorType, CaseEventType, CaseKind, CasePriority } from './cases.js'
import type { FollowState, Language } from './citizens.js'
import type { ConsultationDetail, ConsultationStats } from './consultations.js'
import type { AccessRequestStatus, OfficerRole, Permission } from './officers.js'
import type { HouseWatchStats } from './patrol.js'

/** Times are ISO 8601 strings in UTC; days are YYYY-MM-DD (Bangkok). */
type Iso = string

export type Officer = {
  id: string
  stationId: string
  lineUserId: string
  displayName: string
  fullName: string | null
  role: OfficerRole
  active: boolean
  createdAt: Iso
}

/** GET /api/admin/me */
export type Me = {
  officer: Officer
  permissions: Permission[]
  station: { id: string; code: string; nameTh: string; nameEn: string }
}

export type OfficerRef = { id: string; displayName: string }

export type CaseListItem = {
  id: string
  kind: CaseKind
  referenceNumber: string
  status: string
  priority: CasePriority
  summary: string
  /** Masked ("ส***ย"); the full name only through an audited reveal. */
  citizenName: string | null
  assignee: OfficerRef | null
  dueAt: Iso | null
  overdue: boolean
  /** An SOS case nobody has taken yet: listed first until claimed. */
  pinned: boolean
  createdAt: Iso
  updatedAt: Iso
  /** A consultation: timeline entries the signed-in officer has not seen yet (POST /cases/:id/read). */
  unread?: number
}

/** GET /api/admin/cases: a keyset page and the counts per status (capped: a count equal to countCap means "or more"). */
export type CaseList = {
  items: CaseListItem[]
  nextCursor: string | null
  counts: Record<string, number>
  countCap: number
}

/** The citizen as the case shows them: the LINE name masked ("ส***ย"); more only through an audited reveal. */
export type CitizenView = {
  id: string
  displayName: string | null
  language: Language
  followState: FollowState
}

export type AttachmentMeta = {
  id: string
  contentType: string
  fileName: string | null
  size: number
  createdAt: Iso
}

export type CaseDetail = CaseListItem & {
  firstResponseAt: Iso | null
  resolvedAt: Iso | null
  location: { latitude: number; longitude: number } | null
  citizen: CitizenView | null
  attachments: AttachmentMeta[]
  /** Personal-data fields `POST /cases/:id/reveal` can return for this case. */
  revealable: string[]
  /** What the citizen gave, per kind (a lost-document report), personal values masked with the field to reveal. */
  sections: CaseSection[]
  /** The case's documents (an issued record's PDF). */
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

export type CaseEvent = {
  id: number
  type: CaseEventType
  actorType: CaseActorType
  officer: OfficerRef | null
  fromStatus: string | null
  toStatus: string | null
  /** As written: render it as text, never as HTML. Masked when the citizen's words are personal. */
  body: string | MaskedText | null
  internal: boolean
  data: Record<string, unknown> | null
  createdAt: Iso
}

/** GET /api/admin/cases/:id */
export type CaseView = {
  case: CaseDetail
  events: CaseEvent[]
  allowedStatuses: string[]
  /** A consultation's own detail (its thread is `events`: message_in / message_out, each officer's with data.delivery). */
  consultation?: ConsultationDetail
  /** Offered by some servers: what the citizen receives for each allowed status (template already rendered). */
  statusPreviews?: Record<string, string>
}

/** One `case` event of GET /api/admin/cases/stream (server-sent events). */
export type StreamEvent = {
  id: string
  kind: CaseKind
  status: string
  priority: CasePriority
  referenceNumber: string
  change: 'created' | 'updated'
}

export type AccessRequest = {
  id: string
  stationId: string
  lineUserId: string
  displayName: string
  note: string | null
  status: AccessRequestStatus
  decidedBy: string | null
  decidedAt: Iso | null
  createdAt: Iso
}

export type AuditEntry = {
  id: number
  at: Iso
  stationId: string | null
  officerId: string | null
  officerName: string | null
  actor: string
  action: string
  entityType: string | null
  entityId: string | null
  ip: string | null
  userAgent: string | null
  details: Record<string, unknown> | null
  /** What the action means (the server's table); null for an action it has no words for. */
  actionLabel?: { th: string; en: string } | null
  /** A case's reference number (RYG-2569-000123), what officers know it by. */
  entityRef?: string | null
}

export type Template = { kind: CaseKind; status: string; language: Language; body: string; isDefault: boolean }

export type StationPhone = { labelTh: string; labelEn: string; number: string }
export type Landmark = { nameTh: string; nameEn: string; latitude: number; longitude: number }
export type StationInfo = {
  id: string
  code: string
  lineGroupId: string | null
  nameTh: string
  nameEn: string
  addressTh: string
  addressEn: string
  phone: string
  phones: StationPhone[]
  hoursTh: string
  hoursEn: string
  servicesTh: string
  servicesEn: string
  landmarks: Landmark[]
  latitude: number | null
  longitude: number | null
  /** Days an ended case keeps its personal data (30–3650). */
  personalDataRetentionDays: number
  /** Minutes officers have to take an SOS case (1–120). */
  sosDueMinutes: number
}

export type LineGroup = {
  groupId: string
  name: string | null
  joinedAt: Iso
  leftAt: Iso | null
  bound: boolean
}

/** GET /api/admin/dashboard */
export type Dashboard = {
  from: Iso
  to: Iso
  /** Cases opened per Bangkok day and kind. */
  perDay: { date: string; kind: string; count: number }[]
  /** Cases not yet resolved, now, per status (whatever the range). */
  openByStatus: Record<string, number>
  /** Over the cases opened in the range; null when none has been answered / resolved. */
  medianFirstResponseMinutes: number | null
  medianResolutionMinutes: number | null
  /** Cases opened in the range that missed their due time (resolved late, or still open past it). */
  slaBreaches: number
  /** This month's LINE message quota (limit null = unlimited); null when LINE could not be asked. */
  quota: { limit: number | null; used: number; remaining: number | null } | null
  /** Consultations opened in the range (issue #12): per topic, per officer, common answers, pushes per month. */
  consultations: ConsultationStats
  /** House watch and patrols (issue #13): watches and red boxes now, coverage per shift (7 days), flags, findings. */
  houseWatch: HouseWatchStats
}

/** A citizen's PDPA request, as GET /api/admin/privacy/requests lists it. */
export type PrivacyRequest = {
  id: string
  kind: 'export' | 'delete'
  status: 'pending' | 'done' | 'declined'
  createdAt: Iso
  dueAt: Iso
  overdue: boolean
  completedAt: Iso | null
  citizen: { displayName: string | null; language: Language; erased: boolean; cases: number }
  handledBy: OfficerRef | null
  refusalGround: string | null
  note: string | null
  result: Record<string, number> | null
}
export type RefusalGround = { code: string; th: string; en: string }

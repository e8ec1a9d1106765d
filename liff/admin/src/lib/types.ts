// The JSON of the officers' API (bot/http/admin-api.md is the contract; the server's zod schemas are the truth).
// Fields the contract leaves open are optional here, so the page copes with what the server sends.

export const OFFICER_ROLES = [
  'admin',
  'supervisor',
  'duty_officer',
  'legal_advisor',
  'patrol_officer',
  'viewer',
] as const
export type OfficerRole = (typeof OFFICER_ROLES)[number]

export const CASE_KINDS = ['lost_document', 'house_watch', 'consultation', 'sos'] as const
export type CaseKind = (typeof CASE_KINDS)[number]
/**
 * The services citizens can use today (README: the menus show only what exists). House watch and consultations are
 * on the roadmap: pages that list services (dashboard, status messages) show only these, plus any kind with data.
 */
export const LIVE_CASE_KINDS: readonly CaseKind[] = ['lost_document', 'sos']

export type Permission =
  | 'cases.read'
  | 'cases.act'
  | 'cases.reveal_pii'
  | 'dashboard.read'
  | 'audit.read'
  | 'officers.manage'
  | 'templates.edit'
  | 'station.edit'
  | 'groups.bind'
  | 'privacy.requests'

export type Officer = {
  id: string
  stationId: string
  lineUserId: string
  displayName: string
  fullName: string | null
  role: OfficerRole
  active: boolean
  createdAt: string
}

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
  priority: 'normal' | 'urgent'
  summary: string
  citizenName: string | null
  assignee: OfficerRef | null
  dueAt: string | null
  overdue: boolean
  createdAt: string
  updatedAt: string
}

export type CaseList = { items: CaseListItem[]; nextCursor: string | null; counts: Record<string, number> }

/** The citizen as the case shows them: the LINE name masked ("ส***ย"); more only through an audited reveal. */
export type CitizenView = {
  id: string
  displayName: string | null
  language: 'th' | 'en'
  followState: 'following' | 'blocked'
}

export type AttachmentMeta = {
  id: string
  contentType: string
  fileName: string | null
  size: number
  createdAt: string
}

export type CaseDetail = CaseListItem & {
  firstResponseAt: string | null
  resolvedAt: string | null
  location: { latitude: number; longitude: number } | null
  citizen: CitizenView | null
  attachments: AttachmentMeta[]
  /** Personal-data fields `POST /cases/:id/reveal` can return for this case. */
  revealable: string[]
  /** What the citizen gave, per kind (a lost-document report), personal values masked with the field to reveal. */
  sections?: CaseSection[]
  /** The case's documents (an issued record's PDF). */
  links?: CaseLink[]
}

export type Bilingual = { th: string; en: string }
export type CaseFact = { label: Bilingual; value: Bilingual | null; field?: string }
export type CaseSection = { id: string; title: Bilingual; facts: CaseFact[] }
export type CaseLink = { id: string; label: Bilingual; href: string }

export type CaseEvent = {
  id: number | string
  type: 'created' | 'status' | 'note' | 'message_in' | 'message_out' | 'attachment' | 'assignment'
  actorType: 'citizen' | 'officer' | 'system'
  officer: OfficerRef | null
  fromStatus: string | null
  toStatus: string | null
  /** Masked when the citizen's words are personal: reveal `field` through POST /cases/:id/reveal. */
  body: string | { masked: true; field: string } | null
  internal: boolean
  data: Record<string, unknown> | null
  createdAt: string
}

export type CaseView = {
  case: CaseDetail
  events: CaseEvent[]
  allowedStatuses: string[]
  /** Offered by some servers: what the citizen receives for each allowed status (template already rendered). */
  statusPreviews?: Record<string, string>
}

export type StreamEvent = {
  id: string
  kind: CaseKind
  status: string
  priority: 'normal' | 'urgent'
  referenceNumber: string
  change: 'created' | 'updated'
}

export type AccessRequest = {
  id: string
  lineUserId: string
  displayName: string
  note: string | null
  status: 'pending' | 'approved' | 'declined'
  createdAt: string
}

export type AuditEntry = {
  id: number | string
  at: string
  officerId: string | null
  officerName: string | null
  actor: string
  action: string
  entityType: string | null
  entityId: string | null
  ip?: string | null
  details?: Record<string, unknown> | null
  /** What the action means (the server's table); null for an action it has no words for. */
  actionLabel?: { th: string; en: string } | null
  /** A case's reference number (RYG-2569-000123), what officers know it by. */
  entityRef?: string | null
}

export type Template = { kind: CaseKind; status: string; language: string; body: string; isDefault: boolean }

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
}

export type LineGroup = {
  groupId: string
  name: string | null
  joinedAt: string
  leftAt: string | null
  bound: boolean
}

export type Dashboard = {
  perDay: { date: string; kind: CaseKind; count: number }[]
  openByStatus: Record<string, number>
  medianFirstResponseMinutes: number | null
  medianResolutionMinutes: number | null
  slaBreaches: number
  quota: { limit: number | null; used: number; remaining?: number | null }
}

/** A citizen's PDPA request, as GET /api/admin/privacy/requests lists it. */
export type PrivacyRequest = {
  id: string
  kind: 'export' | 'delete'
  status: 'pending' | 'done' | 'declined'
  createdAt: string
  dueAt: string
  overdue: boolean
  completedAt: string | null
  citizen: { displayName: string | null; language: 'th' | 'en'; erased: boolean; cases: number }
  handledBy: OfficerRef | null
  refusalGround: string | null
  note: string | null
  result: Record<string, number> | null
}
export type RefusalGround = { code: string; th: string; en: string }

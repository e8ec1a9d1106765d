// Shared by the server and the LIFF apps (imported as @contracts/consultations.js): plain data and types, no imports.
// Legal consultation (issue #12): a citizen asks, officers answer from the admin page, in one LINE thread.

/** What citizens ask the police about (the seed's list and Thai practice), in the order the quick replies show them. */
export const CONSULTATION_TOPICS = [
  'scam',
  'family',
  'debt',
  'traffic',
  'labour',
  'property',
  'cyber',
  'other',
] as const
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number]

export const CONSULTATION_TOPIC_LABELS: Record<ConsultationTopic, { th: string; en: string }> = {
  scam: { th: 'ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์', en: 'Scams and fraud' },
  family: { th: 'ครอบครัว / มรดก', en: 'Family and inheritance' },
  debt: { th: 'หนี้สิน / เงินกู้', en: 'Debts and loans' },
  traffic: { th: 'จราจร / อุบัติเหตุ', en: 'Traffic and accidents' },
  labour: { th: 'แรงงาน / นายจ้าง', en: 'Work and employers' },
  property: { th: 'ที่ดิน / เพื่อนบ้าน', en: 'Property and neighbours' },
  cyber: { th: 'ถูกคุกคามออนไลน์', en: 'Online harassment' },
  other: { th: 'เรื่องอื่น ๆ', en: 'Something else' },
}

/** How a consultation was started. */
export const CONSULTATION_CHANNELS = ['chat', 'richmenu', 'liff'] as const
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number]

/** Who ended it. */
export const CONSULTATION_CLOSERS = ['officer', 'citizen', 'system'] as const
export type ConsultationCloser = (typeof CONSULTATION_CLOSERS)[number]

/** A citizen writing within this many days of the close re-opens the same consultation; later, a new one. */
export const CONSULTATION_REOPEN_DAYS = 7
/** The 1–5 rating question expires silently after this many hours. */
export const RATING_EXPIRES_HOURS = 24
/**
 * Default SLA per topic until a station sets its own, in minutes of office hours (bot/consultation/office-hours.ts):
 * a question asked on Friday evening is due on Monday, this many office minutes after the office opens.
 */
export const DEFAULT_FIRST_RESPONSE_MINUTES = 240
export const DEFAULT_NEXT_RESPONSE_MINUTES = 120

/** Days of the week as JavaScript numbers them in Bangkok: 0 = Sunday … 6 = Saturday. */
export type Weekday = '0' | '1' | '2' | '3' | '4' | '5' | '6'
/** Opening periods per weekday, "HH:MM" in Asia/Bangkok; a day without periods is closed. */
export type OfficeHours = Partial<Record<Weekday, { from: string; to: string }[]>>
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  '1': [{ from: '08:30', to: '16:30' }],
  '2': [{ from: '08:30', to: '16:30' }],
  '3': [{ from: '08:30', to: '16:30' }],
  '4': [{ from: '08:30', to: '16:30' }],
  '5': [{ from: '08:30', to: '16:30' }],
}

/** A day the station's office is closed (Thai public holidays, a yearly list the admin edits). */
export type Holiday = { date: string; nameTh: string; nameEn: string }

/** Per station and topic: shown or not, its order, its SLA. */
export type TopicSetting = {
  topic: ConsultationTopic
  active: boolean
  position: number
  firstResponseMinutes: number
  nextResponseMinutes: number
}

/** GET / PUT /api/admin/consultations/settings */
export type ConsultationSettings = { officeHours: OfficeHours; holidays: Holiday[]; topics: TopicSetting[] }

/** A short answer the station keeps per topic, offered before handing over to an officer. */
export type CommonAnswer = {
  id: string
  topic: ConsultationTopic
  titleTh: string
  titleEn: string
  bodyTh: string
  bodyEn: string
  position: number
  active: boolean
}

/**
 * A canned reply for officers' answers: the station's library (officerId null, edited by admins and supervisors) or
 * an officer's own. Placeholders: {name} (the citizen's LINE name), {ref} (the consultation number), {officer}, {station}.
 */
export type CannedReply = {
  id: string
  scope: 'station' | 'personal'
  title: string
  body: string
  position: number
}

/** How an officer's message went out (from its outbox row). */
export type DeliveryState =
  | { state: 'queued' }
  | { state: 'sent'; via: 'reply' | 'push'; at: string }
  | { state: 'failed'; cause: DeliveryFailure; reason: string; status?: number }

/**
 * Why LINE did not take an answer, in words officers can act on (the thread translates it; `reason` keeps LINE's own
 * message as the detail): the citizen blocked the OA or is not a friend (403), asked for erasure (the station must not
 * contact them), LINE refused the message itself (other 4xx), or LINE kept failing (429/5xx until the last retry).
 */
export const DELIVERY_FAILURES = ['blocked', 'erased', 'refused', 'unavailable'] as const
export type DeliveryFailure = (typeof DELIVERY_FAILURES)[number]

/** The consultation part of GET /api/admin/cases/:id for a case of kind consultation. */
export type ConsultationDetail = {
  topic: ConsultationTopic
  openedVia: ConsultationChannel
  lastCitizenMessageAt: string | null
  lastOfficerMessageAt: string | null
  nextResponseDueAt: string | null
  closedBy: ConsultationCloser | null
  closedAt: string | null
  rating: number | null
  reopenCount: number
  convertedToCaseId: string | null
  /** Timeline entries the signed-in officer has not seen yet. */
  unread: number
}

/**
 * The consultation block of GET /api/admin/dashboard. Response times are medians in office minutes: only the time the
 * station's office was open counts (its hours and holidays), as for the SLA.
 */
export type ConsultationStats = {
  perTopic: {
    topic: ConsultationTopic
    opened: number
    medianFirstResponseOfficeMinutes: number | null
    /** From the citizen's first message after an answer to the next answer. */
    medianNextResponseOfficeMinutes: number | null
    ratings: number
    averageRating: number | null
  }[]
  /** Officers see their own line; supervisors and admins see every officer's. */
  perOfficer: {
    officerId: string
    displayName: string
    answered: number
    medianFirstResponseOfficeMinutes: number | null
    medianNextResponseOfficeMinutes: number | null
    averageRating: number | null
  }[]
  commonAnswers: { answerId: string; topic: ConsultationTopic; titleTh: string; shown: number; sufficed: number }[]
  /**
   * Messages sent per Bangkok month and kind (any month since counting began): `pushes` count against the LINE plan's
   * quota (push and multicast, one per recipient per request), `replies` went free by reply.
   */
  pushesPerMonth: { month: string; kind: string; pushes: number; replies: number }[]
}

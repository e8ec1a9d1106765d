// The JSON of the citizens' LIFF API (/api/liff/*), as the server sends it: the routes' zod schemas validate every
// answer, and test/unit/contracts/liff-api.test.ts fails to compile when a schema and these types part ways.
// The citizen app imports these types (@contracts/liff-api.js); no imports here but the other contracts.
import type { FollowState, Language } from './citizens.js'
import type { ConsultationTopic } from './consultations.js'

type Bilingual = { th: string; en: string }

/** What happens when a document type is reported lost (the station's policy, admin-editable). */
export const DOCUMENT_POLICIES = ['issue_now', 'review', 'visit_station'] as const
export type DocumentPolicy = (typeof DOCUMENT_POLICIES)[number]

/** GET /api/liff/me: the citizen as the pages see them (no internal IDs, no LINE user ID). */
export type Me = { displayName: string | null; language: Language; followState: FollowState }

/** GET /api/liff/station: what a citizen may know of their station. */
export type StationInfo = {
  code: string
  nameTh: string
  nameEn: string
  addressTh: string
  addressEn: string
  phone: string
  latitude: number | null
  longitude: number | null
}

export type DocumentTypeInfo = {
  code: string
  nameTh: string
  nameEn: string
  policy: DocumentPolicy
  reasonTh: string | null
  reasonEn: string | null
  hasNumber: boolean
  issuers: string[]
}

/** GET /api/liff/lost-documents/form: types, consent version and texts, and the last report's pre-fill. */
export type FormInfo = {
  documentTypes: DocumentTypeInfo[]
  consentVersion: string
  texts: { s137: Bilingual; declaration: Bilingual; consent: Bilingual }
  prefill: ReportPrefill | null
}

/**
 * From the citizen's last report, for "use my details from last time"; the ID number only masked (reused
 * server-side with `useLastId`).
 */
export type ReportPrefill = {
  declarantName: string
  idType: string
  idMasked: string
  dateOfBirth: string
  phone: string
  address: Record<string, string>
}

export type ReportItem = {
  position: number
  documentType: string
  nameTh: string
  nameEn: string
  number: string | null
  issuer: string | null
}

export type ReportSummary = {
  id: string
  referenceNumber: string
  status: string
  statusTh: string
  statusEn: string
  createdAt: string
  updatedAt: string
  items: ReportItem[]
  held: (ReportItem & { policy: DocumentPolicy; reasonTh: string | null; reasonEn: string | null })[]
  issued: boolean
  /** The signed PDF link, when a valid record exists. */
  pdfUrl: string | null
  lostFrom: string
  lostTo: string | null
  placeText: string
}

export type ReportDetail = ReportSummary & {
  declarantName: string
  idType: string
  idNumber: string
  phone: string
  address: Record<string, string>
  location: { latitude: number; longitude: number } | null
  circumstances: string
  history: {
    type: string
    status: string | null
    statusTh: string | null
    statusEn: string | null
    body: string | null
    /** A message without text: the photo, video, voice message or file the citizen sent. */
    media: 'image' | 'video' | 'audio' | 'file' | null
    at: string
  }[]
}

/** POST /api/liff/lost-documents */
export type SubmitResult = { created: boolean; report: ReportSummary }

/** GET /api/liff/my-emergencies: one of the citizen's own SOS cases (number, status, when; nothing an officer wrote). */
export type MyEmergency = {
  id: string
  referenceNumber: string
  status: string
  statusTh: string
  statusEn: string
  /** Ended (resolved or closed). */
  ended: boolean
  createdAt: string
  updatedAt: string
}

/** GET /api/liff/consultation: the station's topics in its order, and the citizen's consultation still open. */
export type ConsultationStart = {
  topics: { topic: ConsultationTopic; labelTh: string; labelEn: string }[]
  open: { referenceNumber: string; caseId: string } | null
}

/** POST /api/liff/consultation → 201: the consultation opened (its receipt is in the chat). */
export type ConsultationOpened = {
  caseId: string
  referenceNumber: string
  /** When to expect the first answer (ISO), from the station's office hours; null when it has none. */
  expectedBy: string | null
  outOfHours: boolean
  /** When the office opens, when asked out of hours (ISO). */
  opensAt: string | null
}

/**
 * POST /api/liff/consultation/answers: a topic's common answers, shown before the question (issue #12, point 2);
 * `outcome` (null when the topic has none) is sent back with the verdict and with the question.
 */
export type ConsultationAnswers = {
  outcome: string | null
  answers: { id: string; titleTh: string; titleEn: string; bodyTh: string; bodyEn: string }[]
}

/** GET /api/liff/my-consultations: the citizen's own consultations, newest first. */
export type MyConsultation = {
  id: string
  referenceNumber: string
  topic: ConsultationTopic
  topicTh: string
  topicEn: string
  status: string
  statusTh: string
  statusEn: string
  ended: boolean
  createdAt: string
  updatedAt: string
}

/** GET /api/liff/my-consultations/:id: one of them, its thread read-only (no internal notes, ever). */
export type MyConsultationThread = {
  consultation: MyConsultation
  messages: {
    id: number
    from: 'citizen' | 'officer'
    /** The officer's rank and name; null for the citizen's own messages. */
    officer: string | null
    text: string | null
    messageType: string
    at: string
    /** Served by GET /api/liff/my-consultations/:id/files/:fileId (the owner's ID token). */
    files: { id: string; contentType: string; fileName: string | null; size: number }[]
  }[]
}

// The JSON of the lost-document API (bot/lost-documents/liff/schemas.ts is the source of truth; the server checks it).

export type DocumentTypeInfo = {
  code: string
  nameTh: string
  nameEn: string
  policy: 'issue_now' | 'review' | 'visit_station'
  reasonTh: string | null
  reasonEn: string | null
  hasNumber: boolean
  issuers: string[]
}

type Bilingual = { th: string; en: string }

export type FormInfo = {
  documentTypes: DocumentTypeInfo[]
  consentVersion: string
  texts: { s137: Bilingual; declaration: Bilingual; consent: Bilingual }
  prefill: {
    declarantName: string
    idType: string
    idMasked: string
    dateOfBirth: string
    phone: string
    address: Record<string, string>
  } | null
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
  held: (ReportItem & { policy: string; reasonTh: string | null; reasonEn: string | null })[]
  issued: boolean
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
    at: string
  }[]
}

export type SubmitResult = { created: boolean; report: ReportSummary }

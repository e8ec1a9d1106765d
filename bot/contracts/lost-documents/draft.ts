/** Same list as db/schema/lost-documents.ts ID_TYPES (a unit test keeps them equal; this file imports nothing). */
export const ID_TYPES = ['thai_id', 'passport', 'alien_id', 'work_permit'] as const
export type IdType = (typeof ID_TYPES)[number]
export const MAX_ITEMS = 10
/** The PDPA consent text's version; changing the text means a new version (stored with each consent). */
export const CONSENT_VERSION = 'lost-doc-2026-11'

export type AddressDraft = {
  houseNo: string
  village?: string
  moo?: string
  soi?: string
  road?: string
  subdistrict: string
  district: string
  province: string
  postcode: string
}
export const ADDRESS_FIELDS = [
  'houseNo',
  'village',
  'moo',
  'soi',
  'road',
  'subdistrict',
  'district',
  'province',
  'postcode',
] as const satisfies readonly (keyof AddressDraft)[]
export const REQUIRED_ADDRESS = ['houseNo', 'subdistrict', 'district', 'province'] as const

export type ItemDraft = { documentType: string; number?: string | null; issuer?: string | null }

/** The report as the LIFF form and the chat flow send it (the body of POST /api/liff/lost-documents). */
export type ReportDraft = {
  declarantName: string
  idType: string
  /** Omitted with `useLastId`: the server copies the encrypted number of the citizen's last report. */
  idNumber?: string | null
  useLastId?: boolean
  /** Gregorian "YYYY-MM-DD" (pages show it in the Buddhist Era). */
  dateOfBirth: string
  phone: string
  address: AddressDraft
  items: ItemDraft[]
  /** Bangkok wall-clock "YYYY-MM-DDTHH:mm" (or ISO with offset); `lostTo` makes it a range. */
  lostFrom: string
  lostTo?: string | null
  placeText: string
  location?: { latitude: number; longitude: number } | null
  circumstances: string
  declaration: boolean
  consent: boolean
  consentVersion: string
}

export type ValidReport = {
  declarantName: string
  idType: IdType
  /** Compact (no separators); null when the last report's number is reused. */
  idNumber: string | null
  dateOfBirth: string
  phone: string
  address: Record<string, string>
  items: { documentType: string; number: string | null; issuer: string | null }[]
  lostFrom: Date
  lostTo: Date | null
  placeText: string
  location: { latitude: number; longitude: number } | null
  circumstances: string
  consentVersion: string
}

export type ValidationContext = {
  now: Date
  /** Codes a citizen may choose (active document types); null skips the check (the form before types load). */
  documentTypes: readonly string[] | null
  /** Whether the citizen has an earlier report whose ID number `useLastId` can reuse. */
  hasPreviousId: boolean
}

import type { AddressDraft, ItemDraft, ReportDraft } from '@contracts/lost-documents/draft.js'
import type { Issue } from '@contracts/lost-documents/messages.js'
import { validateReport } from '@contracts/lost-documents/report.js'
import { bangkokLocalDateTime } from '@contracts/lost-documents/rules.js'
import type { FormInfo } from './types.js'

/** A date being picked in three parts (day, month, year), "" until chosen. */
export type DateParts = { d: string; m: string; y: string }
export const emptyDate = (): DateParts => ({ d: '', m: '', y: '' })

/** The form as the citizen fills it; toDraft() turns it into the API body. */
export type FormState = {
  declarantName: string
  idType: string
  idNumber: string
  useLastId: boolean
  dob: DateParts
  phone: string
  address: AddressDraft
  items: ItemDraft[]
  lostDate: DateParts
  lostTime: string
  range: boolean
  toDate: DateParts
  toTime: string
  placeText: string
  location: { latitude: number; longitude: number } | null
  circumstances: string
  declaration: boolean
  consent: boolean
}

export function isoOf(p: DateParts): string {
  return p.d && p.m && p.y ? `${p.y}-${p.m.padStart(2, '0')}-${p.d.padStart(2, '0')}` : ''
}

function partsOf(iso: string): DateParts {
  const [y = '', m = '', d = ''] = iso.split('-')
  return { y, m: String(Number(m) || ''), d: String(Number(d) || '') }
}

const EMPTY_ADDRESS: AddressDraft = { houseNo: '', subdistrict: '', district: '', province: '', postcode: '' }

/** A fresh form, pre-filled from the citizen's last report (the ID only as "use the same ID as last time"). */
export function initialState(info: FormInfo): FormState {
  const p = info.prefill
  return {
    declarantName: p?.declarantName ?? '',
    idType: p?.idType ?? 'thai_id',
    idNumber: '',
    useLastId: Boolean(p),
    dob: p ? partsOf(p.dateOfBirth) : emptyDate(),
    phone: p?.phone ?? '',
    address: { ...EMPTY_ADDRESS, ...(p?.address ?? {}) },
    items: [{ documentType: '', number: '', issuer: '' }],
    lostDate: emptyDate(),
    lostTime: '',
    range: false,
    toDate: emptyDate(),
    toTime: '',
    placeText: '',
    location: null,
    circumstances: '',
    declaration: false,
    consent: false,
  }
}

/**
 * The API body. No time → the whole day (00:00 to 23:59, or to now if the day is today), because "sometime that
 * day" is what the citizen told us; a range → from and to as given.
 */
export function toDraft(s: FormState, info: FormInfo, now = new Date()): ReportDraft {
  const day = isoOf(s.lostDate)
  const nowLocal = bangkokLocalDateTime(now)
  const lostFrom = day ? `${day}T${s.lostTime || '00:00'}` : ''
  let lostTo: string | null = null
  if (s.range) {
    const toDay = isoOf(s.toDate)
    lostTo = toDay ? `${toDay}T${s.toTime || '23:59'}` : ''
    if (lostTo > nowLocal && toDay === nowLocal.slice(0, 10)) {
      lostTo = nowLocal
    }
  } else if (day && !s.lostTime) {
    const end = `${day}T23:59`
    lostTo = end < nowLocal ? end : nowLocal
  }
  return {
    declarantName: s.declarantName,
    idType: s.idType,
    idNumber: s.useLastId ? null : s.idNumber,
    useLastId: s.useLastId,
    dateOfBirth: isoOf(s.dob),
    phone: s.phone,
    address: s.address,
    items: s.items,
    lostFrom,
    lostTo,
    placeText: s.placeText,
    location: s.location,
    circumstances: s.circumstances,
    declaration: s.declaration,
    consent: s.consent,
    consentVersion: info.consentVersion,
  }
}

/** The same checks the server makes (one module, bot/lost-documents/validation), run on every change. */
export function check(s: FormState, info: FormInfo): Issue[] {
  return validateReport(toDraft(s, info), {
    now: new Date(),
    documentTypes: info.documentTypes.map((t) => t.code),
    hasPreviousId: Boolean(info.prefill),
  }).issues
}

/** The element ID of a field ("items.0.documentType" → "f-items-0-documentType"), for labels, errors and focus. */
export const fieldId = (field: string) => `f-${field.replaceAll('.', '-')}`

import { type EnrolDraft, type EnrolIssue, validateEnrolment } from '@contracts/house-watch-enrol.js'
import type { AddressDraft } from '@contracts/lost-documents/draft.js'
import { type DateParts, isoOf } from '../lost-document/state.js'

/** What GET /api/liff/house-watch/form answers (bot/house-watch/enrol/liff.schemas.ts). */
export type HwFormInfo = {
  station: { nameTh: string; nameEn: string; phone: string }
  maxDays: number
  approval: 'auto' | 'duty_officer'
  today: string
  consentVersion: string
  consentTh: string
  consentEn: string
  center: { lat: number; lng: number }
  jurisdiction: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[][] } | null
  prefill: { ownerName: string; phone: string }
}

/** What POST /api/liff/house-watch answers. */
export type HwReceipt = {
  outcome: 'created' | 'extended' | 'repeat'
  caseId: string
  referenceNumber: string
  status: string
  startsOn: string
  endsOn: string
  approved: boolean
  ownerPageUrl: string
}

export type Photo = { contentType: string; data: string; size: number; preview: string }

export type HwFormState = {
  ownerName: string
  phone: string
  address: AddressDraft
  location: { lat: number; lng: number; source: 'gps' | 'pin' } | null
  start: DateParts
  end: DateParts
  emergencyName: string
  emergencyPhone: string
  notes: string
  photo: Photo | null
  notify: 'daily_digest' | 'each_visit'
  consent: boolean
}

function partsOf(iso: string): DateParts {
  const [y = '', m = '', d = ''] = iso.split('-')
  return { y, m: String(Number(m) || ''), d: String(Number(d) || '') }
}

/** The station's province and postcode are filled in (most houses are in its town), in the form's language. */
export function initialState(info: HwFormInfo, lang: 'th' | 'en'): HwFormState {
  return {
    ownerName: info.prefill.ownerName,
    phone: info.prefill.phone,
    address: {
      houseNo: '',
      subdistrict: '',
      district: '',
      province: lang === 'th' ? 'ระยอง' : 'Rayong',
      postcode: '21000',
    },
    location: null,
    start: partsOf(info.today),
    end: { d: '', m: '', y: '' },
    emergencyName: '',
    emergencyPhone: '',
    notes: '',
    photo: null,
    notify: 'daily_digest',
    consent: false,
  }
}

export function toDraft(s: HwFormState, info: HwFormInfo): EnrolDraft {
  return {
    ownerName: s.ownerName,
    phone: s.phone,
    address: s.address,
    location: s.location,
    startsOn: isoOf(s.start),
    endsOn: isoOf(s.end),
    emergencyName: s.emergencyName,
    emergencyPhone: s.emergencyPhone,
    notes: s.notes,
    notify: s.notify,
    consent: s.consent,
    consentVersion: info.consentVersion,
  }
}

/** The server's own check, run as the citizen types (the station's longest watch from the form's facts). */
export function check(s: HwFormState, info: HwFormInfo): EnrolIssue[] {
  // The page's clock may be off: "today" is the server's Bangkok date.
  const now = new Date(`${info.today}T12:00:00+07:00`)
  const { issues } = validateEnrolment(toDraft(s, info), { now, maxDays: info.maxDays })
  return issues
}

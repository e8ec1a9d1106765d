// Shared by the server and the citizen LIFF form (imported as @contracts/house-watch-enrol.js): the enrolment's
// fields and their one check, so the form shows the same words as the server's 400 answer.
import type { HouseWatchNotify, LatLng, ThaiAddress } from './house-watch.js'
import type { AddressDraft } from './lost-documents/draft.js'
import { ISSUE_MESSAGES } from './lost-documents/messages.js'
import { bangkokToday, isPostcode, normaliseMobile, parseIsoDate } from './lost-documents/rules.js'

/** The consent text's version; changing the text (bot/house-watch/enrol/consent.ts) means a new version. */
export const HW_CONSENT_VERSION = 'house-watch-2026-12'

/** A house photo: JPEG, PNG or WebP up to this size (the form shrinks bigger pictures before sending). */
export const HW_PHOTO_MAX_BYTES = 3 * 1024 * 1024
export const HW_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const HW_NOTES_MAX = 1_000

/** The enrolment as the LIFF form sends it (the body of POST /api/liff/house-watch, less the photo). */
export type EnrolDraft = {
  ownerName: string
  phone: string
  address: Partial<AddressDraft>
  location: { lat: number; lng: number; source: string } | null
  /** Bangkok dates "YYYY-MM-DD", inclusive. */
  startsOn: string
  endsOn: string
  emergencyName: string
  emergencyPhone: string
  notes: string
  notify: string
  consent: boolean
  consentVersion: string
}

export type ValidEnrolment = {
  ownerName: string
  /** "0812345678" */
  phone: string
  address: ThaiAddress
  location: LatLng & { source: 'gps' | 'pin' }
  startsOn: string
  endsOn: string
  emergencyName: string
  emergencyPhone: string
  notes: string | null
  notify: HouseWatchNotify
  consentVersion: string
}

const M = {
  'ownerName.required': ['กรุณากรอกชื่อ-นามสกุลเจ้าของบ้าน', "Please enter the owner's full name"],
  'ownerName.length': ['ชื่อยาวเกินไป', 'The name is too long'],
  // The same words as the lost-document form for the same fields.
  'phone.invalid': ISSUE_MESSAGES['phone.invalid'],
  'address.houseNo.required': ISSUE_MESSAGES['address.houseNo.required'],
  'address.subdistrict.required': ISSUE_MESSAGES['address.subdistrict.required'],
  'address.district.required': ISSUE_MESSAGES['address.district.required'],
  'address.province.required': ISSUE_MESSAGES['address.province.required'],
  'address.postcode.invalid': ISSUE_MESSAGES['address.postcode.invalid'],
  'address.tooLong': ISSUE_MESSAGES['address.tooLong'],
  'location.required': [
    'กรุณาปักหมุดตำแหน่งบ้านบนแผนที่ หรือใช้ตำแหน่งปัจจุบัน',
    "Please pin the house on the map, or use the phone's location",
  ],
  'location.invalid': ['ตำแหน่งบนแผนที่ไม่ถูกต้อง', 'The map position is not valid'],
  'startsOn.invalid': ['กรุณาเลือกวันที่เริ่มไม่อยู่บ้าน', 'Please choose the first day you are away'],
  'startsOn.past': ['วันที่เริ่มต้องเป็นวันนี้หรือหลังจากนี้', 'The first day must be today or later'],
  'endsOn.invalid': ['กรุณาเลือกวันที่กลับบ้าน', 'Please choose the day you are back'],
  'endsOn.beforeStart': ['วันที่กลับต้องไม่ก่อนวันที่เริ่ม', 'The last day cannot be before the first day'],
  'endsOn.tooLong': ['ฝากบ้านได้ไม่เกิน {max} วันต่อครั้ง', 'A house can be watched for at most {max} days at a time'],
  'emergencyName.required': ['กรุณากรอกชื่อผู้ติดต่อกรณีฉุกเฉิน', 'Please enter an emergency contact'],
  'emergencyPhone.invalid': [
    'เบอร์โทรผู้ติดต่อกรณีฉุกเฉินไม่ถูกต้อง (มือถือ 10 หลัก)',
    "The emergency contact's mobile number is not valid (10 digits)",
  ],
  'notes.tooLong': [`หมายเหตุยาวเกิน ${HW_NOTES_MAX} ตัวอักษร`, `The notes are longer than ${HW_NOTES_MAX} characters`],
  'notify.invalid': ['กรุณาเลือกวิธีรับแจ้งผลการตรวจ', 'Please choose how you hear about the patrols'],
  'consent.required': ['กรุณายืนยันความยินยอมก่อนส่งคำขอ', 'Please give your consent before sending the request'],
  'photo.type': ['รูปบ้านต้องเป็นไฟล์ JPEG, PNG หรือ WebP', 'The house photo must be a JPEG, PNG or WebP picture'],
  'photo.tooLarge': ['รูปบ้านใหญ่เกิน 3 MB', 'The house photo is larger than 3 MB'],
  'consentVersion.stale': [
    'ข้อความความยินยอมมีการปรับปรุง กรุณาเปิดแบบฟอร์มใหม่',
    'The consent text has changed: please reopen the form',
  ],
} as const satisfies Record<string, readonly [string, string]>
export type EnrolIssueCode = keyof typeof M

/** One problem with one field (`field` is its path in the body: "address.postcode"). */
export type EnrolIssue = { field: string; code: EnrolIssueCode; messageTh: string; messageEn: string }

function issue(field: string, code: EnrolIssueCode, vars: Record<string, string | number> = {}): EnrolIssue {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
  return { field, code, messageTh: fill(M[code][0]), messageEn: fill(M[code][1]) }
}

const clean = (v: unknown): string => (typeof v === 'string' ? v.normalize('NFC').trim().replace(/\s+/g, ' ') : '')
const ADDRESS_KEYS = ['houseNo', 'moo', 'village', 'soi', 'road', 'subdistrict', 'district', 'province', 'postcode']
const REQUIRED_ADDRESS = ['houseNo', 'subdistrict', 'district', 'province'] as const

function checkAddress(a: Partial<AddressDraft> | undefined, out: EnrolIssue[]): ThaiAddress {
  const address: Record<string, string> = {}
  for (const key of ADDRESS_KEYS) {
    const value = clean(a?.[key as keyof AddressDraft])
    if (value.length > 120) {
      out.push(issue(`address.${key}`, 'address.tooLong'))
    }
    if (value) {
      address[key] = value.slice(0, 120)
    }
  }
  for (const key of REQUIRED_ADDRESS) {
    if (!address[key]) {
      out.push(issue(`address.${key}`, `address.${key}.required`))
    }
  }
  if (!isPostcode(address.postcode ?? '')) {
    out.push(issue('address.postcode', 'address.postcode.invalid'))
  }
  return address as ThaiAddress
}

/** The optional house photo's one check (type and size), or null when it is fine. */
export function checkPhoto(photo: { contentType: string; size: number }): EnrolIssue | null {
  if (!(HW_PHOTO_TYPES as readonly string[]).includes(photo.contentType)) {
    return issue('photo', 'photo.type')
  }
  return photo.size > HW_PHOTO_MAX_BYTES || photo.size === 0 ? issue('photo', 'photo.tooLarge') : null
}

/** Days from one date to another ("2026-12-01" → "2026-12-03" is 2). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

function checkPeriod(d: EnrolDraft, ctx: { now: Date; maxDays: number }, out: EnrolIssue[]) {
  const startsOn = clean(d.startsOn)
  const endsOn = clean(d.endsOn)
  const startOk = parseIsoDate(startsOn) !== null
  if (!startOk) {
    out.push(issue('startsOn', 'startsOn.invalid'))
  } else if (startsOn < bangkokToday(ctx.now)) {
    out.push(issue('startsOn', 'startsOn.past'))
  }
  if (!parseIsoDate(endsOn)) {
    out.push(issue('endsOn', 'endsOn.invalid'))
  } else if (startOk && endsOn < startsOn) {
    out.push(issue('endsOn', 'endsOn.beforeStart'))
  } else if (startOk && daysBetween(startsOn, endsOn) + 1 > ctx.maxDays) {
    // Both days count: 1–30 December is 30 days.
    out.push(issue('endsOn', 'endsOn.tooLong', { max: ctx.maxDays }))
  }
  return { startsOn, endsOn }
}

function checkLocation(loc: EnrolDraft['location'], out: EnrolIssue[]) {
  if (loc == null) {
    out.push(issue('location', 'location.required'))
    return null
  }
  const { lat, lng } = loc
  const ok =
    typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 && lat !== 0
  if (!ok || (loc.source !== 'gps' && loc.source !== 'pin')) {
    out.push(issue('location', 'location.invalid'))
    return null
  }
  return { lat, lng, source: loc.source as 'gps' | 'pin' }
}

/** Every problem of an enrolment at once, or the clean enrolment. `maxDays` is the station's setting. */
export function validateEnrolment(
  d: EnrolDraft,
  ctx: { now: Date; maxDays: number },
): { issues: EnrolIssue[]; enrolment?: ValidEnrolment } {
  const out: EnrolIssue[] = []
  const ownerName = clean(d.ownerName)
  if (!ownerName) {
    out.push(issue('ownerName', 'ownerName.required'))
  } else if (ownerName.length > 120) {
    out.push(issue('ownerName', 'ownerName.length'))
  }
  const phone = normaliseMobile(clean(d.phone))
  if (!phone) {
    out.push(issue('phone', 'phone.invalid'))
  }
  const address = checkAddress(d.address, out)
  const location = checkLocation(d.location, out)
  const { startsOn, endsOn } = checkPeriod(d, ctx, out)
  const emergencyName = clean(d.emergencyName)
  if (!emergencyName || emergencyName.length > 120) {
    out.push(issue('emergencyName', 'emergencyName.required'))
  }
  const emergencyPhone = normaliseMobile(clean(d.emergencyPhone))
  if (!emergencyPhone) {
    out.push(issue('emergencyPhone', 'emergencyPhone.invalid'))
  }
  // Notes keep their line breaks (one line per pet, vehicle, key holder).
  const notes = typeof d.notes === 'string' ? d.notes.normalize('NFC').trim() : ''
  if (notes.length > HW_NOTES_MAX) {
    out.push(issue('notes', 'notes.tooLong'))
  }
  if (d.notify !== 'daily_digest' && d.notify !== 'each_visit') {
    out.push(issue('notify', 'notify.invalid'))
  }
  if (d.consent !== true) {
    out.push(issue('consent', 'consent.required'))
  } else if (d.consentVersion !== HW_CONSENT_VERSION) {
    out.push(issue('consentVersion', 'consentVersion.stale'))
  }
  if (out.length > 0 || !phone || !emergencyPhone || !location) {
    return { issues: out }
  }
  return {
    issues: [],
    enrolment: {
      ownerName,
      phone,
      address,
      location,
      startsOn,
      endsOn,
      emergencyName,
      emergencyPhone,
      notes: notes || null,
      notify: d.notify as HouseWatchNotify,
      consentVersion: HW_CONSENT_VERSION,
    },
  }
}

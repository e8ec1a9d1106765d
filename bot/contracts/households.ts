// Shared by the server and the LIFF apps (imported as @contracts/households.js): plain data and types, no imports.
// The household registry, its coverage of the zone and the citizen's announcement switch (issue #14).
import {
  ANNOUNCEMENT_TOPICS,
  type AnnouncementTopic,
  type HouseholdRole,
  type HouseholdSource,
} from './announcements.js'
import type { Jurisdiction, LatLng, ThaiAddress } from './house-watch.js'

/** A household's number of people: at least one, at most this many (a dormitory is several households). */
export const MAX_HOUSEHOLD_MEMBERS = 50
/** Invite codes: 8 characters of this alphabet (no 0/O, 1/I: read aloud and typed on a phone). */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const INVITE_CODE_LENGTH = 8

const THAI_DIGITS = /[\u0E50-\u0E59]/g
/** Prefixes people write in front of an address part ("ซ.", "ซอย", "หมู่ที่", "ม.", "ต.", "ถนน"…), removed for the key. */
const PREFIXES = /^(ซอย|ซ\.|หมู่ที่|หมู่|ม\.|ตำบล|ต\.|แขวง|ถนน|ถ\.|บ้านเลขที่|เลขที่|soi|moo|tambon|road|rd\.?|no\.?)\s*/iu

/** One part of an address as the key compares it: Thai digits as Arabic, no prefix, no spaces or dots, lower case. */
export function keyPart(value: string | null | undefined): string {
  // NFKC splits สระอำ into nikhahit + sara aa: put it back, as people type it.
  let v = (value ?? '')
    .normalize('NFKC')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
  v = v.trim().toLowerCase()
  for (let i = 0; i < 2; i++) {
    v = v.replace(PREFIXES, '')
  }
  v = v.replace(/[\s.,\-–]+/g, '')
  // "หมู่ 04" and "4" are the same หมู่.
  return /^\d+$/.test(v) ? String(Number(v)) : v
}

/**
 * The normalised key of an address in the zone: house number, หมู่, the street (ซอย, else the road) and ตำบล (a house
 * number is unique within them). The imported list and a registered household meet on it (zone_addresses.key,
 * households.zone_address_id).
 */
export function addressKey(a: {
  houseNo: string
  moo?: string | null | undefined
  soi?: string | null | undefined
  road?: string | null | undefined
  subdistrict: string
}) {
  const houseNo = keyPart(a.houseNo).replace(/[^0-9a-z/\u0E00-\u0E7F]/g, '')
  const street = keyPart(a.soi) || keyPart(a.road)
  return [houseNo, keyPart(a.moo), street, keyPart(a.subdistrict)].join('|')
}

// --- The citizen's side (LIFF API /api/liff/household…, bot/households; liff/src/pages/household) ---

/** What the citizen sends to register or edit the household. */
export type HouseholdInput = {
  address: ThaiAddress
  location: LatLng
  members: number
  language: 'th' | 'en'
  topics: AnnouncementTopic[]
}

export const HOUSEHOLD_ADDRESS_FIELDS = [
  'houseNo',
  'moo',
  'village',
  'soi',
  'road',
  'subdistrict',
  'district',
  'province',
  'postcode',
] as const
const REQUIRED_ADDRESS: readonly string[] = ['houseNo', 'subdistrict', 'district', 'province', 'postcode']

/** A problem with one field of the household form, in Thai and English. */
export type HouseholdIssue = { field: string; th: string; en: string }

/**
 * The household form's one check, shared by the page and the server: every problem by field, or the clean input.
 * A draft is what the form (or a client) sent, any shape.
 */
export function validateHousehold(draft: Record<string, unknown>): {
  issues: HouseholdIssue[]
  input?: HouseholdInput
} {
  const issues: HouseholdIssue[] = []
  const raw = (draft.address ?? {}) as Record<string, unknown>
  const address: Record<string, string> = {}
  for (const f of HOUSEHOLD_ADDRESS_FIELDS) {
    const v = typeof raw[f] === 'string' ? (raw[f] as string).trim().slice(0, 200) : ''
    if (v) {
      address[f] = v
    } else if (REQUIRED_ADDRESS.includes(f)) {
      issues.push({ field: `address.${f}`, th: 'กรุณากรอกช่องนี้', en: 'Please fill this in' })
    }
  }
  if (address.postcode && !/^\d{5}$/.test(address.postcode)) {
    issues.push({ field: 'address.postcode', th: 'รหัสไปรษณีย์ 5 หลัก', en: 'A 5-digit postcode' })
  }
  const loc = draft.location as { lat?: unknown; lng?: unknown } | null | undefined
  const lat = Number(loc?.lat)
  const lng = Number(loc?.lng)
  const location =
    loc && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
      ? { lat, lng }
      : null
  if (!location) {
    issues.push({ field: 'location', th: 'กรุณาปักหมุดตำแหน่งบ้านบนแผนที่', en: 'Please pin your house on the map' })
  }
  const members = Number(draft.members)
  if (!Number.isInteger(members) || members < 1 || members > MAX_HOUSEHOLD_MEMBERS) {
    issues.push({
      field: 'members',
      th: `จำนวนสมาชิก 1–${MAX_HOUSEHOLD_MEMBERS} คน`,
      en: `Between 1 and ${MAX_HOUSEHOLD_MEMBERS} people`,
    })
  }
  const language = draft.language === 'en' ? 'en' : draft.language === 'th' ? 'th' : null
  if (!language) {
    issues.push({ field: 'language', th: 'กรุณาเลือกภาษา', en: 'Please choose a language' })
  }
  const topicsRaw = Array.isArray(draft.topics) ? draft.topics : []
  const topics = ANNOUNCEMENT_TOPICS.filter((t) => topicsRaw.includes(t))
  if (topics.length === 0) {
    issues.push({
      field: 'topics',
      th: 'เลือกอย่างน้อยหนึ่งเรื่อง (หากไม่ต้องการข่าวสารเลย ปิดได้ที่หน้าการตั้งค่า)',
      en: 'Choose at least one (to receive no announcements at all, turn them off in Settings)',
    })
  }
  if (issues.length > 0 || !location || !language) {
    return { issues }
  }
  return { issues, input: { address: address as unknown as ThaiAddress, location, members, language, topics } }
}

/** The citizen's household as the page shows it. */
export type HouseholdView = {
  id: string
  role: HouseholdRole
  source: HouseholdSource
  address: ThaiAddress
  location: LatLng | null
  members: number
  language: 'th' | 'en'
  topics: AnnouncementTopic[]
  /** LINE users in it (the citizen included). */
  lineUsers: number
  /** Matched to the zone's imported address list. */
  matched: boolean
  /** The owner only: the code and the LIFF link to share by LINE. */
  invite: { code: string; url: string } | null
}

/** GET /api/liff/household: the household (if any), the announcement switch and what the form needs. */
export type MyHousehold = {
  household: HouseholdView | null
  announcementsOff: boolean
  station: { nameTh: string; nameEn: string; phone: string }
  jurisdiction: Jurisdiction | null
  center: LatLng
}

/** GET /api/liff/household/invite?code=: what a person about to join sees (no one's name). */
export type InvitePreview = { soi: string | null; subdistrict: string; members: number; lineUsers: number }

// --- The officers' side (bot/households/admin; liff/admin/src/pages/households) ---

/** POST /api/admin/zone-addresses/import: a CSV's problems by line (nothing saved), or what it did. */
export type ImportProblem = { line: number; problems: string[] }
export type ImportResult = { rows: number; inserted: number; updated: number; total: number }

/** Coverage of one area: imported addresses, those with a registered household, households, people, LINE users. */
export type CoverageRow = {
  municipality: string | null
  subdistrict: string
  total: number
  registered: number
  households: number
  members: number
  lineUsers: number
}

export type Coverage = {
  total: number
  registered: number
  /** Registered households, matched to the list or not. */
  households: number
  /** Households whose address is not in the imported list (a new house, a typo). */
  unmatched: number
  members: number
  lineUsers: number
  byMunicipality: Omit<CoverageRow, 'subdistrict'>[]
  bySubdistrict: CoverageRow[]
  /** Registered households on a ~100 m grid (no single house is pinned): [lat, lng, households]. */
  density: [number, number, number][]
}

/** GET /api/admin/households/areas: what the audience picker offers. */
export type HouseholdAreas = {
  municipalities: {
    name: string | null
    subdistricts: {
      name: string
      addresses: number
      households: number
      sois: { name: string; households: number; addresses: number }[]
    }[]
  }[]
}

/** One household in the officers' list: the address as much as needed, no one's name. */
export type HouseholdListItem = {
  id: string
  address: string
  subdistrict: string
  municipality: string | null
  soi: string | null
  members: number
  lineUsers: number
  language: 'th' | 'en'
  source: HouseholdSource
  matched: boolean
  createdAt: string
}

import { HW_CONSENT_VERSION } from '../../../bot/contracts/house-watch-enrol.js'
import { bangkokToday } from '../../../bot/contracts/lost-documents/rules.js'

/** A Bangkok date `n` days from today (the API checks periods against the real clock). */
export function day(n: number): string {
  const today = Date.parse(`${bangkokToday(new Date())}T00:00:00Z`)
  return new Date(today + n * 86_400_000).toISOString().slice(0, 10)
}

/** Inside the seeded Rayong City zone: near Wat Lum Mahachai Chumphon. */
export const IN_ZONE = { lat: 12.6795, lng: 101.276 }
/** Outside it, near Map Ta Phut (the nearest seeded neighbour there). */
export const NEAR_MAP_TA_PHUT = { lat: 12.714, lng: 101.17 }

/** A complete, valid enrolment as the form sends it; `over` replaces fields. */
export function enrolment(over: Record<string, unknown> = {}) {
  return {
    ownerName: 'สมชาย ใจดี',
    phone: '081-234-5678',
    address: {
      houseNo: '12/3',
      moo: '4',
      soi: 'ยมจินดา 2',
      road: 'ยมจินดา',
      subdistrict: 'ท่าประดู่',
      district: 'เมืองระยอง',
      province: 'ระยอง',
      postcode: '21000',
    },
    location: { ...IN_ZONE, source: 'gps' },
    startsOn: day(0),
    endsOn: day(6),
    emergencyName: 'สมหญิง ใจดี',
    emergencyPhone: '0898765432',
    notes: 'แมว 2 ตัว มีคนมาให้อาหารทุกเช้า\nรถกระบะจอดในบ้าน',
    notify: 'daily_digest',
    consent: true,
    consentVersion: HW_CONSENT_VERSION,
    ...over,
  }
}

/** A 1×1 PNG, base64. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

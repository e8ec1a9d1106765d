import type { Language, OfficerRole } from '../../../db/schema/index.js'
import { addressLanguage, addressPart, englishAddress, isLatin } from '../../contracts/lost-documents/address-format.js'

/**
 * How a record writes people's data: Buddhist Era dates in Asia/Bangkok and structured Thai addresses. Numbers are
 * masked with bot/privacy/mask.ts, like everywhere else.
 */

function inZone(zone: string) {
  return {
    th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
      timeZone: zone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }),
    en: new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' }),
    time: new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  }
}
const bangkok = inZone('Asia/Bangkok')
const utc = inZone('UTC')

function beYear(d: Date, zone: ReturnType<typeof inZone>): string {
  return zone.th.formatToParts(d).find((p) => p.type === 'year')?.value ?? ''
}

/**
 * An instant as a record writes it, in Asia/Bangkok: `26 พฤศจิกายน 2569 เวลา 14:05 น.` (Buddhist Era) or
 * `26 November 2026 (B.E. 2569), 14:05`.
 */
export function recordDateTime(lang: Language, at: Date, withTime = true): string {
  const hm = bangkok.time.format(at)
  if (lang === 'th') {
    return withTime ? `${bangkok.th.format(at)} เวลา ${hm} น.` : bangkok.th.format(at)
  }
  const date = `${bangkok.en.format(at)} (B.E. ${beYear(at, bangkok)})`
  return withTime ? `${date}, ${hm}` : date
}

/** A calendar date (`YYYY-MM-DD`, e.g. a date of birth): no time zone may shift it. */
export function recordDate(lang: Language, ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) {
    return ymd
  }
  return lang === 'th' ? utc.th.format(d) : `${utc.en.format(d)} (B.E. ${beYear(d, utc)})`
}

/**
 * A structured Thai address in postal order; Bangkok uses แขวง/เขต instead of ตำบล/อำเภอ/จังหวัด. Printed in the
 * language it was given in, whatever the record's language: Thai labels never go in front of English words.
 */
export function formatAddress(a: Record<string, string | undefined>): string {
  if (addressLanguage(a) === 'en') {
    return englishAddress(a)
  }
  const bkk = /กรุงเทพ|bangkok/i.test(a.province ?? '')
  const parts: [string, string][] = [
    ['เลขที่ ', 'houseNo'],
    ['', 'village'],
    ['หมู่ ', 'moo'],
    ['ซอย', 'soi'],
    ['ถนน', 'road'],
    [bkk ? 'แขวง' : 'ตำบล', 'subdistrict'],
    [bkk ? 'เขต' : 'อำเภอ', 'district'],
    [bkk ? '' : 'จังหวัด', 'province'],
    ['', 'postcode'],
  ]
  return parts
    .filter(([, field]) => a[field]?.trim())
    .map(([prefix, field]) => `${isLatin(a[field]) ? '' : prefix}${addressPart(field, a[field])}`)
    .join(' ')
}

export const ID_TYPE_LABELS: Record<string, { th: string; en: string }> = {
  thai_id: { th: 'บัตรประจำตัวประชาชน', en: 'Thai ID card' },
  passport: { th: 'หนังสือเดินทาง', en: 'Passport' },
  alien_id: { th: 'บัตรประจำตัวคนซึ่งไม่มีสัญชาติไทย', en: 'Non-Thai ID card' },
  work_permit: { th: 'ใบอนุญาตทำงาน', en: 'Work permit' },
}

/** The officer's function as printed under their name (system roles, not police ranks: the rank is in fullName). */
export const ROLE_LABELS: Record<OfficerRole, { th: string; en: string }> = {
  admin: { th: 'เจ้าหน้าที่ตำรวจ (ผู้ดูแลระบบ)', en: 'Police officer (administrator)' },
  supervisor: { th: 'ผู้บังคับบัญชา', en: 'Supervising officer' },
  duty_officer: { th: 'เจ้าหน้าที่เวร', en: 'Duty officer' },
  legal_advisor: { th: 'เจ้าหน้าที่ฝ่ายกฎหมาย', en: 'Legal affairs officer' },
  patrol_officer: { th: 'เจ้าหน้าที่สายตรวจ', en: 'Patrol officer' },
  ccoc_operator: { th: 'เจ้าหน้าที่ศูนย์ CCOC', en: 'CCOC operator' },
  viewer: { th: 'เจ้าหน้าที่ตำรวจ', en: 'Police officer' },
}

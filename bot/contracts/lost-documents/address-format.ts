import { ADDRESS_FIELDS } from './draft.js'

/**
 * A structured Thai address on one line. Labels follow the language the address was given in, never the reader's:
 * Thai in the Thai order with the usual abbreviations ("12/3 หมู่ 4 ถ.สุขุมวิท ต.เชิงเนิน อ.เมืองระยอง จ.ระยอง
 * 21000"), an address typed in English the English way ("99, Moo 4, Sukhumvit Road, Noen Phra Subdistrict, Mueang
 * Rayong District, Rayong, 21150"): "ต.Noen Phra" mixes two languages in one word. Pure, like the rest of this folder: the chat, the
 * receipt, the LIFF pages and the record all write an address the same way.
 */
const THAI_PREFIX: Record<string, string> = {
  moo: 'หมู่ ',
  soi: 'ซ.',
  road: 'ถ.',
  subdistrict: 'ต.',
  district: 'อ.',
  province: 'จ.',
}

const THAI = /[\u0E00-\u0E7F]/
const LATIN = /[A-Za-z]/

/** Written in English letters only (a Thai label does not go in front of it). */
export function isLatin(value: string | undefined): boolean {
  return !!value && LATIN.test(value) && !THAI.test(value)
}

/**
 * Provinces of the station's zone by their Thai name: before issue #8 the English chat's "Rayong" button stored
 * "ระยอง", so an address typed in English may end in the Thai name. Such an address is still an English one.
 */
const PROVINCE_EN: Record<string, string> = { ระยอง: 'Rayong' }

function withEnglishProvince(a: Record<string, string | undefined>): Record<string, string | undefined> {
  const province = PROVINCE_EN[addressPart('province', a.province)]
  return province ? { ...a, province } : a
}

function languageOf(a: Record<string, string | undefined>): 'th' | 'en' {
  const values = Object.values(a).filter((v): v is string => !!v?.trim())
  return values.some((v) => THAI.test(v)) || !values.some((v) => LATIN.test(v)) ? 'th' : 'en'
}

/**
 * The language of an address: Thai as soon as one part is written in Thai, English when its words are English (a
 * zone province stored by its Thai name does not make an English address Thai).
 */
export function addressLanguage(a: Record<string, string | undefined>): 'th' | 'en' {
  return languageOf(a) === 'en' || languageOf(withEnglishProvince(a)) === 'en' ? 'en' : 'th'
}

/** What people type before the value themselves ("ซอยลับเฉพาะ 7", "ถ.สุขุมวิท"): dropped so it is not printed twice. */
const TYPED_PREFIX: Record<string, RegExp> = {
  houseNo: /^(บ้านเลขที่|เลขที่)\s*/,
  moo: /^(หมู่ที่|หมู่|ม\.|moo)\s*/i,
  soi: /^(ซอย|ซ\.|soi)\s*/i,
  road: /^(ถนน|ถ\.)\s*/,
  subdistrict: /^(ตำบล|ต\.|แขวง)\s*/,
  district: /^(อำเภอ|อ\.|เขต)\s*/,
  province: /^(จังหวัด|จ\.)\s*/,
}

/** An address field as the citizen typed it, without the label they may have typed in front of it. */
export function addressPart(field: string, value: string | undefined): string {
  const v = value?.trim() ?? ''
  const prefix = TYPED_PREFIX[field]
  return prefix ? v.replace(prefix, '').trim() || v : v
}

/**
 * An address given in English, in the English order with English labels: "99, Moo 4, Soi 7, Sukhumvit Road, Noen Phra
 * Subdistrict, Mueang Rayong District, Rayong, 21150" (a label the citizen typed themselves is not added twice).
 */
export function englishAddress(given: Record<string, string | undefined>): string {
  const a = withEnglishProvince(given)
  const label: Record<string, (v: string) => string> = {
    moo: (v) => `Moo ${v}`,
    soi: (v) => `Soi ${v}`,
    road: (v) => (/\b(road|rd\.?)$/i.test(v) ? v : `${v} Road`),
    subdistrict: (v) => (/\b(sub-?district|tambon|khwaeng)\b/i.test(v) ? v : `${v} Subdistrict`),
    district: (v) => (/\b(district|amphoe|khet)\b/i.test(v) ? v : `${v} District`),
  }
  return ADDRESS_FIELDS.filter((k) => a[k]?.trim())
    .map((k) => {
      const v = addressPart(k, a[k])
      return label[k] && !THAI.test(v) ? (label[k] as (v: string) => string)(v) : v
    })
    .join(', ')
}

/** `lang` is the reader's; the labels are the address's own (see above). */
export function formatAddress(_lang: 'th' | 'en', a: Record<string, string | undefined>): string {
  if (addressLanguage(a) === 'en') {
    return englishAddress(a)
  }
  return ADDRESS_FIELDS.filter((k) => a[k]?.trim())
    .map((k) => `${isLatin(a[k]) ? '' : (THAI_PREFIX[k] ?? '')}${addressPart(k, a[k])}`)
    .join(' ')
}

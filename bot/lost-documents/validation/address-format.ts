/**
 * A structured Thai address on one line, in the Thai order with the usual abbreviations ("12/3 หมู่ 4 ถ.สุขุมวิท
 * ต.เชิงเนิน อ.เมืองระยอง จ.ระยอง 21000"). Pure, like the rest of this folder: the chat, the receipt and the LIFF
 * pages all write an address the same way.
 */
const PREFIX = {
  th: { moo: 'หมู่ ', soi: 'ซ.', road: 'ถ.', subdistrict: 'ต.', district: 'อ.', province: 'จ.' },
  en: { moo: 'Moo ', soi: 'Soi ', road: '', subdistrict: '', district: '', province: '' },
} as const

/** What people type before the value themselves ("ซอยลับเฉพาะ 7", "ถ.สุขุมวิท"): dropped so it is not printed twice. */
const TYPED_PREFIX: Record<string, RegExp> = {
  houseNo: /^(บ้านเลขที่|เลขที่)\s*/,
  moo: /^(หมู่ที่|หมู่|ม\.)\s*/,
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

const ORDER = ['houseNo', 'village', 'moo', 'soi', 'road', 'subdistrict', 'district', 'province', 'postcode'] as const

export function formatAddress(lang: 'th' | 'en', a: Record<string, string | undefined>): string {
  const prefix: Record<string, string> = PREFIX[lang]
  return ORDER.filter((k) => a[k]?.trim())
    .map((k) => `${prefix[k] ?? ''}${addressPart(k, a[k])}`)
    .join(lang === 'th' ? ' ' : ', ')
}

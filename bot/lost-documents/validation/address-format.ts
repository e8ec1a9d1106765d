/**
 * A structured Thai address on one line, in the Thai order with the usual abbreviations ("12/3 หมู่ 4 ถ.สุขุมวิท
 * ต.เชิงเนิน อ.เมืองระยอง จ.ระยอง 21000"). Pure, like the rest of this folder: the chat, the receipt and the LIFF
 * pages all write an address the same way.
 */
const PREFIX = {
  th: { moo: 'หมู่ ', soi: 'ซ.', road: 'ถ.', subdistrict: 'ต.', district: 'อ.', province: 'จ.' },
  en: { moo: 'Moo ', soi: 'Soi ', road: '', subdistrict: '', district: '', province: '' },
} as const

const ORDER = ['houseNo', 'village', 'moo', 'soi', 'road', 'subdistrict', 'district', 'province', 'postcode'] as const

export function formatAddress(lang: 'th' | 'en', a: Record<string, string | undefined>): string {
  const prefix: Record<string, string> = PREFIX[lang]
  return ORDER.filter((k) => a[k]?.trim())
    .map((k) => `${prefix[k] ?? ''}${a[k]?.trim()}`)
    .join(lang === 'th' ? ' ' : ', ')
}

// No imports: the unit tests read this module under the server's TypeScript settings (no DOM).
type Lang = 'th' | 'en'
type Label = { th: string; en: string }

/**
 * An audit entry's details for people: "เหตุผล: ตรวจสอบตัวตน · ข้อมูล: declarantName" instead of raw JSON. Keys the
 * table knows get words; others keep their name. A change is "before → after". The raw JSON stays in the CSV.
 */
const KEY_LABELS: Record<string, Label> = {
  reason: { th: 'เหตุผล', en: 'Reason' },
  field: { th: 'ข้อมูล', en: 'Field' },
  fields: { th: 'ข้อมูล', en: 'Fields' },
  from: { th: 'จาก', en: 'From' },
  to: { th: 'เป็น', en: 'To' },
  status: { th: 'สถานะ', en: 'Status' },
  role: { th: 'บทบาท', en: 'Role' },
  source: { th: 'ที่มา', en: 'Source' },
  lang: { th: 'ภาษา', en: 'Language' },
  rows: { th: 'จำนวนแถว', en: 'Rows' },
  truncated: { th: 'ตัดเหลือบางส่วน', en: 'Truncated' },
  filters: { th: 'ตัวกรอง', en: 'Filters' },
  active: { th: 'ใช้งาน', en: 'Active' },
  displayName: { th: 'ชื่อที่แสดง', en: 'Display name' },
  fullName: { th: 'ชื่อ-นามสกุล', en: 'Full name' },
  assigneeId: { th: 'ผู้รับผิดชอบ', en: 'Assignee' },
  ground: { th: 'เหตุผลทางกฎหมาย', en: 'Legal ground' },
}

const YES_NO: Record<string, Label> = { true: { th: 'ใช่', en: 'yes' }, false: { th: 'ไม่ใช่', en: 'no' } }

/** Words for a key's string values (a field's label, a status' name), given by the page that has the tables. */
export type ValueWords = Partial<Record<string, (value: string) => string>>

function valueText(lang: Lang, value: unknown, words: ValueWords = {}, key = ''): string {
  if (value === null || value === undefined || value === '') {
    return '—'
  }
  if (typeof value === 'boolean') {
    return (YES_NO[String(value)] as Label)[lang]
  }
  if (Array.isArray(value)) {
    return value.map((v) => valueText(lang, v, words, key)).join(', ')
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>
    if ('from' in o && 'to' in o && Object.keys(o).length === 2) {
      return `${valueText(lang, o.from, words, key)} → ${valueText(lang, o.to, words, key)}`
    }
    const parts = Object.entries(o).filter(([, v]) => v !== undefined && v !== '')
    return parts.length
      ? `(${parts.map(([k, v]) => `${keyText(lang, k)} ${valueText(lang, v, words, k)}`).join(', ')})`
      : '—'
  }
  const word = typeof value === 'string' ? words[key] : undefined
  return word ? word(value as string) : String(value)
}

function keyText(lang: Lang, key: string): string {
  return KEY_LABELS[key]?.[lang] ?? key
}

/** The details as one line of "label: value" parts, '' when there are none. */
export function auditDetailsText(
  lang: Lang,
  details: Record<string, unknown> | null | undefined,
  words: ValueWords = {},
): string {
  if (!details) {
    return ''
  }
  return Object.entries(details)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${keyText(lang, k)}: ${valueText(lang, v, words, k)}`)
    .join(' · ')
}

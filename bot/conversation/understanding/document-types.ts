import { createOptionMatcher, type Option, type OptionMatch } from './options.js'

/** The fields of a document_types row that naming needs (db/schema DocumentType fits). */
type TypeNames = { code: string; nameTh: string; nameEn: string }

/**
 * How people name the seeded document types (db/migrations/0005_seed_document_types.sql), keyed by type code, for
 * typed answers to "which document?". Types added later by admins are still matched by their names.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  thai_id_card: [
    'บัตรประชาชน',
    'ปชช',
    'บัตรประจำตัว',
    'id card',
    'thai id',
    'thai id card',
    'national id',
    'national id card',
    'citizen id',
    'identity card',
  ],
  driving_licence: [
    'ใบขับขี่',
    'ใบขับรถ',
    'ใบอนุญาตขับขี่',
    'ใบขับขี่รถยนต์',
    'ใบขับขี่มอเตอร์ไซค์',
    'driving license',
    'driver license',
    'drivers license',
    'license',
  ],
  thai_passport: ['พาสปอร์ตไทย', 'หนังสือเดินทางไทย', 'thai passport'],
  foreign_passport: ['พาสปอร์ตต่างประเทศ', 'พาสปอร์ตต่างชาติ', 'หนังสือเดินทางต่างชาติ', 'foreign passport'],
  bank_book: ['สมุดบัญชี', 'สมุดบัญชีธนาคาร', 'สมุดเงินฝาก', 'บุ๊คแบงค์', 'bank book', 'bankbook', 'passbook'],
  atm_card: ['บัตรเอทีเอ็ม', 'บัตร atm', 'atm', 'เอทีเอ็ม', 'บัตรเดบิต', 'atm card', 'debit card'],
  credit_card: ['บัตรเครดิต', 'เครดิต', 'credit card'],
  house_registration: ['ทะเบียนบ้าน', 'สำเนาทะเบียนบ้าน', 'เล่มทะเบียนบ้าน', 'house registration', 'house book'],
  student_card: ['บัตรนักเรียน', 'บัตรนักศึกษา', 'student card', 'student id'],
  alien_id_card: ['บัตรต่างด้าว', 'บัตรคนต่างด้าว', 'บัตรชมพู', 'บัตรสีชมพู', 'pink card', 'alien card'],
  work_permit: ['ใบอนุญาตทำงาน', 'เวิร์คเพอร์มิต', 'เวิร์กเพอร์มิต', 'work permit'],
  government_id_card: ['บัตรข้าราชการ', 'บัตรประจำตัวข้าราชการ', 'บัตรเจ้าหน้าที่รัฐ', 'government id', 'civil servant card'],
  vehicle_registration_book: [
    'เล่มทะเบียนรถ',
    'เล่มทะเบียน',
    'ทะเบียนรถ',
    'สมุดทะเบียนรถ',
    'เล่มเขียว',
    'car registration book',
    'green book',
  ],
  licence_plate: ['ป้ายทะเบียน', 'ป้ายทะเบียนรถ', 'ป้ายรถ', 'license plate', 'number plate'],
  land_title_deed: ['โฉนด', 'โฉนดที่ดิน', 'นส3', 'land title', 'title deed', 'chanote'],
  cheque_book: ['สมุดเช็ค', 'เช็ค', 'เช็ก', 'cheque book', 'check book', 'checkbook'],
  other: ['อื่น', 'อื่นๆ', 'เอกสารอื่น', 'อย่างอื่น', 'other', 'others', 'something else'],
}

/**
 * A bare "passport" means the citizen's own: a Thai passport for someone chatting in Thai, a foreign one for someone
 * chatting in English. A design choice: the flow asks again (the buttons) only if that guess is refused.
 */
const PASSPORT = ['passport', 'พาสปอร์ต', 'หนังสือเดินทาง', 'เล่มพาสปอร์ต']

/** Labels split where the seed puts two names in one ("บัตรเอทีเอ็ม / บัตรเดบิต", "ใบอนุญาตทำงาน (Work Permit)"). */
const names = (label: string) => [label, ...label.split(/[/()]/).map((s) => s.trim())].filter(Boolean)

export function documentTypeOptions(types: readonly TypeNames[], lang: 'th' | 'en'): Option[] {
  const passport = lang === 'th' ? 'thai_passport' : 'foreign_passport'
  return types.map((t) => ({
    id: t.code,
    labels: [...names(t.nameTh), ...names(t.nameEn)],
    synonyms: [...(SYNONYMS[t.code] ?? []), ...(t.code === passport ? PASSPORT : [])],
  }))
}

const matchers = new Map<string, (text: string) => OptionMatch<Option> | undefined>()

/**
 * A typed answer to "which document?" against the station's current types. The types are read from the database on
 * every turn (a new array each time), so the compiled matcher is kept per distinct list of names and language;
 * admins rarely rename types, and a handful of lists at most are ever kept.
 */
export function matchDocumentType(text: string, types: readonly TypeNames[], lang: 'th' | 'en') {
  const key = `${lang}\u0001${types.map((t) => `${t.code}\u0002${t.nameTh}\u0002${t.nameEn}`).join('\u0001')}`
  let matcher = matchers.get(key)
  if (!matcher) {
    if (matchers.size >= 8) {
      matchers.clear()
    }
    matcher = createOptionMatcher(documentTypeOptions(types, lang))
    matchers.set(key, matcher)
  }
  return matcher(text)
}

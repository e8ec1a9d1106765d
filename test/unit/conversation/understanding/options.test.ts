import { describe, expect, it } from 'vitest'
import { documentTypeOptions, matchDocumentType } from '../../../../bot/conversation/understanding/document-types.js'
import { createOptionMatcher, matchOption, type Option } from '../../../../bot/conversation/understanding/options.js'

/** The 17 seeded document types (db/migrations/0005_seed_document_types.sql), names as seeded. */
const TYPES = [
  ['thai_id_card', 'บัตรประจำตัวประชาชน', 'Thai national ID card'],
  ['driving_licence', 'ใบอนุญาตขับรถ', 'Driving licence'],
  ['thai_passport', 'หนังสือเดินทางไทย', 'Thai passport'],
  ['foreign_passport', 'หนังสือเดินทางต่างประเทศ', 'Foreign passport'],
  ['bank_book', 'สมุดบัญชีเงินฝาก', 'Bank passbook'],
  ['atm_card', 'บัตรเอทีเอ็ม / บัตรเดบิต', 'ATM / debit card'],
  ['credit_card', 'บัตรเครดิต', 'Credit card'],
  ['house_registration', 'ทะเบียนบ้าน', 'House registration book'],
  ['student_card', 'บัตรนักเรียน / นักศึกษา', 'Student card'],
  ['alien_id_card', 'บัตรประจำตัวคนซึ่งไม่มีสัญชาติไทย', 'Alien ID card (non-Thai)'],
  ['work_permit', 'ใบอนุญาตทำงาน (Work Permit)', 'Work permit'],
  ['government_id_card', 'บัตรประจำตัวเจ้าหน้าที่ของรัฐ', 'Government officer ID card'],
  ['vehicle_registration_book', 'เล่มทะเบียนรถ', 'Vehicle registration book'],
  ['licence_plate', 'ป้ายทะเบียนรถ', 'Vehicle licence plate'],
  ['land_title_deed', 'โฉนดที่ดิน', 'Land title deed'],
  ['cheque_book', 'สมุดเช็ค', 'Cheque book'],
  ['other', 'เอกสารอื่น ๆ', 'Other document'],
].map(([code, nameTh, nameEn]) => ({ code: code as string, nameTh: nameTh as string, nameEn: nameEn as string }))

const TH = documentTypeOptions(TYPES, 'th')
const EN = documentTypeOptions(TYPES, 'en')

describe('matchOption: typed document types', () => {
  it.each([
    ['บัตรประชาชน', 'thai_id_card', 'exact'],
    ['บัตร ปชช', 'thai_id_card', 'exact'],
    ['บัตรปชช.', 'thai_id_card', 'exact'],
    ['บัตรประชาชนค่ะ', 'thai_id_card', 'exact'],
    ['บัตรประจําตัวประชาชน', 'thai_id_card', 'exact'],
    ['id card', 'thai_id_card', 'exact'],
    ['ID Card', 'thai_id_card', 'exact'],
    ['passport', 'thai_passport', 'exact'],
    ['พาสปอร์ต', 'thai_passport', 'exact'],
    ['พาสปอต', 'thai_passport', 'exact'],
    ['หนังสือเดินทาง', 'thai_passport', 'exact'],
    ['หนังสือเดินทางต่างประเทศ', 'foreign_passport', 'exact'],
    ['ใบขับขี่', 'driving_licence', 'exact'],
    ['ใบขับขี่ครับ', 'driving_licence', 'exact'],
    ['driving license', 'driving_licence', 'exact'],
    ['Driving licence', 'driving_licence', 'exact'],
    ['บัตร ATM', 'atm_card', 'exact'],
    ['บัตรเดบิต', 'atm_card', 'exact'],
    ['สมุดบัญชี', 'bank_book', 'exact'],
    ['ทะเบียนบ้าน', 'house_registration', 'exact'],
    ['บัตรนักศึกษา', 'student_card', 'exact'],
    ['work permit', 'work_permit', 'exact'],
    ['เล่มทะเบียนรถ', 'vehicle_registration_book', 'exact'],
    ['ป้ายทะเบียน', 'licence_plate', 'exact'],
    ['โฉนด', 'land_title_deed', 'exact'],
    ['สมุดเช็ค', 'cheque_book', 'exact'],
    ['อื่นๆ', 'other', 'exact'],
    ['ทำบัตรประชาชนหาย', 'thai_id_card', 'contained'],
    ['ใบขับขี่หายครับ', 'driving_licence', 'contained'],
    ['my thai passport', 'thai_passport', 'contained'],
    ['ป้ายทะเบียนรถหน้า', 'licence_plate', 'contained'],
    ['นักเรียน', 'student_card', 'contained'],
    ['บัตรเครดิตค่ะ', 'credit_card', 'exact'],
    ['บัตรเครดด', 'credit_card', 'typo'],
    ['ใบขับขี', 'driving_licence', 'typo'],
    ['pasport', 'thai_passport', 'exact'],
    ['passprot', 'thai_passport', 'typo'],
    ['hose registration', 'house_registration', 'typo'],
  ])('"%s" → %s (%s)', (text, id, how) => {
    expect(matchOption(text, TH)).toMatchObject({ option: { id }, how })
  })

  it('reads a bare "passport" as the chatter\'s own: Thai in Thai, foreign in English', () => {
    expect(matchOption('passport', TH)?.option.id).toBe('thai_passport')
    expect(matchOption('passport', EN)?.option.id).toBe('foreign_passport')
    expect(matchOption('thai passport', EN)?.option.id).toBe('thai_passport')
  })

  it('matches against rows read afresh each turn without recompiling them', () => {
    const fresh = () => TYPES.map((t) => ({ ...t }))
    expect(matchDocumentType('บัตร ปชช', fresh(), 'th')?.option.id).toBe('thai_id_card')
    expect(matchDocumentType('passport', fresh(), 'en')?.option.id).toBe('foreign_passport')
    const renamed = fresh().map((t) => (t.code === 'other' ? { ...t, nameTh: 'อื่น ๆ (ระบุ)' } : t))
    expect(matchDocumentType('ระบุ', renamed, 'th')?.option.id).toBe('other')
  })

  it.each([['บัตร'], ['ทะเบียน'], ['บัตรประชาชนกับใบขับขี่'], ['สมชาย ใจดี'], ['ครับ'], ['']])(
    '"%s" is ambiguous or unknown: undefined',
    (text) => {
      expect(matchOption(text, TH)).toBeUndefined()
    },
  )
})

describe('createOptionMatcher', () => {
  const YES_NO: Option<'yes' | 'no'>[] = [
    { id: 'yes', labels: ['ใช้ข้อมูลเดิม', 'Use my details'], synonyms: ['ใช่', 'ใช้', 'yes', 'ok', 'โอเค'] },
    { id: 'no', labels: ['กรอกใหม่', 'Enter new details'], synonyms: ['ไม่', 'ไม่ใช้', 'no', 'ใหม่'] },
  ]
  const read = createOptionMatcher(YES_NO)

  it('reads typed labels and synonyms, keeping the option type', () => {
    expect(read('ใช้ข้อมูลเดิมค่ะ')?.option.id).toBe('yes')
    expect(read('Enter new details')?.option.id).toBe('no')
    expect(read('โอเคครับ')?.option.id).toBe('yes')
    expect(read('ไม่ใช้')?.option.id).toBe('no')
  })

  it('does not guess between options', () => {
    expect(read('ใช่ ไม่')).toBeUndefined()
  })

  it('compiles an options array once', () => {
    const options = [{ id: 'a', labels: ['แอปเปิ้ล'] }]
    expect(matchOption('แอปเปิ้ล', options)?.option).toBe(options[0])
    expect(matchOption('แอปเปิ้ล', options)?.option).toBe(options[0])
  })
})

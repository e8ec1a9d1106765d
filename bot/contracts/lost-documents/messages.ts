/**
 * What each validation problem says, in Thai and English, naming the field so the citizen knows what to fix.
 * Pure data: the LIFF form shows the same words as the server's 400 answer and the chat.
 */
export const ISSUE_MESSAGES = {
  'declarantName.required': ['กรุณากรอกชื่อ-นามสกุลผู้แจ้ง', "Please enter the declarant's full name"],
  'declarantName.length': ['ชื่อ-นามสกุลผู้แจ้งยาวเกินไป', "The declarant's name is too long"],
  'declarantName.full': [
    'กรุณากรอกทั้งชื่อและนามสกุล โดยเว้นวรรคระหว่างชื่อกับนามสกุล เช่น สมชาย ใจดี',
    'Please enter both the first name and the family name, with a space between them, e.g. Somchai Jaidee',
  ],
  'idType.invalid': ['กรุณาเลือกประเภทบัตรประจำตัว', 'Please choose the type of identity document'],
  'idNumber.required': ['กรุณากรอกเลขบัตรประจำตัว', 'Please enter the identity document number'],
  'idNumber.checksum': [
    'เลขบัตรประชาชนไม่ถูกต้อง กรุณาตรวจสอบทั้ง 13 หลักอีกครั้ง',
    'The Thai national ID number is not valid: please check all 13 digits',
  ],
  'idNumber.format': [
    'เลขหนังสือเดินทาง/บัตรไม่ถูกต้อง (ตัวอักษรภาษาอังกฤษและตัวเลข 6–20 ตัว)',
    'The document number is not valid (6–20 letters and digits)',
  ],
  'idNumber.noPrevious': [
    'ไม่พบเลขบัตรจากการแจ้งครั้งก่อน กรุณากรอกเลขบัตร',
    'No ID number from an earlier report: please enter it',
  ],
  'dateOfBirth.invalid': ['กรุณาระบุวันเดือนปีเกิดให้ครบและถูกต้อง', 'Please enter a complete, real date of birth'],
  'dateOfBirth.future': ['วันเกิดต้องไม่เป็นวันในอนาคต', 'The date of birth cannot be in the future'],
  'dateOfBirth.tooOld': ['วันเกิดไม่ถูกต้อง กรุณาตรวจสอบปีเกิด', 'The date of birth looks wrong: please check the year'],
  'phone.invalid': [
    'เบอร์โทรศัพท์มือถือไม่ถูกต้อง (10 หลัก ขึ้นต้นด้วย 06, 08 หรือ 09)',
    'The mobile number is not valid (10 digits starting 06, 08 or 09, or +66)',
  ],
  'address.houseNo.required': ['กรุณากรอกบ้านเลขที่', 'Please enter the house number'],
  'address.subdistrict.required': ['กรุณากรอกตำบล/แขวง', 'Please enter the subdistrict (tambon)'],
  'address.district.required': ['กรุณากรอกอำเภอ/เขต', 'Please enter the district (amphoe)'],
  'address.province.required': ['กรุณากรอกจังหวัด', 'Please enter the province'],
  'address.postcode.invalid': ['รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก', 'The postcode must be 5 digits'],
  'address.tooLong': ['ข้อมูลที่อยู่ยาวเกินไป', 'This part of the address is too long'],
  'items.min': ['กรุณาเพิ่มเอกสารที่หายอย่างน้อย 1 รายการ', 'Please add at least one lost document'],
  'items.max': ['แจ้งได้ไม่เกิน 10 รายการต่อครั้ง', 'At most 10 documents per report'],
  'items.documentType': ['กรุณาเลือกประเภทเอกสารจากรายการ', 'Please choose the document type from the list'],
  'items.tooLong': ['เลขที่เอกสารหรือผู้ออกยาวเกินไป', 'The document number or issuer is too long'],
  'lostFrom.invalid': ['กรุณาระบุวันและเวลาที่เอกสารหาย', 'Please enter when the documents were lost'],
  'lostFrom.future': ['วันเวลาที่หายต้องไม่เป็นเวลาในอนาคต', 'The time of loss cannot be in the future'],
  'lostFrom.tooOld': ['วันที่หายเก่าเกินไป (ไม่เกิน 10 ปี)', 'The date of loss is too long ago (10 years at most)'],
  'lostTo.invalid': ['วันเวลาสิ้นสุดของช่วงไม่ถูกต้อง', 'The end of the time range is not valid'],
  'lostTo.future': ['วันเวลาสิ้นสุดต้องไม่เป็นเวลาในอนาคต', 'The end of the time range cannot be in the future'],
  'lostTo.beforeStart': ['วันเวลาสิ้นสุดต้องอยู่หลังวันเวลาเริ่มต้น', 'The end of the time range must be after its start'],
  'placeText.required': ['กรุณาระบุสถานที่ที่เอกสารหาย', 'Please say where the documents were lost'],
  'placeText.length': ['คำอธิบายสถานที่ยาวเกินไป', 'The description of the place is too long'],
  'location.invalid': ['ตำแหน่งบนแผนที่ไม่ถูกต้อง', 'The map position is not valid'],
  'circumstances.required': [
    'กรุณาเล่าเหตุการณ์โดยย่อ (อย่างน้อย 5 ตัวอักษร)',
    'Please describe briefly what happened (5 characters at least)',
  ],
  'circumstances.length': ['คำบรรยายเหตุการณ์ยาวเกินไป', 'The description of what happened is too long'],
  'declaration.required': [
    'กรุณายืนยันว่าข้อมูลเป็นความจริง (ประมวลกฎหมายอาญา มาตรา 137)',
    'Please confirm that the information is true (Penal Code s.137)',
  ],
  'consent.required': [
    'กรุณาให้ความยินยอมในการเก็บและใช้ข้อมูลส่วนบุคคล',
    'Please consent to the collection and use of your personal data',
  ],
  'consent.version': [
    'ข้อความการให้ความยินยอมมีการปรับปรุง กรุณาเปิดแบบฟอร์มใหม่',
    'The consent text has changed: please open the form again',
  ],
  invalid: ['ข้อมูลไม่ถูกต้อง', 'This value is not valid'],
} as const satisfies Record<string, readonly [string, string]>

export type IssueCode = keyof typeof ISSUE_MESSAGES

/** One problem with one field: `field` is its path in the request body ("items.2.documentType"). */
export type Issue = { field: string; code: IssueCode; messageTh: string; messageEn: string }

export function issue(field: string, code: IssueCode): Issue {
  const [messageTh, messageEn] = ISSUE_MESSAGES[code]
  return { field, code, messageTh, messageEn }
}

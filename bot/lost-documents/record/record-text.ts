/**
 * The fixed wording of a lost-document record, Thai and English.
 *
 * Penal Code s.137, as in force: "ผู้ใดแจ้งข้อความอันเป็นเท็จแก่เจ้าพนักงาน ซึ่งอาจทำให้ผู้อื่นหรือประชาชนเสียหาย
 * ต้องระวางโทษจำคุกไม่เกินหกเดือน หรือปรับไม่เกินหนึ่งหมื่นบาท หรือทั้งจำทั้งปรับ". The fine was 1,000 baht until the
 * Penal Code Amendment Act (No. 26) B.E. 2560 (Royal Gazette, 21 March 2017) multiplied the Code's fines by ten
 * (https://www.ilaw.or.th/node/4499); the Rayong DLT form (TT1995_V2 Report3.vbhtml) still prints the old amount and
 * "และ" (and) where the Code says "หรือ" (or). Both are corrected here; the LIFF form should show the same text.
 */
export const S137_TH =
  'ข้าพเจ้าขอรับรองว่าข้อความที่แจ้งไว้ข้างต้นเป็นความจริงทุกประการ และทราบดีว่าการแจ้งข้อความอันเป็นเท็จแก่เจ้าพนักงาน' +
  ' ซึ่งอาจทำให้ผู้อื่นหรือประชาชนเสียหาย เป็นความผิดตามประมวลกฎหมายอาญา มาตรา 137' +
  ' ต้องระวางโทษจำคุกไม่เกินหกเดือน หรือปรับไม่เกินหนึ่งหมื่นบาท หรือทั้งจำทั้งปรับ'

export const S137_EN =
  'I certify that the statements above are true. Giving false information to an official which may cause damage to' +
  ' another person or the public is an offence under section 137 of the Thai Penal Code, punishable by imprisonment' +
  ' of up to six months, a fine of up to 10,000 baht, or both.'

export type Bilingual = { th: string; en: string }

export const LABELS = {
  title: { th: 'บันทึกการแจ้งเอกสารหาย', en: 'Lost Document Report' },
  number: { th: 'เลขที่', en: 'No.' },
  issuedAt: { th: 'วันที่ออก', en: 'Issued' },
  tel: { th: 'โทร', en: 'Tel.' },
  declarant: { th: 'ผู้แจ้ง', en: 'Declarant' },
  name: { th: 'ชื่อ-สกุล', en: 'Full name' },
  idNumber: { th: 'เลขประจำตัว', en: 'ID number' },
  dateOfBirth: { th: 'วันเกิด', en: 'Date of birth' },
  address: { th: 'ที่อยู่', en: 'Address' },
  items: { th: 'เอกสารที่หาย', en: 'Documents lost' },
  itemType: { th: 'ประเภท', en: 'Type' },
  itemNumber: { th: 'เลขที่เอกสาร', en: 'Number' },
  itemIssuer: { th: 'ผู้ออกเอกสาร', en: 'Issuer' },
  loss: { th: 'รายละเอียดการหาย', en: 'Details of the loss' },
  lostWhen: { th: 'วันเวลาที่หาย', en: 'When lost' },
  lostWhere: { th: 'สถานที่', en: 'Where lost' },
  circumstances: { th: 'พฤติการณ์', en: 'Circumstances' },
  declaration: { th: 'คำรับรองของผู้แจ้ง', en: "Declarant's statement" },
  declaredAt: { th: 'รับรองเมื่อ', en: 'Declared on' },
  issuedBy: { th: 'ผู้ออกบันทึก', en: 'Issued by' },
  electronic: { th: 'ออกโดยระบบอิเล็กทรอนิกส์', en: 'Issued electronically' },
  verify: { th: 'ตรวจสอบความถูกต้องของบันทึกนี้', en: 'Verify this record' },
  note: {
    th: 'บันทึกนี้ออกทางระบบอิเล็กทรอนิกส์ของสถานี ไม่ต้องมีลายมือชื่อ สแกน QR code เพื่อตรวจสอบว่ายังมีผลอยู่',
    en: "Issued through the station's electronic system; no signature is needed. Scan the QR code to check it is still valid.",
  },
  to: { th: 'ถึง', en: 'to' },
} satisfies Record<string, Bilingual>

import type { Language } from '../../db/schema/index.js'
import { CONSENT_VERSION } from '../contracts/lost-documents/draft.js'

export { CONSENT_VERSION }

/** The `consents.purpose` of a lost-document report. */
export const CONSENT_PURPOSE = 'lost_document_report'

/**
 * Penal Code s.137 (a false report to an official): up to six months' prison, a fine up to 10,000 baht, or both
 * (the fine is ten times the old 1,000 baht since the Penal Code Amendment Act (No. 26) B.E. 2560; see
 * record/record-text.ts, whose wording the PDF prints).
 * Shown before the citizen starts and again at the tick, in plain words.
 */
export const S137_WARNING: Record<Language, string> = {
  th: 'คำเตือน: การแจ้งข้อความอันเป็นเท็จต่อเจ้าพนักงาน มีความผิดตามประมวลกฎหมายอาญา มาตรา 137 ต้องระวางโทษจำคุกไม่เกิน 6 เดือน หรือปรับไม่เกิน 10,000 บาท หรือทั้งจำทั้งปรับ',
  en: 'Warning: giving false information to an official is an offence under the Thai Penal Code, section 137: up to 6 months in prison, a fine of up to 10,000 baht, or both.',
}

/** The s.137 tick. */
export const DECLARATION_TEXT: Record<Language, string> = {
  th: 'ข้าพเจ้าขอยืนยันว่าข้อมูลที่แจ้งทั้งหมดเป็นความจริง และรับทราบว่าการแจ้งความเท็จมีความผิดตามประมวลกฎหมายอาญา มาตรา 137',
  en: 'I confirm that everything in this report is true, and I understand that a false report is an offence under Penal Code section 137.',
}

/** The PDPA consent (s.19 consent, s.23 notice): what is collected, why, who sees it, how long, the rights. */
export const CONSENT_TEXT: Record<Language, string> = {
  th: 'ข้าพเจ้ายินยอมให้สถานีตำรวจภูธรเมืองระยองเก็บและใช้ข้อมูลส่วนบุคคลในแบบฟอร์มนี้ (ชื่อ เลขบัตร วันเกิด เบอร์โทร ที่อยู่ และข้อมูลเอกสารที่หาย) เพื่อออกบันทึกการแจ้งเอกสารหายและติดต่อข้าพเจ้าเกี่ยวกับเรื่องนี้เท่านั้น เลขบัตรและเลขเอกสารถูกเข้ารหัส เฉพาะเจ้าหน้าที่ที่ได้รับอนุญาตจึงเปิดดูได้และทุกครั้งถูกบันทึกไว้ ข้าพเจ้าขอสำเนาหรือขอให้ลบข้อมูลได้ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ผ่านหน้า "เรื่องที่ฉันแจ้ง"',
  en: 'I consent to Rayong City Police Station collecting and using the personal data in this form (name, ID number, date of birth, phone, address and the lost documents) only to issue a lost-document record and to contact me about it. ID and document numbers are encrypted; only authorised officers can see them, and every look is logged. I can get a copy of my data or ask for it to be deleted under the Personal Data Protection Act B.E. 2562 (2019) from the "My reports" page.',
}

import type { Language } from '../../../db/schema/index.js'
import { HW_CONSENT_VERSION } from '../../contracts/house-watch-enrol.js'

export { HW_CONSENT_VERSION }

/** The `consents.purpose` of a house-watch enrolment. */
export const HW_CONSENT_PURPOSE = 'house_watch'

/**
 * What the owner agrees to (PDPA s.19 consent, s.23 notice): patrols photograph the outside of the house, the data
 * used for the watch only, who sees it, how long it is kept, the rights. Shown by the form; its version is stored.
 */
export const HW_CONSENT_TEXT: Record<Language, string> = {
  th: 'ข้าพเจ้ายินยอมให้สถานีตำรวจเก็บและใช้ข้อมูลในแบบฟอร์มนี้ (ชื่อ เบอร์โทร ที่อยู่ ตำแหน่งบ้าน ช่วงเวลาที่ไม่อยู่ ผู้ติดต่อฉุกเฉิน หมายเหตุ และรูปบ้าน) เพื่อการตรวจดูแลบ้านและติดต่อข้าพเจ้าเท่านั้น และยินยอมให้สายตรวจถ่ายภาพภายนอกบ้านเป็นหลักฐานการตรวจ เบอร์โทรถูกเข้ารหัส เฉพาะเจ้าหน้าที่ที่ได้รับอนุญาตจึงเปิดดูได้และทุกครั้งถูกบันทึกไว้ ข้อมูลส่วนบุคคลจะถูกลบหลังสิ้นสุดการฝากบ้านตามระยะเวลาที่สถานีกำหนด ข้าพเจ้าขอสำเนาหรือขอให้ลบข้อมูลได้ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562',
  en: "I consent to the police station collecting and using the data in this form (name, phone, address, the house's position, the dates I am away, the emergency contact, the notes and the house photo) only to watch my house and to contact me, and to patrols photographing the outside of the house as proof of their visits. Phone numbers are encrypted; only authorised officers can see them, and every look is logged. The personal data is deleted a set number of days after the watch ends. I can get a copy of my data or ask for it to be deleted under the Personal Data Protection Act B.E. 2562 (2019).",
}

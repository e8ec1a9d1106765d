import { CAMERA_CONSENT_VERSION } from '../../contracts/camera-registry.js'

export { CAMERA_CONSENT_VERSION }

/** The `consents.purpose` of a camera registration. */
export const CAMERA_CONSENT_PURPOSE = 'cameras'

/**
 * What a private owner agrees to when registering a camera (PDPA s.19 consent, s.23 notice): the police may ask
 * for footage when something happens nearby, and the owner may always refuse; what is kept, who sees it, the rights.
 * Shown by the LIFF form; its version is stored on the camera and in `consents`.
 */
export const CAMERA_CONSENT_TEXT = {
  th: 'ข้าพเจ้ายินยอมให้สถานีตำรวจเก็บข้อมูลกล้องวงจรปิดนี้ (ตำแหน่ง ทิศทาง พื้นที่ที่กล้องมองเห็น จำนวนวันที่เก็บภาพ วิธีติดต่อและเบอร์โทร) เพื่อใช้ติดต่อขอภาพจากกล้องเมื่อเกิดเหตุในบริเวณใกล้เคียงเท่านั้น เจ้าหน้าที่อาจขอภาพผ่าน LINE นี้ และข้าพเจ้ามีสิทธิ์ปฏิเสธได้ทุกครั้งโดยไม่มีผลใด ๆ ต่อข้าพเจ้า ตำรวจไม่ได้เข้าถึงกล้องหรือภาพของข้าพเจ้าโดยตรง เบอร์โทรถูกเข้ารหัส เฉพาะเจ้าหน้าที่ที่ได้รับอนุญาตจึงเปิดดูได้และทุกครั้งถูกบันทึกไว้ ข้าพเจ้าแก้ไข แจ้งกล้องเสียหรือถอดออก ขอสำเนา หรือขอให้ลบข้อมูลได้ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562',
  en: 'I consent to the police station keeping the details of this camera (its position, direction, what it covers, the days it keeps footage, how to contact me and my phone) only to ask me for footage when something happens nearby. An officer may ask me in this LINE chat, and I can always refuse, with no consequence for me. The police do not get access to my camera or recordings. My phone is encrypted; only authorised officers can see it, and every look is logged. I can edit the camera, report it offline or removed, get a copy of my data or ask for it to be deleted under the Personal Data Protection Act B.E. 2562 (2019).',
} as const

import type { Language } from '../../../db/schema/index.js'

/**
 * What the workflow says to citizens (close, rating, conversion), Thai and English: each citizen reads their own
 * language (the consultation's, else their profile's). Quick-reply labels stay within LINE's 20 characters.
 */
const th = {
  summary: 'สรุปการปรึกษาเลขที่ {ref}\n\n{summary}',
  'rating.question':
    'การปรึกษาเลขที่ {ref} สิ้นสุดแล้ว ขอบคุณที่ใช้บริการครับ\n\nช่วยให้คะแนนการให้คำปรึกษาครั้งนี้ 1–5 ดาว (5 = พอใจมาก) เพื่อให้เราปรับปรุงบริการ\n\nหากมีคำถามเพิ่มเติมภายใน {days} วัน พิมพ์ถามในแชตนี้ได้เลย จะต่อเรื่องเดิมให้',
  'rating.display': 'ให้คะแนน {n} ดาว',
  'rating.thanks': 'ขอบคุณสำหรับคะแนนครับ ความเห็นของท่านช่วยให้เราปรับปรุงบริการ',
  closed: 'การปรึกษาเลขที่ {ref} สิ้นสุดแล้ว ขอบคุณที่ใช้บริการครับ\nหากมีคำถามเพิ่มเติมภายใน {days} วัน พิมพ์ถามในแชตนี้ได้เลย จะต่อเรื่องเดิมให้',
  'converted.lost_document':
    'เจ้าหน้าที่ได้เปิดเรื่องแจ้งเอกสารหายให้ท่านจากการปรึกษาครั้งนี้แล้ว\nเลขที่เรื่อง: {ref}\n\nเจ้าหน้าที่จะติดต่อท่านทางแชตนี้เพื่อขอรายละเอียดของเอกสารที่หาย การปรึกษาเลขที่ {from} ปิดแล้ว ข้อความที่คุยกันไว้ถูกเก็บเป็นประวัติของเรื่องใหม่',
  'converted.sos':
    '🚨 เจ้าหน้าที่ได้เปิดเรื่องเหตุฉุกเฉินให้ท่านแล้ว\nเลขที่เรื่อง: {ref}\n\nเจ้าหน้าที่ของสถานีได้รับแจ้งและจะติดต่อกลับโดยเร็ว หากท่านอยู่ในอันตรายขณะนี้ โทร 191 ทันที\nการปรึกษาเลขที่ {from} ปิดแล้ว ข้อความที่คุยกันไว้ถูกเก็บเป็นประวัติของเรื่องใหม่',
} as const
export type WorkflowText = keyof typeof th

const en: Record<WorkflowText, string> = {
  summary: 'Summary of consultation {ref}\n\n{summary}',
  'rating.question':
    'Consultation {ref} has ended. Thank you for asking us.\n\nPlease rate this consultation from 1 to 5 stars (5 = very satisfied) to help us improve.\n\nAny further question within {days} days: just type it in this chat and it continues the same consultation.',
  'rating.display': 'Rated {n} stars',
  'rating.thanks': 'Thank you for your rating. It helps us improve the service.',
  closed:
    'Consultation {ref} has ended. Thank you for asking us.\nAny further question within {days} days: just type it in this chat and it continues the same consultation.',
  'converted.lost_document':
    'An officer has opened a lost-document report for you from this consultation.\nReference: {ref}\n\nThe officer will contact you in this chat for the details of the lost documents. Consultation {from} is closed; your messages are kept as the new case’s history.',
  'converted.sos':
    '🚨 An officer has opened an emergency case for you.\nReference: {ref}\n\nThe station’s officers have been alerted and will contact you shortly. If you are in danger now, call 191 immediately.\nConsultation {from} is closed; your messages are kept as the new case’s history.',
}

const texts: Record<Language, Record<WorkflowText, string>> = { th, en }

/** A workflow text in the citizen's language, placeholders `{name}` filled. */
export function tw(lang: Language, key: WorkflowText, vars: Record<string, string | number> = {}): string {
  return texts[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}

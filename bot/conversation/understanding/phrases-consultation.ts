import type { IntentSpec } from './intents.js'

/**
 * Legal consultation (issue #12): asking the police about the law ("ปรึกษากฎหมาย", "อยากปรึกษาเรื่องกฎหมายครับ",
 * "legal advice"). Stories that only mention the law ("ถูกหลอกโอนเงิน ทำยังไงดี") are not a request here: inside an
 * open consultation they are the question itself (bot/consultation/chat/thread.feature.ts).
 */
export const CONSULTATION: IntentSpec = {
  id: 'consultation',
  phrases: [
    'ปรึกษากฎหมาย',
    'ปรึกษาตำรวจ',
    'ขอคำปรึกษา',
    'ปรึกษา',
    'ปรึกษาคดี',
    'ปรึกษาปัญหา',
    'ปรึกษาทนาย',
    'ถามข้อกฎหมาย',
    'ถามกฎหมาย',
    'ขอคำแนะนำ',
    'มีเรื่องปรึกษา',
    'มีเรื่องจะปรึกษา',
    'อยากปรึกษา',
    'ปรึกษาข้อกฎหมาย',
    'ปรึกษาเรื่องกฎหมาย',
    'ปรึกษาเจ้าหน้าที่',
    'ขอปรึกษาตำรวจ',
    'legal advice',
    'legal consultation',
    'consultation',
    'consult',
    'ask a lawyer',
    'ask a police officer',
    'ask the police',
    'ask police',
    'legal question',
    'i have a question',
    'legal help',
    'law advice',
    'talk to a police officer',
  ],
  alone: ['สอบถาม', 'question'],
  pairs: [
    [
      ['ปรึกษา', 'ถาม', 'สอบถาม', 'แนะนำ'],
      ['กฎหมาย', 'ข้อกฎหมาย', 'คดี', 'ทนาย', 'ตำรวจ'],
    ],
    [
      ['advice', 'ask', 'question', 'consult'],
      ['legal', 'law', 'lawyer', 'police'],
    ],
  ],
}

import { createTranslator } from '@shared/lib/i18n.js'
import type { Language } from '../../lib/i18n.js'

// The citizen's own consultations under "my reports" (issue #12): the list and one thread, read-only.
const th = {
  title: 'เรื่องปรึกษากฎหมาย',
  hint: 'เรื่องที่ท่านปรึกษาเจ้าหน้าที่ แตะเพื่อดูข้อความทั้งหมด',
  topic: 'หัวข้อ: {topic}',
  asked: 'ปรึกษาเมื่อ {date}',
  threadTitle: 'เรื่องปรึกษา {ref}',
  notFound: 'ไม่พบเรื่องปรึกษานี้ในรายการของท่าน',
  you: 'ท่าน',
  officer: 'เจ้าหน้าที่',
  readOnly: 'หน้านี้แสดงข้อความเท่านั้น หากต้องการคุยกับเจ้าหน้าที่ต่อ พิมพ์ในแชต LINE ของสถานี',
  toChat: 'ไปที่แชต',
  empty: 'ยังไม่มีข้อความ',
  'media.image': 'รูปภาพ',
  'media.video': 'วิดีโอ',
  'media.audio': 'ข้อความเสียง',
  'media.file': 'ไฟล์',
  'media.sticker': 'สติกเกอร์',
  'media.location': 'ตำแหน่งที่ตั้ง',
  open: 'เปิดไฟล์',
  fileFailed: 'เปิดไฟล์ไม่สำเร็จ กรุณาลองใหม่',
} as const

export type ConsultationText = keyof typeof th

const en: Record<ConsultationText, string> = {
  title: 'Legal consultations',
  hint: 'What you asked the officers. Tap one to see all its messages.',
  topic: 'Topic: {topic}',
  asked: 'Asked {date}',
  threadTitle: 'Consultation {ref}',
  notFound: 'This consultation is not in your list.',
  you: 'You',
  officer: 'Officer',
  readOnly: "This page only shows the messages. To go on talking with the officer, write in the station's LINE chat.",
  toChat: 'Go to the chat',
  empty: 'No messages yet.',
  'media.image': 'Photo',
  'media.video': 'Video',
  'media.audio': 'Voice message',
  'media.file': 'File',
  'media.sticker': 'Sticker',
  'media.location': 'Location',
  open: 'Open the file',
  fileFailed: 'The file could not be opened. Please try again.',
}

const texts: Record<Language, Record<ConsultationText, string>> = { th, en }
export const { t: ct } = createTranslator(texts)

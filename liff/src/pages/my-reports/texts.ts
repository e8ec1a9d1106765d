import type { Language } from '../../lib/i18n.js'

const th = {
  title: 'เรื่องที่ฉันแจ้ง',
  empty: 'ยังไม่มีเรื่องแจ้งเอกสารหาย',
  newReport: 'แจ้งเอกสารหาย',
  reported: 'แจ้งเมื่อ {date}',
  open: 'ดูรายละเอียด',
  detailTitle: 'เรื่องเลขที่ {ref}',
  notFound: 'ไม่พบเรื่องนี้ในรายการของท่าน',
  documents: 'เอกสาร',
  when: 'หายเมื่อ',
  where: 'สถานที่',
  story: 'เหตุการณ์',
  declarant: 'ผู้แจ้ง',
  idNumber: 'เลขบัตร',
  phone: 'โทร',
  address: 'ที่อยู่',
  history: 'ความคืบหน้า',
  'event.created': 'ยื่นเรื่อง',
  'event.status': 'เปลี่ยนสถานะ',
  'event.message_in': 'ข้อความจากท่าน',
  'event.message_out': 'ข้อความจากเจ้าหน้าที่',
  downloadPdf: 'ดาวน์โหลดบันทึก (PDF)',
  why: 'เหตุผล',
  replyInChat: 'เจ้าหน้าที่ขอข้อมูลเพิ่มเติม กรุณาตอบในแชต LINE ของสถานี ข้อความของท่านจะถึงเจ้าหน้าที่ในเรื่องนี้โดยตรง',
  myData: 'ข้อมูลส่วนบุคคลของฉัน (PDPA)',
  myDataHint: 'ท่านขอสำเนาข้อมูลทั้งหมดที่สถานีเก็บไว้ หรือขอให้ลบข้อมูลได้',
  export: 'ดาวน์โหลดข้อมูลของฉัน',
  exporting: 'กำลังเตรียมไฟล์…',
  deletion: 'ขอให้ลบข้อมูลของฉัน',
  deletionConfirm: 'ยืนยันขอลบข้อมูล',
  deletionAsk: 'สถานีจะพิจารณาคำขอและแจ้งผลภายใน 30 วัน ข้อมูลที่กฎหมายกำหนดให้เก็บอาจลบไม่ได้ ต้องการส่งคำขอหรือไม่',
  cancel: 'ยกเลิก',
} as const

export type ReportsText = keyof typeof th

const en: Record<ReportsText, string> = {
  title: 'My reports',
  empty: 'You have no lost-document reports yet.',
  newReport: 'Report lost documents',
  reported: 'Reported {date}',
  open: 'Details',
  detailTitle: 'Report {ref}',
  notFound: 'This report is not in your list.',
  documents: 'Documents',
  when: 'Lost',
  where: 'Place',
  story: 'What happened',
  declarant: 'Declarant',
  idNumber: 'ID number',
  phone: 'Phone',
  address: 'Address',
  history: 'Progress',
  'event.created': 'Report filed',
  'event.status': 'Status changed',
  'event.message_in': 'Your message',
  'event.message_out': 'Message from the officer',
  downloadPdf: 'Download record (PDF)',
  why: 'Why',
  replyInChat:
    "The officer needs more information. Please reply in the station's LINE chat: your messages go straight to this report.",
  myData: 'My personal data (PDPA)',
  myDataHint: 'You can get a copy of all the data the station holds about you, or ask for it to be deleted.',
  export: 'Download my data',
  exporting: 'Preparing the file…',
  deletion: 'Ask to delete my data',
  deletionConfirm: 'Send the deletion request',
  deletionAsk:
    'The station will consider your request and answer within 30 days. Records the law requires it to keep may not be deleted. Send the request?',
  cancel: 'Cancel',
}

export const reportsTexts: Record<Language, Record<ReportsText, string>> = { th, en }

export function rt(lang: Language, key: ReportsText, vars: Record<string, string | number> = {}): string {
  return reportsTexts[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
}

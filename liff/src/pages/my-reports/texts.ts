import { createTranslator } from '@shared/lib/i18n.js'
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
  myDataHint: 'ท่านดูและขอสำเนาข้อมูลทั้งหมดที่สถานีเก็บไว้ได้ (พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล มาตรา 30) หรือขอให้ลบข้อมูลได้ (มาตรา 33)',
  export: 'ดูข้อมูลของฉัน',
  exporting: 'กำลังเตรียมไฟล์…',
  deletion: 'ขอให้ลบข้อมูลของฉัน',
  deletionConfirm: 'ยืนยันขอลบข้อมูล',
  deletionAsk:
    'ขอให้ลบข้อมูลตามมาตรา 33: สถานีจะพิจารณาคำขอและแจ้งผลทาง LINE ภายใน 30 วัน ข้อมูลที่กฎหมายกำหนดให้เก็บอาจลบไม่ได้ ต้องการส่งคำขอหรือไม่',
  deletionSent: 'ส่งคำขอลบข้อมูลแล้ว',
  myDataTitle: 'ข้อมูลของฉัน',
  myDataIntro: 'ข้อมูลทั้งหมดที่ LINE OA ของสถานีเก็บไว้เกี่ยวกับท่าน เลขบัตรและเบอร์โทรแสดงเต็ม เพราะเป็นข้อมูลของท่านเอง',
  saveHtml: 'บันทึกเป็นไฟล์ (HTML)',
  saveJson: 'ดาวน์โหลดแบบ JSON',
  exportedAt: 'ข้อมูล ณ {date}',
  cancel: 'ยกเลิก',
  emergencies: 'เหตุฉุกเฉินที่แจ้ง',
  emergenciesHint: 'เรื่องที่แจ้งเหตุฉุกเฉินทาง LINE พร้อมตำแหน่ง หากยังมีอันตราย โทร 191 ทันที',
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
  myDataHint:
    'You can see and copy all the data the station holds about you (Personal Data Protection Act, section 30), or ask for it to be erased (section 33).',
  export: 'See my data',
  exporting: 'Preparing the file…',
  deletion: 'Ask to delete my data',
  deletionConfirm: 'Send the deletion request',
  deletionAsk:
    'Erasure under section 33: the station will consider your request and answer in LINE within 30 days. Records the law requires it to keep may not be erased. Send the request?',
  deletionSent: 'Deletion request sent',
  myDataTitle: 'My data',
  myDataIntro:
    "Everything the station's LINE OA holds about you. ID and phone numbers are shown in full: it is your own data.",
  saveHtml: 'Save as a file (HTML)',
  saveJson: 'Download as JSON',
  exportedAt: 'As of {date}',
  cancel: 'Cancel',
  emergencies: 'Emergencies you reported',
  emergenciesHint: 'Emergencies you reported on LINE with your location. If you are still in danger, call 191 now.',
}

export const reportsTexts: Record<Language, Record<ReportsText, string>> = { th, en }

export const { t: rt } = createTranslator(reportsTexts)

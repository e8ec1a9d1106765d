/** Thai for what the citizen gave: the report's cards and the media they sent. */
export const thReport = {
  'report.documents': 'เอกสารของเรื่องนี้',
  'media.image': 'รูปภาพจากผู้แจ้ง',
  'media.video': 'วิดีโอจากผู้แจ้ง',
  'media.audio': 'ข้อความเสียงจากผู้แจ้ง',
  'media.file': 'ไฟล์จากผู้แจ้ง',
  'media.pending': 'กำลังรับไฟล์จาก LINE…',
  'media.too_large': 'ไฟล์ใหญ่เกินกำหนด ไม่ได้เก็บไว้ (แจ้งผู้แจ้งแล้ว)',
  'media.bad_type': 'ไฟล์ประเภทที่รับไม่ได้ ไม่ได้เก็บไว้ (แจ้งผู้แจ้งแล้ว)',
  'media.unavailable': 'ดึงไฟล์จาก LINE ไม่ได้ (แจ้งผู้แจ้งให้ส่งใหม่แล้ว)',
  'media.download': 'ดาวน์โหลด',
  'media.sticker': 'สติกเกอร์',
} as const

import { kitTh } from '@shared/i18n/kit.js'

/**
 * Thai, the first language of the LIFF pages. Every key here must exist in every other catalogue
 * (the type of en.ts says so at compile time; test/unit/liff/i18n.test.ts checks the values).
 * Placeholders are {name}; the same placeholders must appear in every language.
 * The kit's texts (errors, retry: liff/shared/i18n/kit.ts) are part of it.
 */
export const th = {
  ...kitTh,
  'app.title': 'บริการประชาชน สภ.เมืองระยอง',
  'station.name': 'สถานีตำรวจภูธรเมืองระยอง',
  'station.tagline': 'ระยอง Smart Safety Zone 4.0',
  'a11y.skip': 'ข้ามไปยังเนื้อหา',
  'a11y.badge': 'ตราสถานีตำรวจ',
  'common.loading': 'กำลังโหลด…',
  'common.back': 'กลับ',
  'common.home': 'หน้าแรก',
  'home.hello': 'สวัสดีครับ คุณ{name}',
  'home.helloNameless': 'สวัสดีครับ',
  'home.intro': 'บริการจากสถานีตำรวจภูธรเมืองระยองผ่าน LINE',
  'home.services': 'บริการ',
  'home.lostDocument': 'แจ้งเอกสารหาย',
  'home.lostDocumentHint': 'บัตร หนังสือเดินทาง สมุดบัญชี ฯลฯ ไม่ต้องไปสถานี',
  'home.myReports': 'เรื่องที่ฉันแจ้ง',
  'home.myReportsHint': 'ติดตามสถานะ ดาวน์โหลดบันทึก ข้อมูลของฉัน',
  'home.station': 'ข้อมูลสถานี',
  'home.stationOpen': 'เปิดให้บริการตลอด 24 ชั่วโมง',
  'home.callStation': 'โทรหาสถานี',
  'home.map': 'ดูแผนที่ไปสถานี',
  'home.emergency': 'เหตุด่วนเหตุร้าย โทร 191',
  'home.chat': 'กลับไปที่แชต',
  'home.chatHint': 'พิมพ์คุยกับสถานีได้ในแชต LINE',
  'home.settings': 'ตั้งค่า',
  'home.settingsHint': 'ภาษา: {language}',
  'settings.title': 'ตั้งค่า',
  'settings.language': 'ภาษาที่ใช้แสดงผลและในแชต',
  'settings.languageHint': 'ข้อความจากสถานีใน LINE จะใช้ภาษานี้ด้วย',
  'settings.saving': 'กำลังบันทึก…',
  'settings.saved': 'บันทึกแล้ว: ใช้ภาษาไทย',
  'notFound.title': 'ไม่พบหน้านี้',
  'notFound.body': 'ลิงก์อาจไม่ถูกต้อง หรือหน้านี้ถูกย้ายไปแล้ว',
  'home.consultation': 'ปรึกษากฎหมาย',
  'home.consultationHint': 'ถามข้อกฎหมายกับเจ้าหน้าที่ ตอบในแชต LINE',
  'home.houseWatch': 'ฝากบ้านกับตำรวจ',
  'home.houseWatchHint': 'ไม่อยู่บ้านหลายวัน ให้สายตรวจช่วยดูแลบ้าน',
  'consultation.title': 'ปรึกษากฎหมาย',
  'consultation.intro': 'ถามเจ้าหน้าที่ตำรวจเรื่องข้อกฎหมายได้โดยไม่ต้องมาสถานี เจ้าหน้าที่จะตอบในแชต LINE ของท่าน',
  'consultation.topic': 'หัวข้อ',
  'consultation.question': 'คำถามของท่าน',
  'consultation.questionHint': 'เล่าเรื่องโดยย่อ ส่งรูปภาพหรือไฟล์เพิ่มเติมได้ในแชต อย่าส่งรหัสผ่านหรือรหัส OTP',
  'consultation.disclaimer':
    'คำปรึกษานี้เป็นข้อมูลทางกฎหมายทั่วไป ไม่ใช่การว่าความหรือเป็นตัวแทนทางกฎหมาย หากเป็นเหตุฉุกเฉิน โทร 191 ทันที',
  'consultation.send': 'ส่งคำถาม',
  'consultation.sending': 'กำลังส่ง…',
  'consultation.pickTopic': 'กรุณาเลือกหัวข้อ',
  'consultation.typeQuestion': 'กรุณาพิมพ์คำถาม',
  'consultation.done': 'รับเรื่องปรึกษาแล้ว',
  'consultation.ref': 'เลขที่เรื่อง {ref}',
  'consultation.expect': 'เจ้าหน้าที่จะตอบในแชตภายใน {when}',
  'consultation.closedNow': 'ขณะนี้อยู่นอกเวลาทำการ สถานีเปิดทำการอีกครั้ง {when}',
  'consultation.inChat': 'รายละเอียดส่งไปที่แชต LINE ของท่านแล้ว คุยกับเจ้าหน้าที่ต่อได้ในแชต',
  'consultation.open': 'ท่านมีเรื่องปรึกษา {ref} ที่ยังเปิดอยู่ พิมพ์คุยกับเจ้าหน้าที่ต่อได้ในแชต LINE',
  'consultation.toChat': 'ไปที่แชต',
} as const

export type MessageKey = keyof typeof th

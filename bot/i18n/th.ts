/** Thai, the first language of the OA. Every key here must exist in every other catalogue (tested). */
export const th = {
  'greeting.title': 'สวัสดีครับ คุณ{name} 🙏',
  'greeting.body':
    'ยินดีต้อนรับสู่ LINE ทางการของสถานีตำรวจภูธรเมืองระยอง (ระยอง Smart Safety Zone 4.0)\nเลือกบริการจากเมนูด้านล่าง หรือพิมพ์สิ่งที่ต้องการได้เลยครับ\n\nเหตุด่วนเหตุร้าย โทร 191 ได้ตลอด 24 ชั่วโมง',
  'greeting.nameless': 'ท่าน',
  'menu.prompt': 'ต้องการให้ช่วยเรื่องใดครับ เลือกจากเมนูด้านล่างได้เลย',
  'menu.station': 'ข้อมูลสถานี',
  'menu.sos': 'เหตุฉุกเฉิน',
  'menu.language': 'English',
  'menu.settings': 'ตั้งค่า',
  'menu.menu': 'เมนูหลัก',
  'help.unknown': 'ขออภัยครับ ยังไม่เข้าใจข้อความนี้\nลองเลือกจากเมนูด้านล่าง หรือพิมพ์ "เมนู"\nหากเป็นเหตุด่วน พิมพ์ "ฉุกเฉิน" หรือโทร 191',
  'language.switched': 'เปลี่ยนเป็นภาษาไทยแล้วครับ',
  'station.body': 'ที่อยู่: {address}\nโทร: {phone}\nเปิดให้บริการตลอด 24 ชั่วโมง',
  'station.call': 'โทรหาสถานี',
  'sos.title': 'เหตุฉุกเฉิน',
  'sos.body': 'แตะเพื่อโทรได้ทันที',
  'sos.police': 'ตำรวจ 191',
  'sos.medical': 'เจ็บป่วยฉุกเฉิน 1669',
  'sos.fire': 'ดับเพลิง 199',
  'sos.tourist': 'ตำรวจท่องเที่ยว 1155',
  'error.retryLater': 'ขออภัยครับ ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง หากเป็นเหตุด่วนโทร 191',
  'error.unsupportedMessage': 'ขออภัยครับ ยังรับข้อความประเภทนี้ไม่ได้ กรุณาพิมพ์เป็นข้อความ หรือเลือกจากเมนู',
} as const

export type MessageKey = keyof typeof th

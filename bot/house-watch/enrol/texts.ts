import type { Language } from '../../../db/schema/index.js'

/** House-watch enrolment's words to citizens, in the station's voice (ครับ). `{name}` placeholders are filled. */
const TEXTS = {
  th: {
    title: 'ฝากบ้านกับตำรวจ 4.0',
    'chat.intro':
      'ไม่อยู่บ้านหลายวัน ฝากบ้านไว้กับตำรวจได้ครับ สายตรวจจะแวะตรวจบ้านตามรอบและสแกน QR ที่บ้าน แล้วแจ้งผลให้ทราบทาง LINE\nกรอกที่อยู่ ปักหมุดบ้าน และวันที่ไม่อยู่ในแบบฟอร์มได้เลยครับ (ประมาณ 3 นาที)',
    'chat.button': 'กรอกแบบฟอร์มฝากบ้าน',
    'menu.label': 'ฝากบ้าน',
    'receipt.received': 'รับคำขอฝากบ้านแล้วครับ',
    'receipt.extended': 'ขยายเวลาฝากบ้านแล้วครับ',
    'receipt.number': 'เลขที่',
    'receipt.period': 'ช่วงที่ไม่อยู่บ้าน',
    'receipt.next.auto': 'อนุมัติแล้ว สายตรวจจะเริ่มตรวจบ้านตั้งแต่ {from} ครับ',
    'receipt.next.duty': 'คำขอรอเจ้าหน้าที่เวรตรวจสอบและอนุมัติ เมื่ออนุมัติแล้วจะแจ้งทางแชตนี้พร้อมสติกเกอร์ QR สำหรับติดที่บ้านครับ',
    'receipt.track': 'ดูการฝากบ้านของฉัน',
    'approved.title': 'อนุมัติการฝากบ้านแล้ว',
    'approved.body':
      'เลขที่ {ref}\nช่วงที่ไม่อยู่บ้าน {period}\nกรุณาดาวน์โหลดสติกเกอร์ QR พิมพ์และติดไว้ที่หน้าบ้านที่มองเห็นจากถนน สายตรวจจะสแกนทุกครั้งที่มาตรวจครับ',
    'approved.button': 'ดาวน์โหลดสติกเกอร์ QR',
    'rejected.body': 'ขออภัยครับ คำขอฝากบ้านเลขที่ {ref} ไม่ได้รับการอนุมัติ\nเหตุผล: {reason}\nสอบถามได้ที่ {station} โทร {phone}',
    'outside.body':
      'บ้านตามหมุดที่ปักอยู่นอกเขตพื้นที่ดูแลของ{station}ครับ จึงรับฝากบ้านหลังนี้ไม่ได้\nกรุณาติดต่อ{right} โทร {phone} เพื่อฝากบ้านครับ',
    'outside.unknown':
      'บ้านตามหมุดที่ปักอยู่นอกเขตพื้นที่ดูแลของ{station}ครับ กรุณาติดต่อสถานีตำรวจในพื้นที่ หรือโทร 191 เพื่อสอบถามสถานีที่รับผิดชอบครับ',
    'period.format': '{from} ถึง {to} ({days} วัน)',
  },
  en: {
    title: 'House watch (Police 4.0)',
    'chat.intro':
      'Away for a few days? Leave your house with the police: patrols check it on their rounds, scan a QR code at the house and let you know on LINE.\nFill in the address, pin the house on the map and give the dates in the form (about 3 minutes).',
    'chat.button': 'Open the house-watch form',
    'menu.label': 'House watch',
    'receipt.received': 'House-watch request received',
    'receipt.extended': 'House watch extended',
    'receipt.number': 'Number',
    'receipt.period': 'Away',
    'receipt.next.auto': 'Approved: patrols start checking your house from {from}.',
    'receipt.next.duty':
      'The duty officer will check and approve the request; you will hear in this chat, with the QR sticker for your house.',
    'receipt.track': 'My house watch',
    'approved.title': 'House watch approved',
    'approved.body':
      'Number {ref}\nAway {period}\nPlease download the QR sticker, print it and put it at the front of the house where it can be seen from the road: patrols scan it at every visit.',
    'approved.button': 'Download the QR sticker',
    'rejected.body':
      'Sorry, house-watch request {ref} was not approved.\nReason: {reason}\nQuestions: {station}, phone {phone}.',
    'outside.body':
      "The pinned house is outside {station}'s area, so we cannot watch it.\nPlease contact {right}, phone {phone}, to leave your house with them.",
    'outside.unknown':
      "The pinned house is outside {station}'s area. Please contact the police station there, or call 191 to ask which station covers it.",
    'period.format': '{from} to {to} ({days} days)',
  },
} as const satisfies Record<Language, Record<string, string>>

export type HwTextKey = keyof (typeof TEXTS)['th']

export function hw(lang: Language, key: HwTextKey, vars: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))
}

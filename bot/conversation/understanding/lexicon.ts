/**
 * The small word lists the normaliser and the matcher share. Words are written as people type them; they go through
 * the same normalisation as messages, so write them lower case. Lists are comma-separated strings to keep them short.
 */

/** "a, b c, d" → ['a', 'b c', 'd'] */
const list = (words: string): string[] =>
  words
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean)

/**
 * Polite particles and sentence endings (thai-conventions.md §5): they close most Thai messages and carry no intent,
 * so they are removed as whole tokens. "ด้วย" is not here: it is half of "ช่วยด้วย" (help!), see FILLERS.
 */
export const PARTICLES: ReadonlySet<string> = new Set(
  list(`
  ครับ, คับ, ครัช, คร้าบ, ค้าบ, คัฟ, ครัฟ, งับ, ฮับ, ฮะ, ฮ่ะ, ขอรับ, ครับผม, ค่ะ, คะ, ค่า, คร่า, คร่ะ, ค่าา, จ้า,
  จ้ะ, จ๊ะ, จ๋า, จ้าา, นะ, น่ะ, นะคะ, นะค่ะ, นะครับ, นะจ๊ะ, นะจ้ะ, นะจ้า, เน้อ, เนอะ, เด้อ, เด้, หน่อย, ที, เถอะ,
  สิ, ซิ, ล่ะ, อ่ะ, อะ, ละ, ฮ่า, ฮา, lol, haha, hahaha
`),
)

/** Particles that, alone, answer "yes" to a question ("ครับ" = "yes, sir"). */
export const ACKNOWLEDGEMENTS: ReadonlySet<string> = new Set(
  list(`
  ครับ, คับ, ครัช, คร้าบ, ค้าบ, คัฟ, งับ, ฮับ, ฮะ, ขอรับ, ครับผม, ค่ะ, ค่า, คร่า, จ้า, จ้ะ, จ๊ะ
`),
)

/**
 * Words that wrap a request without changing it ("ขอ…", "อยาก…", "I want to…", "please"): they count as covered when
 * deciding whether a short message *is* a request, but they never match an intent by themselves.
 */
export const FILLERS: ReadonlySet<string> = new Set(
  list(`
  ขอ, อยาก, อยากจะ, ต้องการ, จะ, ช่วย, ด้วย, ให้, ทำ, แจ้ง, แจ้งความ, ได้, ไหม, มั้ย, ไม๊, หรือเปล่า, เลย, ดู, หา,
  เรื่อง, การ, ผม, ฉัน, ดิฉัน, หนู, เรา, คุณ, พี่, ท่าน, ตำรวจ, คุณตำรวจ, แอดมิน, มาก, i, im, want, wanna,
  would, like, to, need, can, could, you, u, please, pls, plz, the, a, an, my, me, show, give, get, report, file,
  some, now, just, very, much, so, sir, officer, admin
`),
)

/** Said about something happening now: an incident word next to one of these is an emergency. */
export const PRESENT_MARKERS: readonly string[] = list(`
  ตอนนี้, กำลัง, เดี๋ยวนี้, ขณะนี้, ด่วน, ด่วนมาก, now, right now, urgent, asap, hurry, currently
`)

/** Said about something over: an incident word next to one of these is part of a story, not an emergency. */
export const PAST_MARKERS: readonly string[] = list(`
  เมื่อวาน, เมื่อวานนี้, เมื่อวานซืน, เมื่อคืน, เมื่อคืนนี้, เมื่อเช้า, เมื่อตอนเช้า, เมื่อ, ที่แล้ว, ก่อนหน้านี้,
  วันก่อน, เคย, yesterday, last night, last week, last month, ago, earlier, previously
`)

/**
 * Thai misspellings and variants, replaced in the text before segmentation (a misspelt word segments badly:
 * "สวัดดี" → ส|วัด|ดี). Only distinctive spellings: a key must not occur inside correctly spelt words.
 */
export const THAI_VARIANTS: Readonly<Record<string, string>> = {
  ฉุกเฉิญ: 'ฉุกเฉิน',
  ฉุกเชิน: 'ฉุกเฉิน',
  ฉุกเชิญ: 'ฉุกเฉิน',
  สวัดดี: 'สวัสดี',
  สวัสดิ์ดี: 'สวัสดี',
  สวัสดีย์: 'สวัสดี',
  หวัดดี: 'สวัสดี',
  ซาหวัดดี: 'สวัสดี',
  ปรึกสา: 'ปรึกษา',
  ปฤกษา: 'ปรึกษา',
  ปรึกสาร: 'ปรึกษา',
  พาสปอต: 'พาสปอร์ต',
  พาสปอร์ท: 'พาสปอร์ต',
  พาสสปอร์ต: 'พาสปอร์ต',
  พาสปอท: 'พาสปอร์ต',
  ขอบคุน: 'ขอบคุณ',
  ขอบคุง: 'ขอบคุณ',
  อุบัติเหต: 'อุบัติเหตุ',
  อุบัตเหตุ: 'อุบัติเหตุ',
  อุบัดติเหตุ: 'อุบัติเหตุ',
  ยกเลีก: 'ยกเลิก',
  ยกเลิด: 'ยกเลิก',
  โอเคร: 'โอเค',
  โอเช: 'โอเค',
  ปชช: 'ประชาชน',
  บัตรประชาชล: 'บัตรประชาชน',
  ใบขับขี้: 'ใบขับขี่',
  ทะเบียนบ้าล: 'ทะเบียนบ้าน',
  ไช่: 'ใช่',
  สะถานี: 'สถานี',
  สถานนี: 'สถานี',
  โลงพัก: 'โรงพัก',
  เมนุ: 'เมนู',
  กระเป๋าตังค์: 'กระเป๋าสตางค์',
  กระเป๋าตัง: 'กระเป๋าสตางค์',
  กะเป๋า: 'กระเป๋า',
}

/** English misspellings and short forms, replaced token by token. */
export const ENGLISH_VARIANTS: Readonly<Record<string, string>> = {
  emergancy: 'emergency',
  emergeny: 'emergency',
  emergecy: 'emergency',
  emegency: 'emergency',
  emrgency: 'emergency',
  pasport: 'passport',
  passpor: 'passport',
  passort: 'passport',
  licence: 'license',
  lisence: 'license',
  helo: 'hello',
  hallo: 'hello',
  hullo: 'hello',
  cancle: 'cancel',
  cancell: 'cancel',
  menue: 'menu',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  tnx: 'thanks',
  tks: 'thanks',
  thks: 'thanks',
  tq: 'thanks',
  ty: 'thanks',
  tysm: 'thanks',
  recieve: 'receive',
  adress: 'address',
  acident: 'accident',
  accidant: 'accident',
  robed: 'robbed',
  stollen: 'stolen',
  walet: 'wallet',
  wallett: 'wallet',
  docment: 'document',
  dokument: 'document',
  yup: 'yes',
  yep: 'yes',
  yeah: 'yes',
  ya: 'yes',
  okey: 'ok',
  okie: 'ok',
  okay: 'ok',
  k: 'ok',
  nope: 'no',
  nah: 'no',
}

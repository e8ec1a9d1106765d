import type { Language } from '../../../db/schema/index.js'
import { formatDateTime, formatDay } from '../../i18n/index.js'

// What the owner reads in the chat about their watch: the station's voice (ครับ), Thai and English.

type Vars = Record<string, string | number>
const fill = (text: string, vars: Vars) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''))

const th = {
  reminder:
    'พรุ่งนี้ ({start}) สายตรวจจะเริ่มดูแลบ้านของท่านตามที่ฝากไว้ (เลขที่ {ref}) ครับ\nกรุณาติดสติกเกอร์ QR ไว้ในที่ที่สายตรวจมองเห็นได้ง่าย เช่น ประตูรั้วหรือหน้าบ้าน\nดาวน์โหลดสติกเกอร์และดูบันทึกการตรวจได้ที่ {link}',
  endQuestion:
    'วันนี้ ({end}) ครบกำหนดการฝากบ้านเลขที่ {ref} แล้วครับ ท่านกลับถึงบ้านแล้วหรือยังครับ\nหากยังไม่กลับ ขยายเวลาได้จากปุ่มด้านล่าง หากไม่มีคำตอบ การฝากบ้านจะสิ้นสุดในวันพรุ่งนี้ครับ',
  home: 'กลับบ้านแล้ว',
  extend: 'ขยาย {days} วัน',
  ended: 'ยินดีต้อนรับกลับบ้านครับ สถานีได้ยุติการฝากบ้านเลขที่ {ref} แล้ว สายตรวจจะไม่แวะตรวจอีก ขอบคุณที่ไว้วางใจครับ',
  notRunning: 'ไม่มีการฝากบ้านที่ยังดูแลอยู่ครับ',
  extended: 'ขยายเวลาการฝากบ้านเลขที่ {ref} ถึงวันที่ {end} แล้วครับ',
  extendedCapped: 'ขยายเวลาการฝากบ้านเลขที่ {ref} ถึงวันที่ {end} แล้วครับ (ฝากบ้านได้ไม่เกิน {max} วันนับจากวันนี้ตามที่สถานีกำหนด)',
  extendLimit: 'ขออภัยครับ ฝากบ้านได้ไม่เกิน {max} วันนับจากวันนี้ การฝากบ้านเลขที่ {ref} สิ้นสุดวันที่ {end} อยู่แล้วครับ',
  expired: 'การฝากบ้านเลขที่ {ref} ครบกำหนดเมื่อวันที่ {end} และสิ้นสุดแล้วครับ หากยังไม่กลับบ้าน ฝากบ้านใหม่ได้ทุกเมื่อครับ',
  digest:
    'สรุปการตรวจบ้านประจำวัน (เลขที่ {ref})\nสายตรวจแวะตรวจบ้านของท่าน {count} ครั้ง\nครั้งล่าสุด {last} โดย {officer}: {result}',
  digestLink: 'ดูบันทึกการตรวจและรูปถ่ายทั้งหมด: {link}',
}
const en: typeof th = {
  reminder:
    'Tomorrow ({start}) the patrols start watching your house (watch {ref}).\nPlease put the QR sticker where the patrol can see it easily, such as the gate or the front door.\nDownload the sticker and see the visit log: {link}',
  endQuestion:
    'Your house watch {ref} ends today ({end}). Are you home?\nIf not yet, extend it with a button below. Without an answer the watch ends tomorrow.',
  home: "I'm home",
  extend: 'Extend {days} days',
  ended:
    'Welcome home. The station has ended house watch {ref}; patrols will no longer visit. Thank you for your trust.',
  notRunning: 'You have no house watch running.',
  extended: 'House watch {ref} now runs until {end}.',
  extendedCapped:
    'House watch {ref} now runs until {end} (the station watches a house for at most {max} days from today).',
  extendLimit: 'Sorry, a watch runs at most {max} days from today. House watch {ref} already runs until {end}.',
  expired:
    'House watch {ref} reached its end date ({end}) and has ended. If you are still away, you can ask again any time.',
  digest:
    "Today's patrol summary (watch {ref})\nPatrols visited your house {count} time(s).\nLast visit {last} by {officer}: {result}",
  digestLink: 'See the visit log and all photos: {link}',
}

export type HouseWatchTextKey = keyof typeof th
const texts: Record<Language, typeof th> = { th, en }

/** A text of the owner's messages, in their language. */
export function hwt(lang: Language, key: HouseWatchTextKey, vars: Vars = {}): string {
  return fill(texts[lang][key], vars)
}

/** A Bangkok date as the owner reads it (Buddhist Era in Thai). */
export const day = (lang: Language, ymd: string) => formatDay(lang, ymd, 'long')
export const at = (lang: Language, when: Date) => formatDateTime(lang, when)

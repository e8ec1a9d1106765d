import type { BroadcastMessagesInput, LocalizedMessages } from '../contracts/announcements.js'
import { AppError } from '../errors.js'

/** LINE's limits for what an announcement carries (messaging-api.yml and LINE's documented message limits). */
export const MESSAGE_LIMITS = {
  perRequest: 5,
  textLength: 5_000,
  urlLength: 2_000,
  altTextLength: 400,
  /** LINE refuses a Flex message whose contents exceed this (JSON bytes). */
  flexBytes: 30 * 1024,
} as const

export class InvalidMessageError extends AppError {
  constructor(problem: string, problemTh: string) {
    super('invalid_message', 400, problem, problemTh, { problem })
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function httpsUrl(v: unknown): boolean {
  if (typeof v !== 'string' || v.length > MESSAGE_LIMITS.urlLength) {
    return false
  }
  try {
    return new URL(v).protocol === 'https:'
  } catch {
    return false
  }
}

/** What is wrong with one LINE message object, in English and Thai, or null when LINE would take it. */
function problemOf(m: unknown): [string, string] | null {
  if (!isObject(m) || typeof m.type !== 'string') {
    return ['is not a LINE message object (no type)', 'ไม่ใช่ข้อความรูปแบบ LINE']
  }
  switch (m.type) {
    case 'text':
      if (typeof m.text !== 'string' || m.text.trim() === '') {
        return ['text is empty', 'ข้อความว่าง']
      }
      if ([...m.text].length > MESSAGE_LIMITS.textLength) {
        return [`text is longer than ${MESSAGE_LIMITS.textLength} characters`, 'ข้อความยาวเกิน 5,000 ตัวอักษร']
      }
      return null
    case 'image':
      if (!httpsUrl(m.originalContentUrl) || !httpsUrl(m.previewImageUrl)) {
        return [
          'image needs originalContentUrl and previewImageUrl as https URLs (at most 2000 characters)',
          'รูปภาพต้องมีลิงก์ https ทั้งภาพจริงและภาพตัวอย่าง',
        ]
      }
      return null
    case 'flex': {
      if (typeof m.altText !== 'string' || m.altText.trim() === '' || m.altText.length > MESSAGE_LIMITS.altTextLength) {
        return ['flex needs an altText of 1 to 400 characters', 'การ์ดต้องมีข้อความแทน (altText) 1–400 ตัวอักษร']
      }
      if (!isObject(m.contents) || (m.contents.type !== 'bubble' && m.contents.type !== 'carousel')) {
        return ['flex contents must be a bubble or a carousel', 'เนื้อหาการ์ดต้องเป็น bubble หรือ carousel']
      }
      if (Buffer.byteLength(JSON.stringify(m.contents)) > MESSAGE_LIMITS.flexBytes) {
        return ['flex contents are larger than 30 KB', 'เนื้อหาการ์ดใหญ่เกิน 30 KB']
      }
      return null
    }
    case 'sticker':
      if (typeof m.packageId !== 'string' || typeof m.stickerId !== 'string') {
        return ['sticker needs packageId and stickerId', 'สติกเกอร์ต้องมี packageId และ stickerId']
      }
      return null
    default:
      return [`type '${m.type}' is not supported in announcements`, `ไม่รองรับข้อความชนิด ${m.type}`]
  }
}

function check(list: unknown, where: string): unknown[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw new InvalidMessageError(`${where}: at least one message is needed`, `${where}: ต้องมีข้อความอย่างน้อย 1 รายการ`)
  }
  if (list.length > MESSAGE_LIMITS.perRequest) {
    throw new InvalidMessageError(
      `${where}: at most ${MESSAGE_LIMITS.perRequest} messages per announcement`,
      `${where}: ส่งได้ไม่เกิน 5 ข้อความต่อประกาศ`,
    )
  }
  list.forEach((m, i) => {
    const problem = problemOf(m)
    if (problem) {
      throw new InvalidMessageError(`${where}[${i}]: ${problem[0]}`, `${where}[${i}]: ${problem[1]}`)
    }
  })
  return list
}

/**
 * The API's `messages` (LINE message objects for everyone, or one array per language) as stored: Thai always,
 * English when given (an announcement without English goes out in Thai to everyone). Refused with code
 * `invalid_message` naming the problem and where it is.
 */
export function normaliseMessages(input: BroadcastMessagesInput): LocalizedMessages {
  if (Array.isArray(input)) {
    return { th: check(input, 'messages') }
  }
  if (!isObject(input)) {
    throw new InvalidMessageError('messages must be an array or { th, en }', 'รูปแบบข้อความไม่ถูกต้อง')
  }
  const th = check(input.th, 'messages.th')
  const en = input.en === undefined || (Array.isArray(input.en) && input.en.length === 0) ? undefined : input.en
  return en === undefined ? { th } : { th, en: check(en, 'messages.en') }
}

/** The messages a user of `language` gets. */
export function messagesFor(messages: LocalizedMessages, language: 'th' | 'en'): unknown[] {
  return language === 'en' && messages.en?.length ? messages.en : messages.th
}

import type { messagingApi } from '@line/bot-sdk'
import { FOOTAGE_ANSWERS, type FootageAnswer } from '../../contracts/cameras.js'
import type { Language } from '../../contracts/citizens.js'
import { formatDateTime } from '../../i18n/index.js'
import { postbackData } from '../../line/postback.js'

/** The postback action of an owner's answer: `a=fr&r=<request id>&x=<answer>` (well under LINE's 300 characters). */
export const ANSWER_ACTION = 'fr'

export const ANSWER_LABELS: Record<FootageAnswer, Record<Language, string>> = {
  have_it: { th: 'มีภาพ', en: 'I have it' },
  nothing_recorded: { th: 'ไม่มีการบันทึก', en: 'Nothing recorded' },
  overwritten: { th: 'ถูกบันทึกทับแล้ว', en: 'Already overwritten' },
  refused: { th: 'ไม่สะดวกให้ข้อมูล', en: 'I prefer not to' },
}

const T = {
  title: { th: 'ขอความอนุเคราะห์ภาพจากกล้องวงจรปิด', en: 'Request for CCTV footage' },
  reminder: { th: 'เตือน: ครบกำหนดตอบพรุ่งนี้', en: 'Reminder: please answer by tomorrow' },
  ref: { th: 'เลขที่เรื่อง', en: 'Case' },
  camera: { th: 'กล้อง', en: 'Camera' },
  window: { th: 'ช่วงเวลา', en: 'Time' },
  ask: { th: 'สิ่งที่ขอ', en: 'What we ask' },
  deadline: { th: 'กรุณาตอบภายใน', en: 'Please answer by' },
  free: {
    th: 'ท่านมีสิทธิ์ปฏิเสธได้เสมอ ภาพจะใช้เพื่อการสืบสวนคดีนี้เท่านั้น',
    en: 'You may always refuse. Footage is used for this investigation only.',
  },
  upload: { th: 'ตอบ / ส่งไฟล์ภาพ', en: 'Answer / upload' },
} as const

export type RequestCard = {
  requestId: string
  reference: string
  cameraName: string
  cameraCode: string
  windowFrom: Date
  windowTo: Date
  ask: string
  deadlineAt: Date
  stationName: string
}

const row = (label: string, value: string): messagingApi.FlexBox => ({
  type: 'box',
  layout: 'baseline',
  spacing: 'sm',
  contents: [
    { type: 'text', text: label, size: 'sm', color: '#777777', flex: 2, wrap: true },
    { type: 'text', text: value.slice(0, 500) || '-', size: 'sm', color: '#222222', flex: 5, wrap: true },
  ],
})

/** "3 ธ.ค. 2569 20:00 น. – 22:30 น." (the date once when both ends are the same Bangkok day). */
export function windowText(lang: Language, from: Date, to: Date): string {
  const a = formatDateTime(lang, from)
  const b = formatDateTime(lang, to)
  const [dayA, dayB] = [a.split(' ').slice(0, 3).join(' '), b.split(' ').slice(0, 3).join(' ')]
  return dayA === dayB ? `${a} – ${b.split(' ').slice(3).join(' ')}` : `${a} – ${b}`
}

/**
 * The owner's card: the case reference, the camera, the window (Buddhist Era, Bangkok), what is asked and by when;
 * four postback answers and the LIFF page to answer with a note or upload the clip. Citizen-typed text (the ask is
 * an officer's) is sent as text components only.
 */
export function requestCard(
  lang: Language,
  c: RequestCard,
  liffUrl: (path: string) => string,
  reminder = false,
): messagingApi.FlexMessage {
  const title = reminder ? T.reminder[lang] : T.title[lang]
  const answerButton = (answer: FootageAnswer): messagingApi.FlexButton => ({
    type: 'button',
    style: answer === 'have_it' ? 'primary' : 'secondary',
    height: 'sm',
    action: {
      type: 'postback',
      label: ANSWER_LABELS[answer][lang],
      data: postbackData(ANSWER_ACTION, { r: c.requestId, x: answer }),
      displayText: ANSWER_LABELS[answer][lang],
    },
  })
  return {
    type: 'flex',
    altText: `${title} ${c.reference} (${c.cameraName})`.slice(0, 400),
    contents: {
      type: 'bubble',
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: '#1A3A6B',
        contents: [
          { type: 'text', text: title, color: '#FFFFFF', weight: 'bold', size: 'md', wrap: true },
          { type: 'text', text: c.stationName.slice(0, 200), color: '#DDE6F5', size: 'xs', wrap: true },
        ],
      },
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [
          row(T.ref[lang], c.reference),
          row(T.camera[lang], `${c.cameraName} (${c.cameraCode})`),
          row(T.window[lang], windowText(lang, c.windowFrom, c.windowTo)),
          row(T.ask[lang], c.ask),
          row(T.deadline[lang], formatDateTime(lang, c.deadlineAt)),
          { type: 'text', text: T.free[lang], size: 'xs', color: '#777777', wrap: true, margin: 'md' },
        ],
      },
      footer: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [
          ...FOOTAGE_ANSWERS.map(answerButton),
          {
            type: 'button',
            style: 'link',
            height: 'sm',
            action: { type: 'uri', label: T.upload[lang], uri: liffUrl(`footage/${c.requestId}`) },
          },
        ],
      },
    },
  }
}

const REPLIES: Record<'thanks' | 'not_found' | 'closed', Record<Language, string>> = {
  thanks: {
    th: 'ขอบคุณค่ะ บันทึกคำตอบ "{answer}" สำหรับเรื่อง {ref} แล้ว{upload}',
    en: 'Thank you. Your answer "{answer}" for case {ref} is recorded.{upload}',
  },
  not_found: {
    th: 'ไม่พบคำขอนี้ หรือคำขอนี้ไม่ได้ส่งถึงท่าน',
    en: 'This request was not found, or it was not sent to you.',
  },
  closed: {
    th: 'คำขอนี้ปิดแล้ว ไม่ต้องตอบเพิ่มเติม ขอบคุณค่ะ',
    en: 'This request is closed already: nothing more is needed. Thank you.',
  },
}
const UPLOAD_HINT: Record<Language, string> = {
  th: '\nหากสะดวก กรุณาส่งไฟล์ภาพผ่านปุ่ม "ตอบ / ส่งไฟล์ภาพ" หรือนำมาที่สถานีพร้อมเลขที่เรื่อง',
  en: '\nIf you can, please upload the clip with "Answer / upload", or bring it to the station with the case number.',
}

export function answerReply(
  lang: Language,
  kind: keyof typeof REPLIES,
  vars: { answer?: FootageAnswer; ref?: string } = {},
): string {
  return REPLIES[kind][lang]
    .replace('{answer}', vars.answer ? ANSWER_LABELS[vars.answer][lang] : '')
    .replace('{ref}', vars.ref ?? '')
    .replace('{upload}', vars.answer === 'have_it' ? UPLOAD_HINT[lang] : '')
}

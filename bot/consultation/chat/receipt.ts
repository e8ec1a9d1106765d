import type { Language } from '../../../db/schema/index.js'
import type { ConsultationTopic } from '../../contracts/consultations.js'
import { tc } from '../texts/index.js'
import { topicName } from './topics.js'

const DAY: Record<Language, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Bangkok',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Bangkok',
  }),
}
const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Asia/Bangkok',
})
const bangkokDay = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)

/**
 * A moment as a citizen reads it, Asia/Bangkok: "วันนี้ เวลา 14:30 น." / "today at 14:30" on the same day, else with
 * the weekday and the Buddhist-Era date ("วันจันทร์ที่ 7 ธ.ค. 2569 เวลา 08:30 น." / "Monday, 7 Dec 2026 at 08:30").
 */
export function whenText(lang: Language, at: Date, now: Date): string {
  const time = TIME.format(at)
  return bangkokDay(at) === bangkokDay(now)
    ? tc(lang, 'when.today', { time })
    : tc(lang, 'when.day', { day: DAY[lang].format(at), time })
}

export type ReceiptInput = {
  ref: string
  topic: ConsultationTopic
  now: Date
  expectedBy: Date | null
  outOfHours: boolean
  opensAt: Date | null
  /** The question as the citizen wrote it: quoted, so they see it reached the station (clipped when long). */
  question?: string
}

const QUOTE_MAX = 300
const quote = (text: string) => (text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1)}…` : text)

/**
 * What the citizen gets once the question is with the station: the number, the topic, when to expect an answer
 * (and, out of hours, when the office opens), the disclaimer (general information, not representation; 191), and
 * that more messages, photos and files are welcome.
 */
export function receiptText(lang: Language, r: ReceiptInput): string {
  const when: string[] = []
  if (r.outOfHours && r.opensAt) {
    when.push(tc(lang, 'receipt.closed', { opening: whenText(lang, r.opensAt, r.now) }))
  }
  when.push(
    r.expectedBy
      ? tc(lang, 'receipt.expect', { when: whenText(lang, r.expectedBy, r.now) })
      : tc(lang, 'receipt.noHours'),
  )
  return [
    tc(lang, 'receipt.title'),
    `${tc(lang, 'receipt.ref', { ref: r.ref })}\n${tc(lang, 'receipt.topic', { topic: topicName(lang, r.topic) })}`,
    ...(r.question ? [tc(lang, 'receipt.question', { question: quote(r.question) })] : []),
    when.join('\n'),
    tc(lang, 'disclaimer'),
    tc(lang, 'receipt.more'),
  ].join('\n\n')
}

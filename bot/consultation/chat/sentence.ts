import { createRemainder } from '../../conversation/input.js'
import { TOPIC_WORDINGS } from './topics.js'

/**
 * Words that join a start's words and its topic without saying anything of the citizen's case ("เกี่ยวกับ",
 * "about"), and the vague "what do I do" that any question ends with: what is left besides them is the case itself.
 */
const CONNECTORS = [
  'เกี่ยวกับ',
  'กับ',
  'ที่',
  'หัวข้อ',
  'ปัญหา',
  'มี',
  'ยังไง',
  'ยังไงดี',
  'อย่างไร',
  'อย่างไรดี',
  'ไง',
  'ดี',
  'บ้าง',
  'ได้',
  'about',
  'regarding',
  'on',
  'for',
  'with',
  'of',
  'topic',
  'problem',
  'issue',
  'have',
  'how',
  'what',
  'should',
  'do',
  'help',
]

const remainder = createRemainder({ intents: ['consultation'], wordings: [...TOPIC_WORDINGS, ...CONNECTORS] })

/** A case told in the start's sentence has at least two words of its own, and at least this many letters. */
const MIN_WORDS = 2
const MIN_LETTERS = 10

/**
 * The rule that tells a question from a topic (issue #12, "never asked twice for the same thing"): a start message
 * is also the question when, once the start words ("ปรึกษากฎหมาย", "legal advice"), the topic's words, fillers,
 * particles, greetings and the connectors above are taken out, at least two words and ten letters of the citizen's
 * own are left. "ปรึกษากฎหมายเรื่องหนี้ครับ" leaves nothing (a topic only); "ปรึกษากฎหมาย โดนโกงออนไลน์
 * โอนเงินไปแล้ว 5,000 บาท ทำยังไงดีคะ" leaves "โอน เงิน ไป แล้ว 5 000 บาท" (a question, kept whole as the citizen
 * wrote it).
 */
export function isQuestion(text: string): boolean {
  const left = remainder(text)
  return left.length >= MIN_WORDS && left.join('').length >= MIN_LETTERS
}

import { and, asc, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { consultationTopicSettings, type Language } from '../../../db/schema/index.js'
import {
  CONSULTATION_TOPIC_LABELS,
  CONSULTATION_TOPICS,
  type ConsultationTopic,
  DEFAULT_FIRST_RESPONSE_MINUTES,
  DEFAULT_NEXT_RESPONSE_MINUTES,
} from '../../contracts/consultations.js'
import { matchOption, type Option } from '../../conversation/input.js'
import { tc } from '../texts/index.js'

export function isTopic(value: string | null | undefined): value is ConsultationTopic {
  return (CONSULTATION_TOPICS as readonly string[]).includes(value ?? '')
}

/**
 * The topics the station offers, in its order. A station that has not set any yet offers every topic in the
 * contract's order (its settings rows are written when an admin first saves them).
 */
export async function activeTopics(tx: Tx, stationId: string): Promise<ConsultationTopic[]> {
  const rows = await tx
    .select({ topic: consultationTopicSettings.topic, active: consultationTopicSettings.active })
    .from(consultationTopicSettings)
    .where(eq(consultationTopicSettings.stationId, stationId))
    .orderBy(asc(consultationTopicSettings.position))
  if (rows.length === 0) {
    return [...CONSULTATION_TOPICS]
  }
  const set = new Set(rows.map((r) => r.topic))
  // A topic without a row (added to the contract after the station saved its settings) is offered, at the end.
  const offered = rows.filter((r) => r.active).map((r) => r.topic)
  const unset = CONSULTATION_TOPICS.filter((t) => !set.has(t))
  const all = [...offered, ...unset]
  // "Something else" is always there: no citizen is turned away for want of a topic.
  return all.includes('other') ? all : [...all, 'other']
}

/** The topic's SLA at the station, in office minutes (the defaults until the station sets its own). */
export async function topicSla(tx: Tx, stationId: string, topic: ConsultationTopic) {
  const [row] = await tx
    .select({
      first: consultationTopicSettings.firstResponseMinutes,
      next: consultationTopicSettings.nextResponseMinutes,
    })
    .from(consultationTopicSettings)
    .where(and(eq(consultationTopicSettings.stationId, stationId), eq(consultationTopicSettings.topic, topic)))
    .limit(1)
  return { first: row?.first ?? DEFAULT_FIRST_RESPONSE_MINUTES, next: row?.next ?? DEFAULT_NEXT_RESPONSE_MINUTES }
}

/** The topic as the chat names it (short, a quick-reply label) and in full (the contract's label). */
export const topicLabel = (lang: Language, topic: ConsultationTopic) => tc(lang, `topic.${topic}`)
export const topicName = (lang: Language, topic: ConsultationTopic) => CONSULTATION_TOPIC_LABELS[topic][lang]

/** How people name each topic when they type it instead of tapping (both languages, the labels and more). */
const SYNONYMS: Record<ConsultationTopic, string[]> = {
  scam: [
    'โดนโกง',
    'ถูกโกง',
    'โดนหลอก',
    'ถูกหลอก',
    'มิจฉาชีพ',
    'แก๊งคอลเซ็นเตอร์',
    'คอลเซ็นเตอร์',
    'หลอกโอนเงิน',
    'scam',
    'scammed',
    'cheated',
    'fraud',
  ],
  family: ['ครอบครัว', 'มรดก', 'หย่า', 'หย่าร้าง', 'สามีภรรยา', 'ลูก', 'family', 'divorce', 'inheritance'],
  debt: ['หนี้', 'หนี้สิน', 'เงินกู้', 'หนี้นอกระบบ', 'ทวงหนี้', 'debt', 'debts', 'loan', 'loans', 'loan shark'],
  traffic: ['จราจร', 'อุบัติเหตุ', 'รถชน', 'ใบสั่ง', 'traffic', 'accident', 'car accident', 'ticket'],
  labour: ['แรงงาน', 'นายจ้าง', 'ลูกจ้าง', 'เงินเดือน', 'ค่าจ้าง', 'labour', 'labor', 'work', 'employer', 'salary'],
  property: ['ที่ดิน', 'เพื่อนบ้าน', 'บ้าน', 'property', 'land', 'neighbour', 'neighbor', 'neighbours'],
  cyber: ['ออนไลน์', 'คุกคาม', 'คุกคามออนไลน์', 'โซเชียล', 'แฉ', 'cyber', 'harassment', 'online'],
  other: ['อื่น', 'อื่นๆ', 'เรื่องอื่น', 'other', 'something else', 'else'],
}

/**
 * Words that name a topic on their own but are common inside a story about another one ("โดนโกงออนไลน์" is a scam,
 * not cyber harassment; "ลูกหนี้" a debt): when a message also names another topic, that one is meant.
 */
const WEAK = new Set(['ออนไลน์', 'online', 'ลูก', 'บ้าน', 'work', 'ticket', 'else'])

type TopicOption = Option & { id: ConsultationTopic }
const optionsOf = (keep: (word: string) => boolean): readonly TopicOption[] =>
  CONSULTATION_TOPICS.map((topic) => ({
    id: topic,
    labels: [
      tc('th', `topic.${topic}`),
      tc('en', `topic.${topic}`),
      ...Object.values(CONSULTATION_TOPIC_LABELS[topic]),
    ],
    synonyms: SYNONYMS[topic].filter(keep),
  }))
const OPTIONS = optionsOf(() => true)
const STRONG_OPTIONS = optionsOf((w) => !WEAK.has(w))

/** Every word that names a topic (labels and synonyms, both languages): what a start's sentence is besides. */
export const TOPIC_WORDINGS: readonly string[] = OPTIONS.flatMap((o) => [...o.labels, ...(o.synonyms ?? [])])

/**
 * The topic a typed answer or a sentence names ("หนี้นอกระบบครับ", "scam", "โดนโกงออนไลน์ โอนเงินไปแล้ว"), when it
 * names exactly one of the offered ones; a weak word counts only when no other topic is named.
 */
export function typedTopic(text: string, offered: readonly ConsultationTopic[]): ConsultationTopic | undefined {
  const strong = matchOption(text, STRONG_OPTIONS)
  const topic = (strong && strong.how !== 'typo' ? strong : matchOption(text, OPTIONS))?.option.id
  return topic && offered.includes(topic) ? topic : undefined
}

import { CHAT_INTENTS } from './phrases-chat.js'
import { SERVICE_INTENTS } from './phrases-services.js'
import { SOS_INTENT } from './phrases-sos.js'

/**
 * The intents, in precedence order: when two intents fit a message equally well, the earlier one wins. SOS is first
 * and also outranks everything else whenever the message is urgent (see understand.ts).
 */
export const INTENT_IDS = [
  'sos',
  'cancel',
  'menu',
  'lost_document',
  'my_reports',
  'my_data',
  'station',
  'consultation',
  'house_watch',
  'register_camera',
  'home',
  'stop_announcements',
  'start_announcements',
  'language_en',
  'language_th',
  'thanks',
  'greeting',
  'yes',
  'no',
] as const
export type IntentId = (typeof INTENT_IDS)[number]

/**
 * Small talk that can wrap a request ("สวัสดีครับ แจ้งบัตรหาย", "ok thanks"): for other intents the words of these
 * count as covered, like fillers, so the request is still recognised as the whole message.
 */
export const SOCIAL: ReadonlySet<IntentId> = new Set(['greeting', 'thanks', 'yes', 'no'])

/** Two word groups that together name an intent, in either order and at most a few tokens apart. */
export type WordPair = readonly [readonly string[], readonly string[]]

/**
 * How people ask for one thing, in Thai and English. Write phrasings as people type them, without particles (the
 * normaliser removes ครับ/ค่ะ/นะ… anyway) and in lower case; spaces are optional (Thai is matched without them).
 */
export type IntentSpec = {
  id: IntentId
  /** Whole-message phrasings; found inside a longer message they are a mention. */
  phrases: readonly string[]
  /** Only as (nearly) the whole message: too common inside sentences to mean the intent there ("ไม่", "stop"). */
  alone?: readonly string[]
  pairs?: readonly WordPair[]
}

/** The SOS intent's extra classes of evidence, by how urgent they are inside a longer message. */
export type SosSpec = IntentSpec & {
  /** A call for help: SOS wherever it appears ("ช่วยด้วย", "ฉุกเฉิน", "someone is following me"). */
  distress: readonly string[]
  /** An ongoing danger: SOS unless the message says it is over ("เมื่อวาน…"): fire, someone hurt, a break-in. */
  danger: readonly string[]
  /**
   * An event often told afterwards (robbed, an accident, stolen): SOS as the whole message, with "now"/"ตอนนี้",
   * or as a short report with nothing else in it; inside a longer story only a low-scored mention.
   */
  incident: readonly string[]
}

export const SOS: SosSpec = SOS_INTENT
export const INTENTS: readonly IntentSpec[] = [SOS_INTENT, ...SERVICE_INTENTS, ...CHAT_INTENTS]

export const PRECEDENCE: Readonly<Record<IntentId, number>> = Object.fromEntries(
  INTENT_IDS.map((id, i) => [id, i]),
) as Record<IntentId, number>

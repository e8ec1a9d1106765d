/**
 * The citizens of the latency bench: 2,000 LINE users and a fixed mix of what they send. The mix and the users come
 * from a seeded generator, so every run (and every stage) sends the same kind of traffic.
 */
import { createHmac, randomBytes } from 'node:crypto'

export type EventKind = 'text' | 'menu-word' | 'postback' | 'follow'

/** Share of each kind in the traffic (sums to 1). Follows include re-follows (a citizen who unblocked the OA). */
export const MIX: Record<EventKind, number> = { text: 0.45, 'menu-word': 0.25, postback: 0.2, follow: 0.1 }

// Greetings with particles and everyday sentences: none is a command word, so they get the "didn't understand"
// answer with the menu, as most free text does. SOS, language and lost-document words are left out on purpose:
// they open cases or flows, which is a different benchmark.
const TEXTS = [
  'สวัสดีครับ',
  'สวัสดีค่ะ',
  'หวัดดีจ้า',
  'ขอบคุณครับ',
  'ขอบคุณมากค่ะ',
  'วันนี้ฝนตกไหมคะ',
  'รถติดมากเลยครับ',
  'กินข้าวหรือยังคะ',
  'โอเคค่ะ',
  '555',
  'hello krub',
  'hi na ka',
  'thank you',
  'good morning',
  'is anyone there?',
  'ok',
]
const MENU_WORDS = ['เมนู', 'ข้อมูลสถานี', 'menu', 'station']
const POSTBACKS = ['a=menu', 'a=station']

/** A small seeded PRNG (mulberry32): the same sequence every run, and cheap. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** `count` LINE user IDs (U + 32 hex), the same for a given seed. */
export function makeUsers(count: number, seed = 2569): string[] {
  const random = seeded(seed)
  return Array.from({ length: count }, () => {
    let hex = ''
    while (hex.length < 32) {
      hex += Math.floor(random() * 0x100000000)
        .toString(16)
        .padStart(8, '0')
    }
    return `U${hex.slice(0, 32)}`
  })
}

export function pickKind(random: () => number): EventKind {
  let r = random()
  for (const [kind, share] of Object.entries(MIX) as [EventKind, number][]) {
    r -= share
    if (r < 0) {
      return kind
    }
  }
  return 'text'
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)] as T
}

export type WebhookEvent = { body: string; signature: string; replyToken: string; webhookEventId: string }

/**
 * One signed one-event webhook as LINE sends it. `timestamp` is the event's time (the bench's scheduled send time),
 * so each user's events are in timestamp order.
 */
export function makeWebhook(args: {
  kind: EventKind
  userId: string
  timestamp: number
  eventId: string
  secret: string
  random: () => number
  /** The text (texts, menu words) or postback data to send instead of a random one. */
  content?: string
}): WebhookEvent {
  const { kind, userId, timestamp, eventId, secret, random, content } = args
  const replyToken = randomBytes(16).toString('hex')
  const base = {
    mode: 'active',
    timestamp,
    webhookEventId: eventId,
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId },
    replyToken,
  }
  let event: object
  if (kind === 'follow') {
    event = { type: 'follow', ...base, follow: { isUnblocked: random() < 0.5 } }
  } else if (kind === 'postback') {
    event = { type: 'postback', ...base, postback: { data: content ?? pick(POSTBACKS, random) } }
  } else {
    const text = content ?? (kind === 'menu-word' ? pick(MENU_WORDS, random) : pick(TEXTS, random))
    event = { type: 'message', ...base, message: { id: eventId, type: 'text', text, quoteToken: replyToken } }
  }
  const body = JSON.stringify({ destination: `U${'0'.repeat(32)}`, events: [event] })
  const signature = createHmac('sha256', secret).update(body).digest('base64')
  return { body, signature, replyToken, webhookEventId: eventId }
}

/**
 * What an inbox event keeps once it is processed (or set aside as failed): what ordering, deduplication and the
 * officers' "what happened when" need (its type, IDs and timestamps), never what the person wrote or where they
 * were. Message texts, postback data (the answers of the chat flows: ID numbers, phones, dates of birth),
 * coordinates, addresses, file names and sticker keywords are dropped; whatever a case needs of them was stored
 * with the case, encrypted when personal. An allow-list per event type: a field LINE adds tomorrow is dropped too.
 */

type Json = Record<string, unknown>

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Copies only these keys (when present): IDs, types and flags, never free text. */
function pick(from: unknown, keys: readonly string[]): Json | undefined {
  if (!isObject(from)) {
    return undefined
  }
  const out: Json = {}
  for (const key of keys) {
    if (from[key] !== undefined) {
      out[key] = from[key]
    }
  }
  return out
}

/** Every event: what LINE's order and our dedupe rest on. The reply token is a column of its own. */
const EVENT_KEYS = ['type', 'webhookEventId', 'timestamp', 'mode'] as const
const SOURCE_KEYS = ['type', 'userId', 'groupId', 'roomId'] as const
/** A message keeps its ID and type: text, quote tokens, emojis, mentions, coordinates, file names... are dropped. */
const MESSAGE_KEYS = ['id', 'type'] as const

/** Per event type, the extra parts worth keeping (only IDs and types inside them). */
const EXTRA: Record<string, (event: Json) => Json> = {
  message: (e) => ({ message: pick(e.message, MESSAGE_KEYS) }),
  // Postback data is the flows' answers ("a=ld&x=idn&v=…") and params (dates): none of it is kept.
  postback: () => ({ postback: {} }),
  unsend: (e) => ({ unsend: pick(e.unsend, ['messageId']) }),
  memberJoined: (e) => ({ joined: membersOf(e.joined) }),
  memberLeft: (e) => ({ left: membersOf(e.left) }),
  videoPlayComplete: (e) => ({ videoPlayComplete: pick(e.videoPlayComplete, ['trackingId']) }),
  beacon: (e) => ({ beacon: pick(e.beacon, ['hwid', 'type']) }),
  accountLink: (e) => ({ link: pick(e.link, ['result']) }),
}

function membersOf(v: unknown): Json | undefined {
  if (!isObject(v) || !Array.isArray(v.members)) {
    return undefined
  }
  return { members: v.members.map((m) => pick(m, SOURCE_KEYS)) }
}

/** The processed form of a stored LINE event (a pure function: the same input always gives the same output). */
export function scrubLineEvent(event: unknown): Json {
  if (!isObject(event)) {
    return { scrubbed: true }
  }
  const type = typeof event.type === 'string' ? event.type : ''
  const out: Json = { ...pick(event, EVENT_KEYS) }
  const source = pick(event.source, SOURCE_KEYS)
  if (source) {
    out.source = source
  }
  const redelivery = pick(event.deliveryContext, ['isRedelivery'])
  if (redelivery) {
    out.deliveryContext = redelivery
  }
  for (const [key, value] of Object.entries(EXTRA[type]?.(event) ?? {})) {
    if (value !== undefined) {
      out[key] = value
    }
  }
  // Marks the row as done, so the retention job's first pass knows which older rows still need it.
  out.scrubbed = true
  return out
}

/** Whether a stored payload has already been scrubbed. */
export function isScrubbed(payload: unknown): boolean {
  return isObject(payload) && payload.scrubbed === true
}

/** The `set` of the UPDATE that marks an inbox event processed or failed (jobs/process-chat.job.ts). */
export function scrubbedPayload(payload: unknown): { payload: Json } {
  return { payload: scrubLineEvent(payload) }
}

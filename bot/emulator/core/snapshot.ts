import type { AcceptedRetryKey, EmulatorState } from '../state.js'
import type {
  EmulatedGroup,
  EmulatedUser,
  ReceivedMessage,
  RichMenuRecord,
  TimelineItem,
  WebhookEvent,
} from '../types.js'

/**
 * What the emulator keeps across restarts of `npm start`: the people, groups and chats a newcomer made, and what
 * LINE itself would still know (the bot's identity, rich menus and who sees which, accepted retry keys). Not kept:
 * reply tokens (a minute), loading animations, faults, the API-call log and the monthly quota count (a restart is a
 * new month, as before). Rich-menu images are not kept either: `runLineSetup` re-uploads them at every start, so
 * the menus keep their IDs and every user keeps their menu.
 */
export type Snapshot = {
  version: typeof SNAPSHOT_VERSION
  savedAt: number
  bot: EmulatorState['bot']
  users: EmulatedUser[]
  groups: EmulatedGroup[]
  timelines: [string, TimelineItem[]][]
  received: ReceivedMessage[]
  events: WebhookEvent[]
  richMenus: Omit<RichMenuRecord, 'image'>[]
  richMenuAliases: [string, string][]
  userRichMenus: [string, string][]
  defaultRichMenuId?: string
  retryKeys: [string, AcceptedRetryKey][]
  /** Images the users sent (base64), newest first up to a budget. */
  contents: [string, { contentType: string; base64: string }][]
}

export const SNAPSHOT_VERSION = 1
// Enough for any demo, small enough to write in a few milliseconds.
const MAX_ITEMS_PER_CHAT = 500
const MAX_RECEIVED = 2_000
const MAX_EVENTS = 1_000
const MAX_CONTENT_BYTES = 8 * 1024 * 1024
const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000

export function takeSnapshot(state: EmulatorState, now: number): Snapshot {
  const contents: Snapshot['contents'] = []
  let budget = MAX_CONTENT_BYTES
  for (const [id, content] of [...state.contents].reverse()) {
    budget -= content.data.length
    if (budget < 0) {
      break
    }
    contents.push([id, { contentType: content.contentType, base64: content.data.toString('base64') }])
  }
  return {
    version: SNAPSHOT_VERSION,
    savedAt: now,
    bot: state.bot,
    users: [...state.users.values()],
    groups: [...state.groups.values()],
    timelines: [...state.timelines].map(([chatId, items]) => [chatId, items.slice(-MAX_ITEMS_PER_CHAT)]),
    received: state.received.slice(-MAX_RECEIVED),
    events: [...state.events.values()].slice(-MAX_EVENTS),
    richMenus: [...state.richMenus.values()].map(({ image: _image, ...menu }) => menu),
    richMenuAliases: [...state.richMenuAliases],
    userRichMenus: [...state.userRichMenus],
    ...(state.defaultRichMenuId ? { defaultRichMenuId: state.defaultRichMenuId } : {}),
    retryKeys: [...state.retryKeys].filter(([, k]) => !k.pending && now - k.acceptedAt < RETRY_KEY_TTL_MS),
    contents: contents.reverse(),
  }
}

/** Where the restored emulator's counters continue from, so new items sort after the old ones. */
export type Resume = { seq: number; lastMessageId?: bigint }

/** Puts a snapshot into a fresh state (the webhook URL and LIFF apps stay as this start configured them). */
export function restoreSnapshot(state: EmulatorState, snap: Snapshot): Resume {
  state.bot = snap.bot
  state.users = new Map(snap.users.map((u) => [u.userId, u]))
  state.groups = new Map(snap.groups.map((g) => [g.groupId, g]))
  state.timelines = new Map(snap.timelines)
  state.received = snap.received
  state.events = new Map(snap.events.map((e) => [e.webhookEventId, e]))
  state.richMenus = new Map(snap.richMenus.map((m) => [m.richMenuId, m]))
  state.richMenuAliases = new Map(snap.richMenuAliases)
  state.userRichMenus = new Map(snap.userRichMenus)
  state.defaultRichMenuId = snap.defaultRichMenuId
  state.retryKeys = new Map(snap.retryKeys)
  state.contents = new Map(
    snap.contents.map(([id, c]) => [id, { contentType: c.contentType, data: Buffer.from(c.base64, 'base64') }]),
  )
  let seq = 0
  let lastMessageId: bigint | undefined
  const seeId = (id: string | undefined) => {
    if (id && /^\d+$/.test(id) && (lastMessageId === undefined || BigInt(id) > lastMessageId)) {
      lastMessageId = BigInt(id)
    }
  }
  for (const items of state.timelines.values()) {
    for (const item of items) {
      seq = Math.max(seq, item.seq)
      seeId(item.kind === 'system' ? undefined : item.messageId)
    }
  }
  for (const m of state.received) {
    seeId(m.messageId)
  }
  return lastMessageId === undefined ? { seq } : { seq, lastMessageId }
}

/** A parsed file is a snapshot only if it has the shape this version writes; anything else starts fresh. */
export function isSnapshot(value: unknown): value is Snapshot {
  const s = value as Partial<Snapshot> | null
  return (
    typeof s === 'object' &&
    s !== null &&
    s.version === SNAPSHOT_VERSION &&
    typeof s.bot?.userId === 'string' &&
    [s.users, s.groups, s.timelines, s.received, s.events, s.richMenus, s.retryKeys, s.contents].every(Array.isArray)
  )
}

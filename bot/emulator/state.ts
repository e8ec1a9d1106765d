import type {
  ApiCall,
  DeliveryMethod,
  EmulatedGroup,
  EmulatedUser,
  Fault,
  ReceivedMessage,
  RichMenuRecord,
  TimelineItem,
  WebhookEvent,
} from './types.js'

export type ReplyTokenRecord = {
  chatId: string
  webhookEventId: string
  eventTimestamp: number
  /** When the webhook carrying it was (re)sent: the 1-minute window starts here. */
  sentAt: number
  usedAt?: number
}

export type AcceptedRetryKey = {
  acceptedAt: number
  requestId: string
  /** Reserved by a request still in flight; dropped unless that request is accepted. */
  pending: boolean
  /** Push repeats sentMessages in its 409 body. */
  sentMessages?: { id: string; quoteToken?: string }[]
}

export type NarrowcastRecord = {
  requestId: string
  acceptedAt: number
  completedAt: number
  targetCount: number
  successCount: number
}

export type UserContent = { contentType: string; data: Buffer }

/**
 * Everything the fake LINE Platform knows, in memory. Tests may read it and change the settings,
 * quota and faults directly; everything else is better changed through the emulator's methods.
 */
export type EmulatorState = {
  bot: { userId: string; basicId: string; displayName: string; pictureUrl?: string }
  webhook: { endpoint: string; active: boolean }
  /** LIFF ID -> endpoint URL, for URI actions to https://liff.line.me/{liffId}/... */
  liffApps: Record<string, string>
  users: Map<string, EmulatedUser>
  groups: Map<string, EmulatedGroup>
  /** Every message the bot sent, in order. */
  received: ReceivedMessage[]
  /** Per chat (userId or groupId): what its members' LINE apps show, in order. */
  timelines: Map<string, TimelineItem[]>
  /** Every event sent to the bot, by webhookEventId (latest form). */
  events: Map<string, WebhookEvent>
  replyTokens: Map<string, ReplyTokenRecord>
  retryKeys: Map<string, AcceptedRetryKey>
  /** Bytes of images the simulated users sent, by message ID. */
  contents: Map<string, UserContent>
  richMenus: Map<string, RichMenuRecord>
  richMenuAliases: Map<string, string>
  userRichMenus: Map<string, string>
  defaultRichMenuId?: string
  narrowcasts: Map<string, NarrowcastRecord>
  /** Loading animation end time per chat; cleared by the next message to that chat. */
  loading: Map<string, number>
  /** Monthly target limit; 300 matches a free Thai plan. type 'none' means unlimited. */
  quota: { type: 'limited' | 'none'; value: number }
  /** Messages counted against the quota this month (per recipient; replies are free). */
  usage: { total: number; byDay: Map<string, Record<DeliveryMethod, number>> }
  faults: Fault[]
  /** Recent Messaging API calls (newest last, capped), for assertions like "the bot showed a loading animation". */
  apiCalls: ApiCall[]
  /** How many requests reached each user (a multicast with 3 message objects is one copy): "sent exactly once". */
  copies: Map<string, number>
  /** customAggregationUnits seen on pushes and multicasts: requests, recipients reached, first use (ms). */
  aggregationUnits: Map<string, { requests: number; recipients: number; firstAt: number }>
  /** Recent accepted calls per rate-limited group (ms timestamps), for LINE's rate limits. */
  rateWindows: { multicast: number[]; broadcast: number[] }
  settings: {
    /** How long a webhook POST may take before the emulator gives up (LINE gives up after 2 s). */
    webhookTimeoutMs: number
    apiCallLogLimit: number
    /** Per-call latency of the Messaging API (a realistic LINE answers in 50–100 ms); null: as fast as it can. */
    latencyMs: { min: number; max: number } | null
    /** LINE's rate limits: multicast 2,000 requests/s, broadcast and narrowcast 60 requests/hour (429 past them). */
    rateLimits: boolean
    /**
     * Keep every multicast/broadcast message in the chats (the simulator shows them). Off for a benchmark of 100,000
     * users: only the copies per user are counted.
     */
    recordBulkMessages: boolean
  }
}

export function createEmulatorState(init: {
  botUserId: string
  webhookUrl: string
  liffApps: Record<string, string>
}): EmulatorState {
  return {
    bot: { userId: init.botUserId, basicId: '@emulator', displayName: 'สภ.เมืองระยอง (emulator)' },
    webhook: { endpoint: init.webhookUrl, active: true },
    liffApps: { ...init.liffApps },
    users: new Map(),
    groups: new Map(),
    received: [],
    timelines: new Map(),
    events: new Map(),
    replyTokens: new Map(),
    retryKeys: new Map(),
    contents: new Map(),
    richMenus: new Map(),
    richMenuAliases: new Map(),
    userRichMenus: new Map(),
    narrowcasts: new Map(),
    loading: new Map(),
    quota: { type: 'limited', value: 300 },
    usage: { total: 0, byDay: new Map() },
    faults: [],
    apiCalls: [],
    copies: new Map(),
    aggregationUnits: new Map(),
    rateWindows: { multicast: [], broadcast: [] },
    settings: {
      webhookTimeoutMs: 10_000,
      apiCallLogLimit: 2_000,
      latencyMs: null,
      rateLimits: true,
      recordBulkMessages: true,
    },
  }
}

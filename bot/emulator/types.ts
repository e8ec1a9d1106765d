// Public types of the LINE emulator. Other code (the bot's composition root, every test) depends on these names.

export type Language = 'th' | 'en'

/** 'none': never added the OA; 'friend': added (follow); 'blocked': blocked the OA (unfollow). */
export type Friendship = 'none' | 'friend' | 'blocked'

export type EmulatedUser = {
  userId: string
  displayName: string
  language: Language
  pictureUrl?: string
  statusMessage?: string
  friendship: Friendship
  /** Last time the user wrote to the OA 1:1 (ms); LINE lets the bot push to such users for 7 days. */
  lastMessagedAt?: number
  createdAt: number
}

export type EmulatedGroup = {
  groupId: string
  groupName: string
  pictureUrl?: string
  memberIds: string[]
  botIsMember: boolean
  createdAt: number
}

/** A message object as the bot sent it (validated against LINE's spec). */
export type LineMessage = { type: string; [key: string]: unknown }

export type DeliveryMethod = 'reply' | 'push' | 'multicast' | 'broadcast' | 'narrowcast'

export type ReceivedMessage = {
  chatId: string
  via: DeliveryMethod
  message: LineMessage
  messageId: string
  quoteToken?: string
  /** x-line-request-id of the API call that sent it. */
  requestId: string
  retryKey?: string
  notificationDisabled: boolean
  at: number
}

export type WebhookSource =
  | { type: 'user'; userId: string }
  | { type: 'group'; groupId: string; userId?: string }
  | { type: 'room'; roomId: string; userId?: string }

export type WebhookEvent = {
  type: string
  mode: 'active' | 'standby'
  timestamp: number
  webhookEventId: string
  deliveryContext: { isRedelivery: boolean }
  source?: WebhookSource
  replyToken?: string
  message?: { id: string; type: string; text?: string; quoteToken?: string; [key: string]: unknown }
  postback?: { data: string; params?: Record<string, string> }
  follow?: { isUnblocked: boolean }
  joined?: { members: { type: 'user'; userId: string }[] }
  left?: { members: { type: 'user'; userId: string }[] }
  [key: string]: unknown
}

export type WebhookDelivery = {
  /** HTTP status the webhook target answered; 0 when it could not be reached. */
  status: number
  ok: boolean
  /** The first (usually only) event of the body. */
  event: WebhookEvent
  events: WebhookEvent[]
  durationMs: number
  /** LINE gives up after 2 s (reason request_timeout); the emulator still waits, but flags it. */
  slowerThanLineAllows: boolean
  responseBody: string
  error?: string
}

export type Fault = {
  /** Request path without the query string, e.g. '/v2/bot/message/push', or a RegExp over it. */
  path: string | RegExp
  method?: string
  status: number
  /** How many matching requests fail this way; default 1. Use Infinity for "until removed". */
  times?: number
  /** Response body; default is LINE's shape for the status. */
  body?: object
  headers?: Record<string, string>
  /**
   * Process the request first (messages delivered, retry key accepted), then answer with the fault:
   * the "LINE accepted it but the response was lost" case that X-Line-Retry-Key exists for.
   */
  afterAccept?: boolean
  /** Wait this long before answering (to test client timeouts). With a 2xx `status`, only the delay applies. */
  delayMs?: number
}

export type ApiCall = {
  at: number
  method: string
  path: string
  status: number
  requestId: string
  retryKey?: string
  body?: unknown
}

export type RichMenuRecord = {
  richMenuId: string
  size: { width: number; height: number }
  selected: boolean
  name: string
  chatBarText: string
  areas: { bounds: { x: number; y: number; width: number; height: number }; action: Record<string, unknown> }[]
  image?: { contentType: string; data: Buffer; width: number; height: number }
}

export type TimelineItem =
  | {
      seq: number
      at: number
      chatId: string
      kind: 'user'
      userId: string
      /** What the user's LINE app shows: a message, or a postback's displayText. */
      message: { type: string; [key: string]: unknown }
      messageId?: string
    }
  | {
      seq: number
      at: number
      chatId: string
      kind: 'bot'
      via: DeliveryMethod
      message: LineMessage
      messageId: string
    }
  | {
      seq: number
      at: number
      chatId: string
      kind: 'system'
      code: SystemNoticeCode
      detail?: Record<string, unknown>
    }

export type SystemNoticeCode =
  | 'follow'
  | 'unfollow'
  | 'join'
  | 'leave'
  | 'memberJoined'
  | 'memberLeft'
  | 'webhookFailed'
  | 'webhookSlow'
  | 'notDelivered'

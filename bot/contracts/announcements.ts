// Shared by the server and the LIFF apps (imported as @contracts/announcements.js): plain data and types, no imports.
// The household registry and announcements to the zone's households (issue #14).

/** What a household may choose to hear about (all by default); an announcement is about one of them. */
export const ANNOUNCEMENT_TOPICS = [
  'crime_alert',
  'scam_warning',
  'festival_safety',
  'road_closure',
  'missing_person',
  'general',
] as const
export type AnnouncementTopic = (typeof ANNOUNCEMENT_TOPICS)[number]

export const ANNOUNCEMENT_TOPIC_LABELS: Record<AnnouncementTopic, { th: string; en: string }> = {
  crime_alert: { th: 'แจ้งเตือนเหตุอาชญากรรม', en: 'Crime alerts' },
  scam_warning: { th: 'เตือนภัยมิจฉาชีพ', en: 'Scam warnings' },
  festival_safety: { th: 'ความปลอดภัยช่วงเทศกาล', en: 'Festival safety' },
  road_closure: { th: 'ปิดถนน / การจราจร', en: 'Road closures and traffic' },
  missing_person: { th: 'ตามหาบุคคลสูญหาย', en: 'Missing persons' },
  general: { th: 'ประชาสัมพันธ์ทั่วไป', en: 'General news' },
}

/** How a household came to be: registered from the LIFF app, or created by a house-watch enrolment. */
export const HOUSEHOLD_SOURCES = ['liff', 'house_watch'] as const
export type HouseholdSource = (typeof HOUSEHOLD_SOURCES)[number]

/** A member's place in the household: the one who registered it (can invite and edit) or a member who joined. */
export const HOUSEHOLD_ROLES = ['owner', 'member'] as const
export type HouseholdRole = (typeof HOUSEHOLD_ROLES)[number]

/**
 * Who an announcement goes to. `followers`: every follower the OA knows, by multicast; `all_friends`: LINE's broadcast
 * API (everyone who added the OA, even those who never wrote); `households`: registered households, all or by
 * municipality / tambon / soi or inside a drawn polygon; `house_watch_owners`: owners of active house watches;
 * `list`: a saved custom list. `language` narrows any audience but `all_friends` to users of that language.
 */
export type Audience =
  | { type: 'followers'; language?: 'th' | 'en' }
  | { type: 'all_friends' }
  | {
      type: 'households'
      language?: 'th' | 'en'
      municipalities?: string[]
      subdistricts?: string[]
      sois?: string[]
      /** A GeoJSON polygon ([lng, lat] rings) drawn on the map. */
      area?: { type: 'Polygon'; coordinates: number[][][] }
    }
  | { type: 'house_watch_owners'; language?: 'th' | 'en' }
  | { type: 'list'; listId: string; language?: 'th' | 'en' }
export const AUDIENCE_TYPES = ['followers', 'all_friends', 'households', 'house_watch_owners', 'list'] as const
export type AudienceType = (typeof AUDIENCE_TYPES)[number]

/**
 * An announcement's life: composed (draft) → awaiting a supervisor's approval when the station requires it →
 * scheduled (a time in the future) or sending → sent; cancel stops what has not been sent; failed when nothing could go.
 */
export const BROADCAST_STATUSES = [
  'draft',
  'awaiting_approval',
  'scheduled',
  'sending',
  'sent',
  'cancelled',
  'failed',
] as const
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number]

/** LINE message objects per language; an announcement without English goes out in Thai to everyone. */
export type LocalizedMessages = { th: unknown[]; en?: unknown[] }

/**
 * A send that would exceed the quota (or the station's monthly budget) is refused unless the admin chooses a partial
 * send: the first `limit` recipients in the stated order.
 */
export const PARTIAL_SEND_ORDERS = ['house_watch_first', 'registered_first', 'newest_first'] as const
export type PartialSendOrder = (typeof PARTIAL_SEND_ORDERS)[number]
export type PartialSend = { limit: number; order: PartialSendOrder }

/** LINE's limits for the fan-out. */
export const MULTICAST_MAX_RECIPIENTS = 500
export const MULTICAST_REQUESTS_PER_SECOND = 2000
export const BROADCAST_REQUESTS_PER_HOUR = 60

/** The chat words that stop and restart announcements (understood with particles and typos by the conversation). */
export const OPT_OUT_WORDS = { th: 'ไม่รับข่าวสาร', en: 'stop announcements' } as const
export const OPT_IN_WORDS = { th: 'รับข่าวสาร', en: 'receive announcements' } as const

// --- The officers' API (bot/announcements; liff/admin/src/pages/announcements). Routes:
// POST /api/admin/broadcasts                    { title?, topic?, audience, messages, scheduledAt? } → { broadcast }
// PATCH /api/admin/broadcasts/:id               the same fields, while a draft or awaiting approval → { broadcast }
// POST /api/admin/broadcasts/estimate           { audience } → AudienceEstimate (before saving)
// POST /api/admin/broadcasts/:id/test           → sends it to the signed-in officer's own LINE (a push)
// POST /api/admin/broadcasts/:id/approve        (broadcasts.approve) → { broadcast }
// POST /api/admin/broadcasts/:id/send           { partial? } → { broadcast }; 409 quota_exceeded with an AudienceEstimate
// POST /api/admin/broadcasts/:id/cancel         → { broadcast }
// GET  /api/admin/broadcasts/:id                → { broadcast, requests: BroadcastRequestView[] } (poll for progress)
// GET  /api/admin/broadcasts                    → { broadcasts: BroadcastView[] }
// GET/PUT /api/admin/broadcasts/settings        AnnouncementSettingsView
// GET/POST/PUT/DELETE /api/admin/audience-lists saved custom lists
// POST /api/admin/broadcasts/images             image bytes → { originalContentUrl, previewImageUrl }

/** `messages` as the API accepts it: LINE message objects (Thai for everyone) or one array per language. */
export type BroadcastMessagesInput = unknown[] | LocalizedMessages

export type BroadcastView = {
  id: string
  title: string
  topic: AnnouncementTopic
  status: BroadcastStatus
  audience: Audience
  messages: LocalizedMessages
  /** ISO times; shown in BE, Asia/Bangkok. */
  scheduledAt: string | null
  recipients: number
  sent: number
  failed: number
  /** Recipients neither sent nor failed yet (0 once sent or cancelled). */
  remaining: number
  partial: PartialSend | null
  aggregationUnit: string
  lineStats: unknown | null
  createdBy: { id: string; name: string } | null
  approvedBy: { id: string; name: string } | null
  approvedAt: string | null
  startedAt: string | null
  completedAt: string | null
  cancelledAt: string | null
  createdAt: string
}

/** One LINE request of an announcement (the per-request result log). */
export type BroadcastRequestView = {
  id: string
  language: 'th' | 'en'
  method: 'multicast' | 'broadcast'
  recipients: number
  status: 'pending' | 'delivered' | 'failed' | 'cancelled'
  attempts: number
  lineRequestId: string | null
  error: string | null
  deliveredAt: string | null
}

/** The audience's size before sending, and whether the month's quota (and the station's budget) covers it. */
export type AudienceEstimate = {
  recipients: number
  byLanguage: { th: number; en: number }
  /** Left out: opted out of announcements, blocked the OA. */
  excluded: { optedOut: number; blocked: number }
  /** LINE's monthly quota (null limit: unlimited) and this month's consumption. */
  quota: { limit: number | null; used: number; remaining: number | null }
  /** The station's monthly announcement budget, if set. */
  budget: { limit: number; used: number; remaining: number } | null
  /** recipients ≤ every remaining above. */
  fits: boolean
  /** `all_friends`: LINE counts its own followers; the size is LINE's friend count (an estimate). */
  estimated: boolean
}

export type AnnouncementSettingsView = { requireApproval: boolean; monthlyBudget: number | null }

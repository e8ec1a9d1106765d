import type { messagingApi } from '@line/bot-sdk'
import type { Tx } from '../../db/client.js'
import type { Citizen, InboundEvent, Language, Station } from '../../db/schema/index.js'
import type { LineEvent } from '../line/events.schema.js'
import type { LineMessage } from '../line/line-client.js'
import type { Understanding } from './understanding/index.js'

export type FlowState = { flow: string; step: string; data: Record<string, unknown>; expiresAt: Date }

/** What the user did, normalised once so features don't re-parse LINE's event shapes. */
export type UserInput =
  /** `understanding` is read once per message (bot/conversation/understanding): intents, SOS, typed options. */
  | { kind: 'text'; text: string; understanding: Understanding }
  | { kind: 'postback'; action: string; params: URLSearchParams; dateParams?: Record<string, string> }
  | { kind: 'location'; latitude: number; longitude: number; title?: string; address?: string }
  | { kind: 'other'; messageType: string }

export type Turn = {
  tx: Tx
  event: LineEvent
  inbound: InboundEvent
  chatKey: string
  citizen: Citizen
  lang: Language
  input: UserInput
  /** The active flow, if any and not expired. */
  state: FlowState | null
  station: Station
  now: Date
}

export type TurnResult = {
  messages: LineMessage[]
  /** undefined keeps the state as it is; null ends the flow; a value replaces it. */
  state?: FlowState | null
  /** Set when the turn changed the citizen's language (later messages in the turn are already in it). */
  language?: Language
}

/** A service of the OA. Flows of later issues (lost documents, house watch, consultation) are features too. */
export type Feature = {
  id: string
  /** Global features (SOS, language, menu) answer before any active flow: they never wait behind a flow's state. */
  global?: boolean
  /** The main-menu quick-reply items this feature offers (only services that exist). */
  menu?(lang: Language, links: Links): QuickReplyItem[]
  handle(turn: Turn, ctx: FeatureContext): Promise<TurnResult | undefined>
  /**
   * Whether this flow, in this state, waits for free text (a name, an address, what happened). A text is then its
   * answer: no other service reads it, unless it interrupts (SOS, cancel, menu: understanding's `interruption`).
   */
  awaitsText?(state: FlowState): boolean
}

/** Links into the citizen LIFF app (`https://liff.line.me/{liffId}/path`), opened inside LINE. */
export type Links = { liff(path: string): string }

export type FeatureContext = {
  links: Links
  /** The officers' LIFF app: station alerts (alertStation) link to the case in it. */
  adminLiffId: string
  /** The main menu as quick replies, in a language. */
  mainMenu(lang: Language): { items: QuickReplyItem[] }
  /** A phone number the citizen gave the station (for the SOS alert's "call back"), if any. */
  contactPhone(tx: Tx, citizenId: string): Promise<string | null>
}

export type QuickReplyItem = messagingApi.QuickReplyItem

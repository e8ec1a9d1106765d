import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import {
  type Citizen,
  type ConversationState,
  conversationStates,
  type InboundEvent,
  type Language,
  type Station,
} from '../../db/schema/index.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import { languageFromProfile, t } from '../i18n/index.js'
import type { LineEvent } from '../line/events.schema.js'
import type { LineClient, LineMessage } from '../line/line-client.js'
import { interruptionOf, readInput } from './input.js'
import type { Feature, FeatureContext, FlowState, TurnResult, UserInput } from './types.js'

export type Prepared = { profile?: { displayName: string; language?: string } }

/**
 * Rows the caller already read with the event (one query for event, citizen and state): `citizen` when it exists,
 * `state` the chat's row or null when it has none. Absent fields are read here.
 */
export type Preloaded = { citizen?: Citizen; state?: ConversationState | null }

export type EngineArgs = {
  event: LineEvent
  inbound: InboundEvent
  station: Station
  now: Date
  prepared?: Prepared
  preloaded?: Preloaded
}

export type EngineOutput = {
  /** Messages to the chat, in order. */
  messages: LineMessage[]
  /** Whether the event's reply token may carry them. */
  replyable: boolean
}

export type ConversationEngineDeps = {
  features: Feature[]
  citizens: CitizensService
  line: Pick<LineClient, 'getProfile'>
  /** The citizen LIFF app, for links in messages. */
  liffId: string
  /** The officers' LIFF app, for links in station alerts (SOS). */
  adminLiffId: string
  /** Profile lookups must not hold a transaction for long. */
  profileTimeoutMs?: number
  /** A phone number the citizen gave the station, for the SOS alert (none: no call button). */
  contactPhone?: FeatureContext['contactPhone']
  /** Group and room events (the bot joining or leaving the station's group): bot/station/group-events.ts. */
  groupEvents?: (tx: Tx, args: { event: LineEvent; station: Station; now: Date }) => Promise<EngineOutput>
}

/**
 * Runs one inbox event inside the caller's transaction: reads the chat's state from Postgres, lets the features
 * answer, writes the new state. The caller writes the messages to the outbox in the same transaction.
 */
export function createConversationEngine({
  features,
  citizens,
  line,
  liffId,
  adminLiffId,
  profileTimeoutMs = 3_000,
  contactPhone = async () => null,
  groupEvents,
}: ConversationEngineDeps) {
  const links = { liff: (path: string) => `https://liff.line.me/${liffId}/${path.replace(/^\//, '')}` }
  const ctx: FeatureContext = {
    links,
    adminLiffId,
    // LINE shows at most 13 quick-reply items.
    mainMenu: (lang) => ({ items: features.flatMap((f) => f.menu?.(lang, links) ?? []).slice(0, 13) }),
    contactPhone,
  }

  async function fetchProfile(userId: string) {
    // Best effort: a slow or failing profile call must not stop the greeting.
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), profileTimeoutMs).unref())
    return Promise.race([line.getProfile(userId).catch(() => undefined), timeout])
  }

  /** Whether `prepare` has LINE calls to make for this event (a follow: the profile). */
  function needsPreparation(event: LineEvent): boolean {
    return event.type === 'follow' && event.source?.type === 'user' && Boolean(event.source.userId)
  }

  /** Work that calls LINE, done before the event's transaction opens (a transaction must not wait on LINE). */
  async function prepare(event: LineEvent): Promise<Prepared> {
    if (needsPreparation(event) && event.source?.userId) {
      return { profile: await fetchProfile(event.source.userId) }
    }
    return {}
  }

  async function greeting(tx: Tx, userId: string, prepared: Prepared | undefined): Promise<LineMessage[]> {
    const profile = prepared ? prepared.profile : await fetchProfile(userId)
    const citizen = await citizens.recordFollow(tx, userId, {
      displayName: profile?.displayName,
      language: profile ? languageFromProfile(profile.language) : undefined,
    })
    const lang = citizen.language
    const name = citizen.displayName ?? t(lang, 'greeting.nameless')
    return [
      { type: 'text', text: t(lang, 'greeting.title', { name }) },
      { type: 'text', text: t(lang, 'greeting.body'), quickReply: ctx.mainMenu(lang) },
    ]
  }

  async function loadState(tx: Tx, chatKey: string, now: Date, preloaded?: Preloaded): Promise<FlowState | null> {
    const row =
      preloaded?.state !== undefined
        ? preloaded.state
        : (await tx.select().from(conversationStates).where(eq(conversationStates.chatKey, chatKey)).limit(1))[0]
    if (!row?.flow || !row.step || (row.expiresAt && row.expiresAt <= now)) {
      return null
    }
    return { flow: row.flow, step: row.step, data: row.data, expiresAt: row.expiresAt ?? now }
  }

  async function saveState(tx: Tx, chatKey: string, state: FlowState | null) {
    const values = state
      ? { flow: state.flow, step: state.step, data: state.data, expiresAt: state.expiresAt }
      : { flow: null, step: null, data: {}, expiresAt: null }
    await tx
      .insert(conversationStates)
      .values({ chatKey, ...values })
      .onConflictDoUpdate({ target: conversationStates.chatKey, set: values })
  }

  async function runFeatures(tx: Tx, { prepared: _prepared, preloaded, ...args }: EngineArgs) {
    const userId = args.event.source?.userId ?? args.inbound.chatKey
    const citizen = preloaded?.citizen?.lineUserId === userId ? preloaded.citizen : await citizens.ensure(tx, userId)
    const state = await loadState(tx, args.inbound.chatKey, args.now, preloaded)
    const input = readInput(args.event)
    const turn = { tx, ...args, chatKey: args.inbound.chatKey, citizen, lang: citizen.language, input, state }
    const active = state ? features.find((f) => f.id === state.flow) : undefined
    // A step waiting for free text takes the text as its answer ("I lost my wallet on the bus" is the story, not a
    // new report): only an interruption (SOS, cancel, menu) lets the other services read it.
    const answerOnly = state && active?.awaitsText?.(state) && input.kind === 'text' && !interruptionOf(input)
    const order =
      answerOnly && active
        ? [active]
        : [
            ...features.filter((f) => f.global),
            ...(active ? [active] : []),
            ...features.filter((f) => !f.global && f !== active),
          ]
    let result: TurnResult | undefined
    for (const feature of order) {
      result = await feature.handle(turn, ctx)
      if (result) {
        break
      }
    }
    result ??= fallback(citizen.language, input)
    if (result.language && result.language !== citizen.language) {
      await citizens.setLanguage(tx, userId, result.language)
    }
    if (result.state !== undefined) {
      await saveState(tx, args.inbound.chatKey, result.state)
    }
    return result.messages
  }

  /** Nothing answered: never a dead end, always the menu; "ok" or "no" out of context is not "not understood". */
  function fallback(lang: Language, input?: UserInput): TurnResult {
    const social = input?.kind === 'text' && ['yes', 'no'].includes(input.understanding.intent?.id ?? '')
    const key = input?.kind === 'other' ? 'error.unsupportedMessage' : social ? 'menu.prompt' : 'help.unknown'
    return { messages: [{ type: 'text', text: t(lang, key), quickReply: ctx.mainMenu(lang) }] }
  }

  async function handle(tx: Tx, args: EngineArgs): Promise<EngineOutput> {
    const { event } = args
    const source = event.source
    if (source?.type !== 'user' || !source.userId) {
      // Group and room events (the station's alert group) belong to the officers' side.
      return groupEvents ? groupEvents(tx, args) : { messages: [], replyable: false }
    }
    if (event.mode === 'standby') {
      // Another channel owns the chat (module mode): LINE says not to send anything.
      return { messages: [], replyable: false }
    }
    switch (event.type) {
      case 'follow':
        return { messages: await greeting(tx, source.userId, args.prepared), replyable: true }
      case 'unfollow':
        await citizens.recordUnfollow(tx, source.userId)
        return { messages: [], replyable: false }
      case 'message':
      case 'postback':
        return { messages: await runFeatures(tx, args), replyable: true }
      default:
        // Unknown and uninteresting event types are stored and ignored.
        return { messages: [], replyable: false }
    }
  }

  return { needsPreparation, prepare, handle, mainMenu: ctx.mainMenu, fallback }
}
export type ConversationEngine = ReturnType<typeof createConversationEngine>

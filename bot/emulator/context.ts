import { type Bus, createBus } from './core/bus.js'
import { createIdTokens, type IdTokens } from './core/id-token.js'
import { createMessageIdFactory, createUlidFactory, newUserId } from './core/ids.js'
import { readSnapshot } from './core/persistence.js'
import { type Resume, restoreSnapshot } from './core/snapshot.js'
import { createEmulatorState, type EmulatorState } from './state.js'

export type EmulatorLogger = { info(o: object, m?: string): void; warn(o: object, m?: string): void }

export type LineEmulatorOptions = {
  /** Signs webhooks (HMAC-SHA256, base64, header x-line-signature) over the exact bytes sent. */
  channelSecret: string
  /** The only bearer token accepted on /v2/bot/*. */
  channelAccessToken: string
  /** `aud` of the ID tokens it issues; the `client_id` that /oauth2/v2.1/verify expects. */
  loginChannelId: string
  /** Where webhooks go (the bot's POST /webhook). */
  webhookUrl: string
  /** `destination` in webhooks (U + 32 hex). */
  botUserId?: string
  /** LIFF ID -> endpoint URL, e.g. { 'emu-citizen': 'http://localhost:3000/liff/' }. */
  liffApps?: Record<string, string>
  /** ms clock; inject it to expire reply tokens and ID tokens in tests. */
  now?: () => number
  logger?: EmulatorLogger
  /**
   * Keep the simulator's users, groups, chats and rich menus in `<persistDir>/state.json` across restarts (the bot's
   * `npm start` passes `DATA_DIR/emulator`). Unset: in memory only, as tests want.
   */
  persistDir?: string
  /**
   * Origins of the server the emulator shares with the bot (PUBLIC_BASE_URL, http://localhost:PORT, ...). The
   * simulator opens links to them on the origin the browser is on, so a page opened at 127.0.0.1 or a LAN address
   * gets links that work there.
   */
  botOrigins?: string[]
  /** The bot's officers, for the simulator's "make this user an admin" (emulator mode of the bot only). */
  officers?: EmulatorOfficers
}

export type EmulatorOfficers = {
  /** The officers' LIFF app, opened by the simulator's "open the officers' page". */
  adminLiffId: string
  /** Makes the LINE user an admin of the bot's station (created or updated, audited by the bot). */
  makeAdmin(user: { userId: string; displayName: string }): Promise<{ role: string; created: boolean }>
  /** The user's officer role, or null when they are not an active officer. */
  roleOf(userId: string): Promise<string | null>
}

/** What every part of the emulator shares. Internal: not part of the public API. */
export type EmulatorContext = {
  opts: LineEmulatorOptions
  state: EmulatorState
  now: () => number
  ulid: () => string
  messageId: () => string
  nextSeq: () => number
  idTokens: IdTokens
  bus: Bus
  log: EmulatorLogger
}

const silent: EmulatorLogger = { info: () => {}, warn: () => {} }

export function createContext(opts: LineEmulatorOptions): EmulatorContext {
  const now = opts.now ?? Date.now
  const log = opts.logger ?? silent
  const state = createEmulatorState({
    botUserId: opts.botUserId ?? newUserId(),
    webhookUrl: opts.webhookUrl,
    liffApps: opts.liffApps ?? {},
  })
  const saved = opts.persistDir ? readSnapshot(opts.persistDir, log) : undefined
  const resume: Resume = saved ? restoreSnapshot(state, saved) : { seq: 0 }
  if (opts.botUserId) {
    state.bot.userId = opts.botUserId // asked for explicitly: wins over the saved one
  }
  let seq = resume.seq
  return {
    opts,
    state,
    now,
    ulid: createUlidFactory(now),
    messageId: createMessageIdFactory(resume.lastMessageId),
    nextSeq: () => {
      seq += 1
      return seq
    },
    idTokens: createIdTokens({ channelId: opts.loginChannelId, now }),
    bus: createBus((err) => log.warn({ err }, 'line emulator: a listener failed')),
    log,
  }
}

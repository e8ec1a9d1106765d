import { type Bus, createBus } from './core/bus.js'
import { createIdTokens, type IdTokens } from './core/id-token.js'
import { createMessageIdFactory, createUlidFactory, newUserId } from './core/ids.js'
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
  let seq = 0
  return {
    opts,
    state: createEmulatorState({
      botUserId: opts.botUserId ?? newUserId(),
      webhookUrl: opts.webhookUrl,
      liffApps: opts.liffApps ?? {},
    }),
    now,
    ulid: createUlidFactory(now),
    messageId: createMessageIdFactory(),
    nextSeq: () => {
      seq += 1
      return seq
    },
    idTokens: createIdTokens({ channelId: opts.loginChannelId, now }),
    bus: createBus((err) => log.warn({ err }, 'line emulator: a listener failed')),
    log,
  }
}

import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify'
import { createLineEmulator, type LineEmulator } from '../../../bot/emulator/index.js'

export const TOKEN = 'unit-test-channel-access-token'
export const SECRET = 'unit-test-channel-secret'
export const LOGIN_CHANNEL_ID = '1657000000'
export const AUTH = { authorization: `Bearer ${TOKEN}` }

export type EmulatorApp = {
  app: FastifyInstance
  emulator: LineEmulator
  /** The emulator's clock (ms); move it with `clock.now += 61_000`. */
  clock: { now: number }
  /** An authorised JSON call; returns status, parsed body and headers. */
  call(method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>
}

export type Reply = { status: number; body: Record<string, unknown>; headers: Record<string, unknown>; raw: Buffer }

/**
 * The emulator inside a Fastify app, driven with app.inject(). Webhooks go to a closed port, so events are
 * registered (reply tokens work) but no bot answers: these tests play the bot themselves.
 */
export async function buildEmulatorApp(): Promise<EmulatorApp> {
  const clock = { now: Date.parse('2026-11-26T03:00:00Z') }
  const emulator = createLineEmulator({
    channelSecret: SECRET,
    channelAccessToken: TOKEN,
    loginChannelId: LOGIN_CHANNEL_ID,
    webhookUrl: 'http://127.0.0.1:9/webhook',
    liffApps: { 'emu-citizen': 'http://localhost:3000/liff/' },
    now: () => clock.now,
  })
  const app = Fastify({ logger: false })
  await app.register(emulator.plugin)
  await app.ready()
  async function call(method: InjectOptions['method'], url: string, body?: unknown, headers = AUTH): Promise<Reply> {
    const res = await app.inject({
      method,
      url,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
    })
    let parsed: Record<string, unknown> = {}
    try {
      parsed = JSON.parse(res.body) as Record<string, unknown>
    } catch {
      parsed = {}
    }
    return { status: res.statusCode, body: parsed, headers: res.headers, raw: res.rawPayload }
  }
  return { app, emulator, clock, call }
}

export const text = (t: string) => ({ type: 'text', text: t })

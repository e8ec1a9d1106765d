import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { createServices } from '../../bot/compose/index.js'
import { loadConfig } from '../../bot/config.js'
import type { LineEvent } from '../../bot/line/events.schema.js'
import type { LineMessage } from '../../bot/line/line-client.js'
import { createLogger } from '../../bot/logger.js'
import { conversationStates, type InboundEvent, stations } from '../../db/schema/index.js'
import { createInProcessBus } from '../../jobs/in-process-bus.js'
import { createTestDb } from './test-db.js'

/**
 * The conversation engine as production composes it (every feature, a real database), driven one event at a time
 * in a transaction, without the webhook, the queue and the outbox around it: fast enough for property tests that
 * run thousands of turns. Each event's clock moves on by a second, so "back after a long pause" never triggers.
 */
export async function startEngineChat() {
  const db = await createTestDb()
  const logger = createLogger('silent')
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // Nothing here calls LINE (no follow events; after-commit jobs stay in the unstarted in-process queue).
    LINE_API_BASE_URL: 'http://127.0.0.1:9',
    LINE_DATA_API_BASE_URL: 'http://127.0.0.1:9',
  })
  const services = await createServices(config, { db, logger, bus: createInProcessBus({ logger }) })
  const [station] = await db.db.select().from(stations).where(eq(stations.code, 'RYG'))
  if (!station) {
    throw new Error('station RYG is not seeded')
  }
  let clock = Date.now()

  async function send(userId: string, body: Record<string, unknown>): Promise<LineMessage[]> {
    clock += 1_000
    const event = {
      webhookEventId: randomUUID(),
      timestamp: clock,
      mode: 'active',
      replyToken: randomUUID(),
      source: { type: 'user', userId },
      deliveryContext: { isRedelivery: false },
      ...body,
    } as LineEvent
    // The engine reads only the chat key of the inbox row; the row itself is the pipe's business.
    const inbound = { chatKey: userId } as InboundEvent
    const out = await services.db.transaction((tx) =>
      services.conversation.engine.handle(tx, {
        event,
        inbound,
        station: station as NonNullable<typeof station>,
        now: new Date(clock),
      }),
    )
    return out.messages
  }

  return {
    db: services.db,
    text: (userId: string, text: string) =>
      send(userId, { type: 'message', message: { type: 'text', id: randomUUID(), text } }),
    postback: (userId: string, data: string, params?: Record<string, string>) =>
      send(userId, { type: 'postback', postback: { data, ...(params ? { params } : {}) } }),
    location: (userId: string, latitude: number, longitude: number) =>
      send(userId, { type: 'message', message: { type: 'location', id: randomUUID(), latitude, longitude } }),
    sticker: (userId: string) =>
      send(userId, {
        type: 'message',
        message: { type: 'sticker', id: randomUUID(), packageId: '446', stickerId: '1988' },
      }),
    image: (userId: string) => send(userId, { type: 'message', message: { type: 'image', id: randomUUID() } }),
    /** The chat's stored state: flow, step and (unencrypted) bookkeeping such as a set-aside flow. */
    async state(userId: string) {
      const [row] = await services.db.select().from(conversationStates).where(eq(conversationStates.chatKey, userId))
      return row
    },
    now: () => new Date(clock),
    /** Sets the clock: the next event happens a second after `at` (office hours, SLA and re-open windows). */
    setClock(at: Date) {
      clock = at.getTime() - 1_000
    },
    station: station as NonNullable<typeof station>,
    async close() {
      await services.close()
      await db.drop()
    },
  }
}
export type EngineChat = Awaited<ReturnType<typeof startEngineChat>>

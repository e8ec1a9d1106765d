import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance } from 'fastify'
import type { DestinationStream } from 'pino'
import { buildApp } from '../../bot/app.js'
import { createServices, type Services, type ServicesOverrides } from '../../bot/compose/index.js'
import { type Config, loadConfig } from '../../bot/config.js'
import { startLineEmulator } from '../../bot/emulator/server.js'
import { createLogger } from '../../bot/logger.js'
import { createBullmqBus } from '../../jobs/bullmq-bus.js'
import { createInProcessBus } from '../../jobs/in-process-bus.js'
import { createTestDb, type TestDb } from './test-db.js'

export type Stack = Awaited<ReturnType<typeof startStack>>

export type StackOptions = {
  /** Extra environment for loadConfig (e.g. SWEEP_INTERVAL_MS). */
  env?: Record<string, string>
  /** Start the worker role in this process (default true). */
  worker?: boolean
  /** Serve HTTP (the web role; default true). A worker-only stack has no webhook, no API, no LISTEN. */
  web?: boolean
  /** Reuse a database (e.g. a second stack = a second worker process sharing it). */
  db?: TestDb
  /** Shared BullMQ prefix (several stacks as one deployment). */
  queuePrefix?: string
  wrapEngine?: ServicesOverrides['wrapEngine']
  /** Share another stack's LINE emulator (it keeps sending webhooks to the first stack). */
  emulator?: Awaited<ReturnType<typeof startLineEmulator>>
  /** Where the stack's log goes (a test reads what was logged); LOG_LEVEL in `env` sets the level. */
  logDestination?: DestinationStream
}

/**
 * The whole service as production wires it (real DB, real queue, LINE emulator over HTTP), on random ports.
 * Postgres + BullMQ when DATABASE_URL / REDIS_URL are set, else PGlite + the in-process runner.
 */
export async function startStack(opts: StackOptions = {}) {
  const db = opts.db ?? (await createTestDb())
  const queuePrefix = opts.queuePrefix ?? `t${randomUUID().slice(0, 8)}`
  const emulator = opts.emulator ?? (await startTestEmulator())
  const config: Readonly<Config> = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LINE_API_BASE_URL: emulator.url,
    LINE_DATA_API_BASE_URL: emulator.url,
    SWEEP_INTERVAL_MS: '1000',
    QUEUE_PREFIX: queuePrefix,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...opts.env,
  })
  const logger = createLogger(config.logLevel, opts.logDestination)
  const bus = config.redisUrl
    ? createBullmqBus({ redisUrl: config.redisUrl, logger, prefix: queuePrefix })
    : createInProcessBus({ logger })
  const deps: Services = await createServices(config, { db, logger, bus, wrapEngine: opts.wrapEngine })
  // The test's handle on the same database, its transactions' after-commit jobs going to this stack's queue.
  const bound: TestDb = { ...db, ...deps.dbHandle, url: db.url, drop: db.drop }
  // A worker-only stack builds no HTTP app at all (a bare server stands in, so `close` stays the same).
  const app: FastifyInstance = opts.web === false ? Fastify() : await buildApp(deps)
  if (opts.web !== false) {
    await app.listen({ port: 0, host: '127.0.0.1' })
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const baseUrl = `http://127.0.0.1:${port}`
  if (!opts.emulator && opts.web !== false) {
    emulator.setWebhookUrl(`${baseUrl}/webhook`)
    emulator.setLiffApps({ 'emu-citizen': `${baseUrl}/liff/`, 'emu-admin': `${baseUrl}/admin/` })
  }
  if (opts.worker !== false) {
    deps.startWorker()
  }
  return {
    db: bound,
    deps,
    app,
    emulator,
    baseUrl,
    queuePrefix,
    async close({ keepDb = false }: { keepDb?: boolean } = {}) {
      await app.close()
      await deps.close().catch(() => {})
      if (!opts.emulator) {
        await emulator.close()
      }
      if (!keepDb && !opts.db) {
        await db.drop()
      }
    },
  }
}

/** The LINE emulator the stacks use (on its own port); several stacks may share one, as processes share LINE. */
export function startTestEmulator() {
  return startLineEmulator({
    channelSecret: 'emulator-channel-secret',
    channelAccessToken: 'emulator-channel-access-token',
    loginChannelId: '1000000000',
    webhookUrl: 'http://127.0.0.1:9/webhook', // replaced once the app listens
    liffApps: { 'emu-citizen': 'http://127.0.0.1:9/liff/', 'emu-admin': 'http://127.0.0.1:9/admin/' },
    port: 0,
    host: '127.0.0.1',
  })
}

import { createDb, type DbHandle } from '../db/client.js'
import { runMigrations } from '../db/migrate.js'
import { createBullmqBus } from '../jobs/bullmq-bus.js'
import { createDeliverOutbound } from '../jobs/deliver-outbound.job.js'
import { createInProcessBus } from '../jobs/in-process-bus.js'
import { createProcessChat } from '../jobs/process-chat.job.js'
import type { JobBus, Processors } from '../jobs/queues.js'
import { createSweeper } from '../jobs/sweeper.js'
import { createGroupEvents } from './admin/groups/group-events.js'
import { bootstrapAdmins } from './admin/officers/bootstrap.js'
import { createIdTokenVerifier } from './auth/id-token.js'
import { createCitizensService } from './citizens/citizens.service.js'
import type { Config } from './config.js'
import { type ConversationEngine, createConversationEngine } from './conversation/engine.js'
import { defaultFeatures } from './conversation/features/index.js'
import { createLineClient, type LineClient } from './line/line-client.js'
import { createLogger, type Logger } from './logger.js'
import { createLostDocuments } from './lost-documents/lost-documents.module.js'
import { configureRecords } from './lost-documents/record/keys.js'
import { createMetrics } from './ops/metrics.js'
import { createLinkRichMenu } from './richmenu/link.job.js'
import { linkRichMenusOnLanguage } from './richmenu/link-on-language.js'
import { createRichMenuClients } from './richmenu/richmenu-api.js'
import { createInbox } from './webhook/inbox.js'

export type DepsOverrides = {
  logger?: Logger
  db?: DbHandle
  bus?: JobBus
  line?: LineClient
  /** Decorates the conversation engine (tests inject transient failures this way). */
  wrapEngine?: (engine: ConversationEngine) => ConversationEngine
}

/**
 * The one composition root, shared by web and worker. It opens every resource and closes them in reverse order.
 * Whether the LINE emulator runs is decided in main.ts (it needs the HTTP server); nothing else branches on it.
 */
export async function createDeps(config: Readonly<Config>, overrides: DepsOverrides = {}) {
  const logger = overrides.logger ?? createLogger(config.logLevel)
  // Keys of lost-document records (verification token, download links): set before anything can issue one.
  configureRecords({ sessionSecret: config.sessionSecret, publicBaseUrl: config.publicBaseUrl })
  const metrics = createMetrics()
  const dbHandle = overrides.db ?? createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  await runMigrations(dbHandle)
  await bootstrapAdmins(dbHandle.db, { lineUserIds: config.bootstrapAdminLineUserIds, logger })
  const db = dbHandle.db
  const bus =
    overrides.bus ??
    (config.redisUrl
      ? createBullmqBus({ redisUrl: config.redisUrl, logger, prefix: config.queuePrefix })
      : createInProcessBus({ logger }))
  const line =
    overrides.line ??
    createLineClient({
      channelAccessToken: config.line.channelAccessToken,
      apiBaseUrl: config.line.apiBaseUrl,
      dataApiBaseUrl: config.line.dataApiBaseUrl,
      onCall: (endpoint, status) => metrics.lineApiCalls.inc({ endpoint, status: String(status) }),
    })
  const idTokenVerifier = createIdTokenVerifier({
    apiBaseUrl: config.line.apiBaseUrl,
    channelId: config.line.loginChannelId,
    logger,
  })
  // Storing a language (follow, chat, LIFF) also queues the rich menu of that language.
  const citizens = linkRichMenusOnLanguage(createCitizensService(), bus.enqueue, logger)
  const lostDocuments = createLostDocuments(config)
  const baseEngine = createConversationEngine({
    features: lostDocuments.withFeatures(defaultFeatures),
    citizens,
    line,
    liffId: config.line.liffIdCitizen,
    adminLiffId: config.line.liffIdAdmin,
    groupEvents: createGroupEvents().handle,
  })
  const engine = overrides.wrapEngine ? overrides.wrapEngine(baseEngine) : baseEngine
  const inbox = createInbox({ db, enqueueMany: bus.enqueueMany, logger })
  const processors: Processors = {
    'process-chat': createProcessChat({
      db,
      engine,
      enqueue: bus.enqueue,
      line,
      logger,
      beforeTransaction: dbHandle.kind === 'pglite' ? inbox.whenIdle : undefined,
    }),
    'deliver-outbound': createDeliverOutbound({ db, line, logger }),
    'link-rich-menu': createLinkRichMenu({
      db,
      api: createRichMenuClients(config.line).api,
      logger,
      onCall: (endpoint, status) => metrics.lineApiCalls.inc({ endpoint, status: String(status) }),
    }),
  }
  const sweeper = createSweeper({
    db,
    enqueueMany: bus.enqueueMany,
    backlog: bus.backlog,
    logger,
    staleAfterMs: Math.max(config.sweepIntervalMs, 1_000),
  })

  return {
    config,
    logger,
    metrics,
    dbHandle,
    db,
    bus,
    line,
    citizens,
    idTokenVerifier,
    lostDocuments,
    engine,
    inbox,
    processors,
    sweeper,
    /** Start consuming jobs in this process (the worker role). */
    startWorker() {
      bus.startWorkers(processors, {
        concurrency: config.workerConcurrency,
        onOutcome: (job, outcome) => metrics.jobs.inc({ job, outcome }),
      })
      sweeper.start(config.sweepIntervalMs)
    },
    async close() {
      await sweeper.stop()
      await bus.close()
      if (!overrides.db) {
        await dbHandle.close() // whoever opened it closes it
      }
    },
  }
}
export type Deps = Awaited<ReturnType<typeof createDeps>>

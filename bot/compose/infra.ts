import { createDb, type DbHandle } from '../../db/client.js'
import { runMigrations } from '../../db/migrate.js'
import { createJobSink } from '../../jobs/after-commit.js'
import { createBullmqBus } from '../../jobs/bullmq-bus.js'
import { createInProcessBus } from '../../jobs/in-process-bus.js'
import type { JobBus } from '../../jobs/queues.js'
import { createSearchHasher } from '../cases/search-hash.js'
import type { Config } from '../config.js'
import { createIdTokenVerifier } from '../line/id-token.js'
import { createLineClient, type LineClient } from '../line/line-client.js'
import { createLogger, type Logger } from '../logger.js'
import { createMetrics } from '../ops/metrics.js'
import { createPiiCipher } from '../privacy/pii-cipher.js'
import type { Wire } from './wire.js'

export type InfraOverrides = { logger?: Logger; db?: DbHandle; bus?: JobBus; line?: LineClient }

/**
 * What every domain stands on: logger, metrics, the database (migrated, its transactions' after-commit jobs bound
 * to the queue), the job bus, the LINE client and ID-token verifier, and the personal-data keys.
 */
export async function createInfra(config: Readonly<Config>, wire: Wire, overrides: InfraOverrides = {}) {
  const logger = overrides.logger ?? createLogger(config.logLevel)
  const metrics = createMetrics()
  const bus =
    overrides.bus ??
    (config.redisUrl
      ? wire(createBullmqBus, { redisUrl: config.redisUrl, logger, prefix: config.queuePrefix })
      : wire(createInProcessBus, { logger }))
  const opened = overrides.db ?? (await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }))
  await runMigrations(opened)
  const dbHandle = opened.withJobSink(wire(createJobSink, { enqueueMany: bus.enqueueMany, logger }))
  const onLineCall = (endpoint: string, status: number) =>
    metrics.lineApiCalls.inc({ endpoint, status: String(status) })
  const line =
    overrides.line ??
    wire(createLineClient, {
      channelAccessToken: config.line.channelAccessToken,
      apiBaseUrl: config.line.apiBaseUrl,
      dataApiBaseUrl: config.line.dataApiBaseUrl,
      onCall: onLineCall,
    })
  const verifier = wire(createIdTokenVerifier, {
    apiBaseUrl: config.line.apiBaseUrl,
    channelId: config.line.loginChannelId,
    logger,
  })
  return {
    config,
    logger,
    metrics,
    dbHandle,
    db: dbHandle.db,
    bus,
    line,
    onLineCall,
    verifier,
    cipher: createPiiCipher(config.piiEncryptionKey, config.piiPreviousKeys),
    hasher: createSearchHasher(config.piiEncryptionKey, config.piiPreviousKeys),
    /** Closes what this module opened (an injected database is closed by whoever opened it). */
    async close() {
      await bus.close()
      if (!overrides.db) {
        await opened.close()
      }
    },
  }
}
export type Infra = Awaited<ReturnType<typeof createInfra>>

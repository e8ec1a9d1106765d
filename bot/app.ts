import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Deps } from './deps.js'
import { registerErrorHandler } from './errors.js'
import { liffApiRoutes } from './liff-api/liff.routes.js'
import { liffStatic } from './liff-api/liff-static.js'
import { opsRoutes } from './ops/ops.routes.js'
import { webhookRoutes } from './webhook/webhook.routes.js'

export type BuildAppOptions = {
  /** Extra plugins at the root of the server (the LINE emulator in emulator mode). */
  plugins?: FastifyPluginAsync[]
}

/** Builds the HTTP app from its dependencies; never reads process.env. */
export async function buildApp(deps: Deps, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    trustProxy: true,
    bodyLimit: 1024 * 1024,
  })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)

  await app.register(opsRoutes, {
    metrics: deps.metrics,
    checks: { database: deps.dbHandle.ping, queue: deps.bus.ping },
    defaults: { ...deps.config.defaults },
  })
  await app.register(webhookRoutes, {
    channelSecret: deps.config.line.channelSecret,
    inbox: deps.inbox,
    metrics: deps.metrics,
  })
  await app.register(liffApiRoutes, {
    db: deps.db,
    citizens: deps.citizens,
    verifier: deps.idTokenVerifier,
    client: { liffId: deps.config.line.liffIdCitizen, emulator: deps.config.line.emulator },
  })
  await app.register(liffStatic, {
    // The emulator's simulator frames /liff/; in tests it runs on its own port, so it is another origin.
    frameAncestors: deps.config.line.emulator
      ? [new URL(deps.config.line.apiBaseUrl).origin, new URL(deps.config.publicBaseUrl).origin]
      : [],
  })
  for (const plugin of opts.plugins ?? []) {
    await app.register(plugin)
  }
  return app
}

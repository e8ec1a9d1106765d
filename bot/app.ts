import type { Server } from 'node:http'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyHttpOptions,
  type FastifyInstance,
  type FastifyPluginAsync,
} from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { adminPlugin } from './admin/admin.plugin.js'
import { casesAdminRoutes } from './admin/cases/index.js'
import { casesAdminOptions } from './admin/cases/wiring.js'
import { registerApiDocs } from './admin/docs.js'
import { adminStatic } from './admin-ui/admin-static.js'
import type { Deps } from './deps.js'
import { registerErrorHandler } from './errors.js'
import { liffApiRoutes } from './liff-api/liff.routes.js'
import { liffStatic } from './liff-api/liff-static.js'
import { recordRoutes } from './lost-documents/record/record.routes.js'
import { lostDocumentReviewRoutes } from './lost-documents/review/review.routes.js'
import { lostDocumentStatusHandlers } from './lost-documents/review/status-handlers.js'
import { lostDocumentPiiProvider, lostDocumentReviewOptions } from './lost-documents/review/wiring.js'
import { opsRoutes } from './ops/ops.routes.js'
import { verifyRoutes } from './verify/verify.routes.js'
import { webhookRoutes } from './webhook/webhook.routes.js'

export type BuildAppOptions = {
  /** Extra plugins at the root of the server (the LINE emulator in emulator mode). */
  plugins?: FastifyPluginAsync[]
}

/** Builds the HTTP app from its dependencies; never reads process.env. */
export async function buildApp(deps: Deps, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const options: FastifyHttpOptions<Server> = {
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
  }
  const app = Fastify({ ...options, loggerInstance: deps.logger as FastifyBaseLogger })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)
  await registerApiDocs(app, { publicBaseUrl: deps.config.publicBaseUrl }) // before any route: it collects them

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
  await app.register(adminPlugin, {
    db: deps.db,
    verifier: deps.idTokenVerifier,
    config: deps.config,
    routes: [
      async (scope) =>
        scope.register(
          casesAdminRoutes,
          casesAdminOptions(deps, {
            piiProviders: [lostDocumentPiiProvider(deps)],
            statusHandlers: lostDocumentStatusHandlers,
          }),
        ),
      async (scope) => scope.register(lostDocumentReviewRoutes, lostDocumentReviewOptions(deps)),
      deps.lostDocuments.adminRoutes({ db: deps.db }),
    ],
  })
  // Public, no login: the QR code's verification page and the signed record download (bot/lost-documents/record).
  await app.register(verifyRoutes, { db: deps.db })
  await app.register(recordRoutes, { db: deps.db })
  // The citizen's lost-document API and PDPA rights (export, deletion request), under /api/liff.
  await app.register(
    deps.lostDocuments.liffPlugin({
      db: deps.db,
      citizens: deps.citizens,
      verifier: deps.idTokenVerifier,
      enqueue: deps.bus.enqueue,
      logger: deps.logger,
    }),
  )
  await app.register(liffStatic, {
    // The emulator's simulator frames /liff/; in tests it runs on its own port, so it is another origin.
    frameAncestors: deps.config.line.emulator
      ? [new URL(deps.config.line.apiBaseUrl).origin, new URL(deps.config.publicBaseUrl).origin]
      : [],
  })
  await app.register(adminStatic, {
    // The officers' page at /admin/ (LIFF_ID_ADMIN); framed by the emulator's simulator like /liff/.
    client: { liffId: deps.config.line.liffIdAdmin, emulator: deps.config.line.emulator },
    frameAncestors: deps.config.line.emulator
      ? [new URL(deps.config.line.apiBaseUrl).origin, new URL(deps.config.publicBaseUrl).origin]
      : [],
  })
  for (const plugin of opts.plugins ?? []) {
    // The emulator's own traffic (simulator polling, the bot's calls to the fake LINE) would drown the bot's logs.
    await app.register(plugin, { logLevel: 'warn' })
  }
  return app
}

import { join } from 'node:path'
import closeWithGrace from 'close-with-grace'
import type { FastifyPluginAsync } from 'fastify'
import { DataDirBusyError } from '../db/pglite-lock.js'
import { buildApp } from './app.js'
import { createServices } from './compose/index.js'
import { ConfigError, loadConfig } from './config.js'

/**
 * Entry point. `all` (npm start) runs web and worker in one process; `web` and `worker` run one role each, as many
 * processes of each as needed (no role keeps state another instance needs).
 */
type Role = 'all' | 'web' | 'worker'
const role = (process.argv[2] ?? 'all') as Role
if (!['all', 'web', 'worker'].includes(role)) {
  console.error(`unknown role "${role}": use all, web or worker`)
  process.exit(2)
}

let config: ReturnType<typeof loadConfig>
try {
  config = loadConfig()
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message)
    process.exit(1)
  }
  throw err
}

let services: Awaited<ReturnType<typeof createServices>>
try {
  services = await createServices(config)
} catch (err) {
  if (err instanceof DataDirBusyError) {
    // A second `npm start` on the same DATA_DIR: say so instead of PGlite's `RuntimeError: Aborted()`.
    console.error(`${err.message}\nหยุดโปรเซสนั้นก่อน หรือตั้ง DATA_DIR อื่น / stop it first, or set another DATA_DIR.`)
    process.exit(1)
  }
  throw err
}
const { logger } = services
logger.info(
  { role, database: config.defaults.database, queue: config.defaults.queue, line: config.defaults.line },
  `starting: database=${config.defaults.database}${config.databaseUrl ? '' : ` (embedded PGlite in ${config.dataDir})`}, queue=${config.defaults.queue}${config.redisUrl ? '' : ' (in-process runner, jobs run in this process)'}, LINE=${config.defaults.line}`,
)
if (config.defaults.demoSecrets) {
  logger.warn(
    'PII_ENCRYPTION_KEY or SESSION_SECRET not set: using demo keys (fine for the emulator, never for real data)',
  )
}

const plugins: FastifyPluginAsync[] = []
if (config.line.emulator && role !== 'worker') {
  // Only the composition root decides whether the emulator runs; it serves LINE's API at the root of this port.
  const { createLineEmulator } = await import('./emulator/index.js')
  const { adminGrant } = services.officers
  const emulator = createLineEmulator({
    channelSecret: config.line.channelSecret,
    channelAccessToken: config.line.channelAccessToken,
    loginChannelId: config.line.loginChannelId,
    webhookUrl: `http://127.0.0.1:${config.port}/webhook`,
    // Paths, not URLs: the LIFF frame opens on the origin the simulator was opened at (localhost, 127.0.0.1, a LAN
    // address), so it is same-origin with the page and its storage works.
    liffApps: { [config.line.liffIdCitizen]: '/liff/', [config.line.liffIdAdmin]: '/admin/' },
    botOrigins: [
      ...new Set([
        new URL(config.publicBaseUrl).origin,
        `http://localhost:${config.port}`,
        `http://127.0.0.1:${config.port}`,
      ]),
    ],
    // A newcomer's fake users and chats survive a restart, beside the embedded database.
    persistDir: join(config.dataDir, 'emulator'),
    officers: {
      adminLiffId: config.line.liffIdAdmin,
      makeAdmin: (user) =>
        adminGrant.grant({ lineUserId: user.userId, displayName: user.displayName, actor: 'emulator' }),
      roleOf: (userId) => adminGrant.roleOf(userId),
    },
    logger,
  })
  plugins.push(emulator.plugin)
}

const app = role === 'worker' ? undefined : await buildApp(services, { plugins })
if (role !== 'web') {
  services.startWorker()
}
if (app) {
  await app.listen({ port: config.port, host: config.host })
  logger.info({ host: config.host, port: config.port }, listeningNote(config))
  if (config.line.emulator) {
    // Give the emulator the OA's rich menus, as `npm run line:setup` does for LINE. A restored emulator keeps its menus
    // (and who sees which) but not their images: this uploads them again.
    const { runLineSetup } = await import('./setup/run-setup.js')
    await runLineSetup({ config, db: services.db, say: (line) => logger.debug(line) }).catch((err) =>
      logger.warn({ err: err instanceof Error ? err.message : err }, 'emulator rich-menu setup failed'),
    )
    logger.info(`LINE emulator: open ${config.publicBaseUrl}/emulator to chat with the bot`)
  }
}

closeWithGrace({ delay: 15_000, logger }, async ({ signal, err }) => {
  if (err) {
    logger.error({ err }, 'shutting down after an error')
  } else {
    logger.info({ signal }, 'shutting down: finishing in-flight requests and jobs')
  }
  await app?.close()
  await services.close()
})

/** Where we listen, and in emulator mode who can reach the simulator (it shows every chat and mints sign-ins). */
function listeningNote(c: typeof config): string {
  const at = `listening on ${c.host}:${c.port}`
  if (!c.line.emulator) {
    return at
  }
  if (c.defaults.loopbackOnly) {
    return `${at}: emulator mode listens on this machine only (set HOST=0.0.0.0 to open it to the network)`
  }
  return `${at}: HOST is set, so the LINE emulator and its simulator are open to whoever reaches this address`
}

import { z } from 'zod'
import { DEFAULT_MAP_TILES, isTileUrlTemplate } from './contracts/map.js'

const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )

/** .env.example ships most variables empty: empty means unset, i.e. the embedded default. */
const blankIsUnset = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema)
const optionalUrl = blankIsUnset(z.url().optional())
const optionalString = blankIsUnset(z.string().min(1).optional())
const perMinute = (fallback: number) => blankIsUnset(z.coerce.number().int().min(1).default(fallback))

/** Base64 of exactly 32 bytes (AES-256 key). */
const key32 = z
  .string()
  .refine((s) => Buffer.from(s, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)')

// Only used when no key is configured: the embedded demo mode. Real deployments set their own (see .env.example).
const DEMO_PII_KEY = Buffer.alloc(32, 7).toString('base64')
const DEMO_SESSION_SECRET = 'demo-session-secret-change-me-0123456789'

/**
 * What production refuses: the emulator (anyone could read chats and sign in as a simulated officer) and the demo
 * secrets (public in this repository: with them PDF links and sessions can be forged, PII decrypted).
 */
function productionRules(env: { [k: string]: unknown }, ctx: z.RefinementCtx): void {
  for (const name of ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN'] as const) {
    if (!env[name]) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'required with NODE_ENV=production (no LINE emulator)' })
    }
  }
  for (const [name, demo] of [
    ['PII_ENCRYPTION_KEY', DEMO_PII_KEY],
    ['SESSION_SECRET', DEMO_SESSION_SECRET],
  ] as const) {
    if (env[name] === demo) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'is the public demo value: generate your own' })
    } else if (!env[name]) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'required with NODE_ENV=production (no demo secrets)' })
    }
  }
}

const schema = z
  .object({
    /** Only 'production' matters: it refuses the emulator and the demo secrets (productionRules). */
    NODE_ENV: z.string().optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Unset: 0.0.0.0 with a real channel, 127.0.0.1 in emulator mode (the simulator must not face the network). */
    HOST: optionalString,
    PUBLIC_BASE_URL: optionalUrl,
    DATA_DIR: z.string().default('./.data'),
    DATABASE_URL: optionalUrl,
    /** The schema owner's connection, for `npm run db:migrate` only (it then grants DATABASE_URL's role). */
    DATABASE_MIGRATION_URL: optionalUrl,
    REDIS_URL: optionalUrl,
    LINE_CHANNEL_SECRET: optionalString,
    LINE_CHANNEL_ACCESS_TOKEN: optionalString,
    LINE_API_BASE_URL: optionalUrl,
    LINE_DATA_API_BASE_URL: optionalUrl,
    LINE_LOGIN_CHANNEL_ID: blankIsUnset(
      z.string().regex(/^\d+$/, 'must be the numeric LINE Login channel ID').optional(),
    ),
    LIFF_ID_CITIZEN: optionalString,
    LIFF_ID_ADMIN: optionalString,
    /** Map tiles for both LIFF apps' maps (house watch, patrols); the attribution their licence asks for. */
    MAP_TILE_URL: blankIsUnset(
      z.string().refine(isTileUrlTemplate, 'must be an http(s) tile URL with {z}, {x} and {y}').optional(),
    ),
    MAP_TILE_ATTRIBUTION: optionalString,
    PII_ENCRYPTION_KEY: blankIsUnset(key32.optional()),
    /** Keys being rotated away from: still decrypt, never encrypt (`npm run pii:rotate`, README). */
    PII_ENCRYPTION_KEY_PREVIOUS: csv.pipe(z.array(key32)),
    SESSION_SECRET: blankIsUnset(z.string().min(32, 'must be at least 32 characters').optional()),
    BOOTSTRAP_ADMIN_LINE_USER_IDS: csv.pipe(
      z.array(z.string().regex(/^U[0-9a-f]{32}$/, 'each must be a LINE user ID')),
    ),
    /** Behind a load balancer: 'true' or its addresses/CIDRs; X-Forwarded-For is not trusted otherwise. */
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((v): boolean | string => (v === 'true' ? true : v === 'false' || v === '' ? false : v)),
    /** `Authorization: Bearer <METRICS_TOKEN>` opens /metrics; unset, /metrics answers 404. */
    METRICS_TOKEN: blankIsUnset(z.string().min(24).optional()),
    /** Requests a minute across /api/liff/*, per client IP (before the token) and per LINE user (after it). */
    RATE_LIMIT_LIFF_PER_IP: perMinute(600),
    RATE_LIMIT_LIFF_PER_USER: perMinute(120),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[\w{}-]{1,32}$/, 'letters, digits, _ - { } only')
      .default('rsz'),
    SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(10_000),
    /** Retention (README, Security and privacy): days each kind of row is kept; ended cases: the station's own. */
    RETENTION_INBOX_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
    RETENTION_OUTBOX_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    RETENTION_SESSION_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
    RETENTION_CONVERSATION_DAYS: z.coerce.number().int().min(0).max(365).default(1),
    /** The Bangkok hour from which the day's retention run starts (0–23). */
    RETENTION_RUN_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  })
  .superRefine((env, ctx) => {
    // A real channel needs both halves; one without the other is a typo, not a choice.
    if (Boolean(env.LINE_CHANNEL_SECRET) !== Boolean(env.LINE_CHANNEL_ACCESS_TOKEN)) {
      const missing = env.LINE_CHANNEL_SECRET ? 'LINE_CHANNEL_ACCESS_TOKEN' : 'LINE_CHANNEL_SECRET'
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: 'set both LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN, or neither (emulator)',
      })
    }
    if (env.LINE_CHANNEL_SECRET) {
      for (const name of [
        'PUBLIC_BASE_URL',
        'LINE_LOGIN_CHANNEL_ID',
        'PII_ENCRYPTION_KEY',
        'SESSION_SECRET',
      ] as const) {
        if (!env[name]) {
          ctx.addIssue({ code: 'custom', path: [name], message: 'required when a real LINE channel is configured' })
        }
      }
    }
    if (env.NODE_ENV === 'production') {
      productionRules(env, ctx)
    }
  })
  .transform((env) => {
    const emulator = !env.LINE_CHANNEL_SECRET
    const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
    // In emulator mode the fake LINE Platform is served by this same process, at the root of its port.
    const lineApiBaseUrl = env.LINE_API_BASE_URL ?? (emulator ? `http://127.0.0.1:${env.PORT}` : 'https://api.line.me')
    return {
      port: env.PORT,
      host: env.HOST ?? (emulator ? '127.0.0.1' : '0.0.0.0'),
      publicBaseUrl,
      dataDir: env.DATA_DIR,
      databaseUrl: env.DATABASE_URL,
      databaseMigrationUrl: env.DATABASE_MIGRATION_URL,
      redisUrl: env.REDIS_URL,
      logLevel: env.LOG_LEVEL,
      trustProxy: env.TRUST_PROXY,
      workerConcurrency: env.WORKER_CONCURRENCY,
      sweepIntervalMs: env.SWEEP_INTERVAL_MS,
      retention: {
        inboxDays: env.RETENTION_INBOX_DAYS,
        outboxDays: env.RETENTION_OUTBOX_DAYS,
        sessionDays: env.RETENTION_SESSION_DAYS,
        conversationDays: env.RETENTION_CONVERSATION_DAYS,
        runHour: env.RETENTION_RUN_HOUR,
      },
      queuePrefix: env.QUEUE_PREFIX,
      bootstrapAdminLineUserIds: env.BOOTSTRAP_ADMIN_LINE_USER_IDS,
      line: {
        emulator,
        channelSecret: env.LINE_CHANNEL_SECRET ?? 'emulator-channel-secret',
        channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN ?? 'emulator-channel-access-token',
        apiBaseUrl: lineApiBaseUrl.replace(/\/$/, ''),
        dataApiBaseUrl: (
          env.LINE_DATA_API_BASE_URL ?? (emulator ? lineApiBaseUrl : 'https://api-data.line.me')
        ).replace(/\/$/, ''),
        loginChannelId: env.LINE_LOGIN_CHANNEL_ID ?? '1000000000',
        liffIdCitizen: env.LIFF_ID_CITIZEN ?? 'emu-citizen',
        liffIdAdmin: env.LIFF_ID_ADMIN ?? 'emu-admin',
      },
      /** Public: both LIFF apps read it from their config endpoint; the pages' CSP allows the tiles' host. */
      map: {
        tileUrl: env.MAP_TILE_URL ?? DEFAULT_MAP_TILES.tileUrl,
        attribution: env.MAP_TILE_ATTRIBUTION ?? DEFAULT_MAP_TILES.attribution,
      },
      piiEncryptionKey: Buffer.from(env.PII_ENCRYPTION_KEY ?? DEMO_PII_KEY, 'base64'),
      piiPreviousKeys: env.PII_ENCRYPTION_KEY_PREVIOUS.map((k) => Buffer.from(k, 'base64')),
      sessionSecret: env.SESSION_SECRET ?? DEMO_SESSION_SECRET,
      http: {
        /** HSTS only when browsers reach us over https: a local http run must stay reachable over http. */
        hsts: publicBaseUrl.startsWith('https://'),
        metricsToken: env.METRICS_TOKEN,
        liffRateLimit: { perIp: env.RATE_LIMIT_LIFF_PER_IP, perUser: env.RATE_LIMIT_LIFF_PER_USER },
      },
      /** Which embedded defaults are in use, for the startup log. */
      defaults: {
        database: env.DATABASE_URL ? 'postgres' : 'pglite',
        queue: env.REDIS_URL ? 'bullmq' : 'in-process',
        line: emulator ? 'emulator' : 'line-platform',
        demoSecrets: !env.PII_ENCRYPTION_KEY || !env.SESSION_SECRET,
        /** HOST unset in emulator mode: loopback only (main.ts says so in the log). */
        loopbackOnly: !env.HOST && emulator,
      },
    } as const
  })

export type Config = z.output<typeof schema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment once; a missing or bad value throws with the variable's name. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const result = schema.safeParse(env)
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`)
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`)
  }
  return deepFreeze(result.data)
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Buffer.isBuffer(o)) {
    for (const v of Object.values(o)) {
      deepFreeze(v)
    }
    Object.freeze(o)
  }
  return o
}

/** What the bench provisions around the bot: databases, a queue prefix, the bot's environment; and their cleanup. */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Redis } from 'ioredis'
import postgres from 'postgres'
import { withDatabase } from '../../helpers/pg-url.js'
import type { Proc } from './procs.js'

export type BenchOptions = {
  pgUrl: string
  redisUrl: string
  rates: number[]
  seconds: number
  latencyMs: number
  users: number
  drainEvents: number
  embeddedRates: number[]
  warmupSeconds: number
  parts: Set<string>
}

export function readOptions(env = process.env): BenchOptions {
  const list = (v: string | undefined, d: string) =>
    (v ?? d)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
  return {
    pgUrl: env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    rates: list(env.BENCH_RATES, '50,200,500,1000').map(Number),
    seconds: Number(env.BENCH_SECONDS ?? 30),
    latencyMs: Number(env.BENCH_LATENCY_MS ?? 30),
    users: Number(env.BENCH_USERS ?? 2000),
    drainEvents: Number(env.BENCH_DRAIN_EVENTS ?? 30_000),
    embeddedRates: list(env.BENCH_EMBEDDED_RATES, '50').map(Number),
    warmupSeconds: Number(env.BENCH_WARMUP_SECONDS ?? 5),
    parts: new Set(list(env.BENCH_PARTS, 'rates,drain,embedded,statements')),
  }
}

// Anything the caller's shell set for the bot must not leak into it: each stage says exactly what it runs on.
const BOT_VARIABLES =
  /^(DATABASE_URL|REDIS_URL|QUEUE_PREFIX|DATA_DIR|PORT|HOST|PUBLIC_BASE_URL|LOG_LEVEL|LINE_.*|LIFF_.*)$/

/** A run's shared state: what it created, so `cleanup` can remove exactly that. */
export function createRun(opts: BenchOptions, redis: Redis) {
  const runId = `${Date.now()}`
  const admin = postgres(withDatabase(opts.pgUrl, 'postgres'), { max: 2, onnotice: () => {} })
  const databases: string[] = []
  const dirs: string[] = []
  const procs: Proc[] = []
  const prefix = `benchlat${runId}`
  const secret = randomBytes(16).toString('hex')
  const base: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !BOT_VARIABLES.test(k)),
  )
  const fixed = {
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(24).toString('hex'),
  }

  return {
    runId,
    admin,
    prefix,
    secret,
    procs,
    async createDatabase(tag: string) {
      const name = `rsz_benchlat_${tag}_${runId}`
      await admin.unsafe(`CREATE DATABASE ${name}`)
      databases.push(name)
      return { name, url: withDatabase(opts.pgUrl, name) }
    },
    tempDir() {
      const dir = mkdtempSync(join(tmpdir(), 'rsz-benchlat-'))
      dirs.push(dir)
      return dir
    },
    /**
     * Real-channel mode pointed at the fake LINE, as a deployment points at LINE. Each part has its own queue prefix:
     * jobs a stopped bot left in Redis must not reach the next part's bot (its inbox IDs mean other events).
     */
    botEnv(
      part: string,
      fakeLineUrl: string,
      port: number,
      store: { DATABASE_URL?: string; REDIS_URL?: string; DATA_DIR?: string },
    ) {
      return {
        ...base,
        ...fixed,
        ...store,
        QUEUE_PREFIX: `${prefix}${part}`,
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        LINE_CHANNEL_SECRET: secret,
        LINE_CHANNEL_ACCESS_TOKEN: 'bench-channel-access-token',
        LINE_API_BASE_URL: fakeLineUrl,
        LINE_DATA_API_BASE_URL: fakeLineUrl,
        LINE_LOGIN_CHANNEL_ID: '1000000000',
        LOG_LEVEL: 'warn',
      }
    },
    async cleanup() {
      for (const p of procs) {
        await p.stop()
      }
      for (const name of databases) {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {})
      }
      await admin.end()
      for (const dir of dirs) {
        rmSync(dir, { recursive: true, force: true })
      }
      // SCAN, not KEYS: the Redis is shared with other people's runs.
      let cursor = '0'
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
        cursor = next
        if (keys.length > 0) {
          await redis.del(...keys)
        }
      } while (cursor !== '0')
    },
  }
}
export type Run = ReturnType<typeof createRun>

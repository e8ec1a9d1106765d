/**
 * npm run bench:webhook — POST /webhook under load on Postgres + Redis, beside a bare Fastify route in the same run.
 *
 * 1. a fresh database; the web role in its own process (as production runs it: `start:web`);
 * 2. autocannon, 50 connections: signed one-event payloads from 500 users (every request a new webhookEventId);
 * 3. then the worker role in its own process: the time until every acknowledged event is processed and answered.
 * Env: DATABASE_URL (default the local postgres), REDIS_URL (default the local redis), BENCH_SECONDS (10),
 * BENCH_CONNECTIONS (50). Results: stdout and test/bench/results/webhook-<time>.json.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createHmac, randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { Redis } from 'ioredis'
import postgres from 'postgres'
import { startLineEmulator } from '../../bot/emulator/server.js'
import { withDatabase } from '../helpers/pg-url.js'

const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const secret = 'emulator-channel-secret'
const runId = `${Date.now()}`
const dbName = `rsz_bench_${runId}`
const prefix = `bench${runId}`

function child(args: string[], env: Record<string, string>): Promise<{ proc: ChildProcess; port?: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start`)), 60_000)
    proc.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      const m = /listening (\d+)|"msg":"Server listening at http:\/\/127\.0\.0\.1:(\d+)"|"role":"worker"/.exec(text)
      if (m) {
        clearTimeout(timer)
        resolve({ proc, port: Number(m[1] ?? m[2] ?? 0) })
      }
    })
    proc.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)))
  })
}

async function load(url: string, signed: boolean, users: string[]) {
  let n = 0
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (req) => {
          n += 1
          const userId = users[n % users.length] ?? ''
          const body = JSON.stringify({
            destination: `U${'0'.repeat(32)}`,
            events: [
              {
                type: 'message',
                mode: 'active',
                timestamp: Date.now(),
                webhookEventId: `${runId}${signed ? 'W' : 'B'}${n}`,
                deliveryContext: { isRedelivery: false },
                source: { type: 'user', userId },
                replyToken: randomUUID().replaceAll('-', ''),
                message: { id: String(n), type: 'text', text: 'menu', quoteToken: 'q' },
              },
            ],
          })
          const signature = createHmac('sha256', secret).update(body).digest('base64')
          return { ...req, body, headers: { ...req.headers, 'x-line-signature': signature } }
        },
      },
    ],
  })
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    reqPerSec: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    maxMs: result.latency.max,
  }
}

const admin = postgres(withDatabase(pgUrl, 'postgres'), { max: 1, onnotice: () => {} })
await admin.unsafe(`CREATE DATABASE ${dbName}`)
const benchDbUrl = withDatabase(pgUrl, dbName)
const emulator = await startLineEmulator({
  channelSecret: secret,
  channelAccessToken: 'emulator-channel-access-token',
  loginChannelId: '1000000000',
  webhookUrl: 'http://127.0.0.1:9/webhook',
  port: 0,
  host: '127.0.0.1',
})
emulator.state.quota = { type: 'none', value: 0 } // the bench measures us, not the OA's plan
const users = Array.from(
  { length: 500 },
  (_, i) => emulator.createUser({ displayName: `bench ${i}`, language: 'th' }).userId,
)
const env = {
  DATABASE_URL: benchDbUrl,
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: prefix,
  LINE_API_BASE_URL: emulator.url,
  LINE_DATA_API_BASE_URL: emulator.url,
  LOG_LEVEL: 'info',
  HOST: '127.0.0.1',
  PORT: '0',
}
const procs: ChildProcess[] = []
try {
  const bare = await child(['test/bench/bare-server.ts'], { PORT: '0' })
  procs.push(bare.proc)
  const web = await child(['bot/main.ts', 'web'], env)
  procs.push(web.proc)
  const webUrl = `http://127.0.0.1:${web.port}/webhook`
  emulator.setWebhookUrl(webUrl)

  console.log(`warming up (${connections} connections)...`)
  await load(`http://127.0.0.1:${bare.port}/webhook`, false, users)
  const baseline = await load(`http://127.0.0.1:${bare.port}/webhook`, false, users)
  const webhook = await load(webUrl, true, users)
  bare.proc.kill()

  const sql = postgres(benchDbUrl, { max: 1, onnotice: () => {} })
  const [{ stored }] = (await sql`select count(*)::int as stored from inbound_events`) as unknown as [
    { stored: number },
  ]
  const started = Date.now()
  const worker = await child(['bot/main.ts', 'worker'], { ...env, WORKER_CONCURRENCY: '32' })
  procs.push(worker.proc)
  let pending = stored
  let outboundPending = 1
  while (pending > 0 || outboundPending > 0) {
    await new Promise((r) => setTimeout(r, 250))
    const [row] = (await sql`select
        (select count(*)::int from inbound_events where status = 'pending') as pending,
        (select count(*)::int from outbound_messages where status = 'pending') as outbound`) as unknown as [
      { pending: number; outbound: number },
    ]
    pending = row.pending
    outboundPending = row.outbound
    if (Date.now() - started > 10 * 60_000) {
      throw new Error('events still pending after 10 minutes')
    }
  }
  const drainSeconds = (Date.now() - started) / 1000
  const [counts] = (await sql`select
      (select count(*)::int from inbound_events where status = 'processed') as processed,
      (select count(*)::int from inbound_events where status = 'failed') as failed,
      (select count(*)::int from outbound_messages where status = 'delivered') as delivered`) as unknown as [
    { processed: number; failed: number; delivered: number },
  ]
  await sql.end()

  const report = {
    when: new Date().toISOString(),
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    connections,
    seconds,
    baseline,
    webhook,
    acknowledged: webhook.ok,
    stored,
    ...counts,
    // autocannon stops counting at the deadline with requests in flight, so stored may exceed acknowledged.
    lost: Math.max(0, webhook.ok - stored),
    drainSeconds,
    processedPerSec: Math.round(counts.processed / drainSeconds),
  }
  mkdirSync('test/bench/results', { recursive: true })
  writeFileSync(`test/bench/results/webhook-${runId}.json`, JSON.stringify(report, null, 2))
  console.log(JSON.stringify(report, null, 2))
  console.log(
    `\n| route | req/s | p50 ms | p99 ms |\n|---|---|---|---|\n| bare Fastify 200 | ${baseline.reqPerSec} | ${baseline.p50ms} | ${baseline.p99ms} |\n| POST /webhook (signature, inbox INSERT, enqueue) | ${webhook.reqPerSec} | ${webhook.p50ms} | ${webhook.p99ms} |\n\nacknowledged ${webhook.ok}, stored ${stored}, processed ${counts.processed}, failed ${counts.failed}, lost ${report.lost}; all processed and answered in ${drainSeconds.toFixed(1)} s (${report.processedPerSec} events/s)`,
  )
} finally {
  for (const p of procs) {
    p.kill('SIGTERM')
  }
  await new Promise((r) => setTimeout(r, 1500))
  await emulator.close()
  await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
  await admin.end()
  const redis = new Redis(redisUrl)
  const keys = await redis.keys(`${prefix}:*`)
  if (keys.length > 0) {
    await redis.del(...keys)
  }
  redis.disconnect()
}

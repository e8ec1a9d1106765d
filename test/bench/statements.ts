/**
 * Statements per event: the one part of the latency bench that builds the app in-process (no process boundary
 * shows a statement count per event kind). A postgres.js handle with a `debug` hook counts every statement sent;
 * a recording job bus counts the jobs each event causes and lets us run them one at a time; LINE is the bench's
 * fake in this process with no latency. Each event kind is sent through POST /webhook (app.inject), then its jobs
 * are run until none is left. Kept small and isolated: when the composition root changes, only this file should need edits.
 *
 * Run alone: `node --import tsx test/bench/statements.ts` (DATABASE_URL: the server; a database is created and
 * dropped). Prints a JSON line `{"statements": …}` last.
 */
import { randomBytes } from 'node:crypto'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { buildApp } from '../../bot/app.js'
import { createServices } from '../../bot/compose/index.js'
import { loadConfig } from '../../bot/config.js'
import { type DrizzleDb, handleOf } from '../../db/client.js'
import * as schema from '../../db/schema/index.js'
import type { JobBus, JobMeta, JobName } from '../../jobs/queues.js'
import { withDatabase } from '../helpers/pg-url.js'
import { createFakeLine } from './fake-line.js'
import { type EventKind, makeUsers, makeWebhook, seeded } from './latency/events.js'

type Count = { statements: number; txControl: number }
export type StatementCounts = { kind: string; web: Count; jobs: Record<string, Count & { jobs: number }> }

const TX_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)/i

function countingDb(url: string) {
  const count = { statements: 0, txControl: 0 }
  const client = postgres(url, {
    max: 4,
    onnotice: () => {},
    connection: { jit: 'off' },
    debug: (_conn, query) => {
      count.statements += 1
      count.txControl += TX_CONTROL.test(query) ? 1 : 0
    },
  })
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as DrizzleDb
  const handle = handleOf(db, { kind: 'postgres', close: () => client.end({ timeout: 5 }) })
  return { handle, count }
}

function recordingBus() {
  const queue: { name: JobName; payload: unknown; id: string }[] = []
  const bus: JobBus = {
    kind: 'bullmq',
    enqueue: async (name, payload, opts) => {
      queue.push({ name, payload, id: opts.jobId })
    },
    enqueueMany: async (name, jobs) => {
      for (const j of jobs) {
        queue.push({ name, payload: j.payload, id: j.opts.jobId })
      }
    },
    requeue: async (name, jobs) => {
      for (const j of jobs) {
        queue.push({ name, payload: j.payload, id: j.opts.jobId })
      }
      return jobs.length
    },
    startWorkers: () => {},
    ping: async () => {},
    backlog: async () => queue.length,
    close: async () => {},
  }
  return { bus, queue }
}

export async function countStatements(pgUrl: string): Promise<StatementCounts[]> {
  const dbName = `rsz_bench_stmts_${Date.now()}`
  const admin = postgres(withDatabase(pgUrl, 'postgres'), { max: 1, onnotice: () => {} })
  await admin.unsafe(`CREATE DATABASE ${dbName}`)
  const fake = createFakeLine({ latencyMs: 0 })
  const lineUrl = await fake.listen()
  const { handle, count } = countingDb(withDatabase(pgUrl, dbName))
  const { bus, queue } = recordingBus()
  const secret = randomBytes(16).toString('hex')
  const config = loadConfig({
    DATABASE_URL: withDatabase(pgUrl, dbName),
    REDIS_URL: 'redis://127.0.0.1:9', // never dialled: the recording bus stands in for BullMQ
    LINE_CHANNEL_SECRET: secret,
    LINE_CHANNEL_ACCESS_TOKEN: 'bench-token',
    LINE_API_BASE_URL: lineUrl,
    LINE_DATA_API_BASE_URL: lineUrl,
    PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
    LINE_LOGIN_CHANNEL_ID: '1000000000',
    PII_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
  })
  const deps = await createServices(config, { db: handle, bus })
  const app = await buildApp(deps)
  const random = seeded(1)
  const [newcomer = '', citizen = '', firstContact = ''] = makeUsers(3, 77)
  // The citizen follows first (not counted), so the other kinds are measured in the steady state of a known chat.
  const plan: [string, EventKind, string, string?][] = [
    ['setup', 'follow', citizen],
    ['follow (new citizen)', 'follow', newcomer],
    ['text สวัสดีครับ', 'text', citizen, 'สวัสดีครับ'],
    ['menu word เมนู', 'menu-word', citizen, 'เมนู'],
    ['menu word ข้อมูลสถานี', 'menu-word', citizen, 'ข้อมูลสถานี'],
    ['postback a=menu', 'postback', citizen, 'a=menu'],
    ['postback a=station', 'postback', citizen, 'a=station'],
    ['text, first contact (no follow)', 'text', firstContact, 'hello krub'],
  ]
  const results: StatementCounts[] = []
  const take = (): Count => {
    const out = { ...count }
    count.statements = 0
    count.txControl = 0
    return out
  }
  try {
    for (const [i, [label, kind, userId, content]] of plan.entries()) {
      const hook = makeWebhook({ kind, userId, timestamp: Date.now(), eventId: `01STMT${i}`, secret, random, content })
      take()
      const res = await app.inject({
        method: 'POST',
        url: '/webhook',
        headers: { 'content-type': 'application/json', 'x-line-signature': hook.signature },
        payload: hook.body,
      })
      if (res.statusCode !== 200) {
        throw new Error(`webhook answered ${res.statusCode}: ${res.body}`)
      }
      // The enqueue runs after the answer: give it a moment to land in the recording bus.
      for (let t = 0; t < 100 && queue.length === 0; t++) {
        await new Promise((r) => setTimeout(r, 10))
      }
      const row: StatementCounts = { kind: label, web: take(), jobs: {} }
      for (let job = queue.shift(); job; job = queue.shift()) {
        const processor = deps.pipe.processors[job.name] as (p: unknown, m: JobMeta) => Promise<unknown>
        await processor(job.payload, { id: job.id, attemptsMade: 0, attempts: 1 })
        const spent = take()
        const slot = row.jobs[job.name] ?? { jobs: 0, statements: 0, txControl: 0 }
        row.jobs[job.name] = {
          jobs: slot.jobs + 1,
          statements: slot.statements + spent.statements,
          txControl: slot.txControl + spent.txControl,
        }
      }
      if (label !== 'setup') {
        results.push(row)
      }
    }
  } finally {
    await app.close()
    await deps.close()
    await handle.close()
    await fake.close()
    await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await admin.end()
  }
  return results
}

if (process.argv[1]?.endsWith('statements.ts')) {
  const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
  const counts = await countStatements(pgUrl)
  console.log(JSON.stringify({ statements: counts }))
  process.exit(0)
}

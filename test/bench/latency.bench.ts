/**
 * npm run bench:latency — what citizens feel: from LINE sending a webhook until the answer reaches LINE.
 *
 * 1. rates: `bot/main.ts all` (what `npm start` runs, without the LIFF build) on a fresh Postgres database and Redis
 *    (own queue prefix), in real-channel mode against the fake LINE (test/bench/fake-line.ts, own process, 30 ms per
 *    call); open-loop load at 50, 200, 500 and 1,000 events/s, 30 s each, from 2,000 users;
 * 2. drain: `start:web` alone takes a 30,000-event backlog, then `start:worker` (own process) answers it;
 * 3. embedded: `all` with no DATABASE_URL / REDIS_URL (PGlite in a temp DATA_DIR, in-process jobs) at 50 events/s;
 * 4. statements per event kind (test/bench/statements.ts, its own process).
 * Env: DATABASE_URL, REDIS_URL (the servers; default local), BENCH_RATES, BENCH_SECONDS, BENCH_LATENCY_MS,
 * BENCH_USERS, BENCH_DRAIN_EVENTS, BENCH_EMBEDDED_RATES, BENCH_WARMUP_SECONDS, BENCH_PARTS (rates,drain,embedded,
 * statements). Results: stdout and test/bench/results/latency-<time>.json|md.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { Redis } from 'ioredis'
import { freePort } from '../helpers/processes.js'
import { processCpuMs } from './latency/cost.js'
import { MIX, makeUsers } from './latency/events.js'
import { startBot, startFakeLine } from './latency/procs.js'
import {
  type DrainResult,
  drainTable,
  type StageResult,
  stagesTable,
  statementsTable,
  targetsList,
} from './latency/report.js'
import { createRun, readOptions } from './latency/setup.js'
import { runDrain, runRates } from './latency/stages.js'
import { createTracker, type Tracker } from './latency/tracker.js'
import type { StatementCounts } from './statements.js'

const opts = readOptions()
const t0 = Date.now()
const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`)
const uptime = () => execFileSync('uptime').toString().trim()
const loadBefore = { uptime: uptime(), loadavg: loadavg() }
log(`machine before: ${loadBefore.uptime}`)

const redis = new Redis(opts.redisUrl, { lazyConnect: true })
await redis.connect()
const run = createRun(opts, redis)
const fake = await startFakeLine(opts.latencyMs)
run.procs.push(fake)
const users = makeUsers(opts.users)
const trackers: Tracker[] = []
async function targetAt(port: number) {
  const tracker = await createTracker(fake.url)
  trackers.push(tracker)
  return { webhookUrl: `http://127.0.0.1:${port}/webhook`, secret: run.secret, users, tracker }
}
const stages: StageResult[] = []
let drain: DrainResult | undefined
let statements: StatementCounts[] | undefined
const harnessCpu = { benchStart: process.cpuUsage(), fakeStart: processCpuMs(fake.pid), events: 0 }

try {
  if (opts.parts.has('rates')) {
    const db = await run.createDatabase('rates')
    const port = await freePort()
    const env = run.botEnv('rates', fake.url, port, { DATABASE_URL: db.url, REDIS_URL: opts.redisUrl })
    const bot = await startBot('all', env, port)
    run.procs.push(bot)
    const target = await targetAt(port)
    const cost = { pg: { sql: run.admin, database: db.name }, redis }
    stages.push(...(await runRates({ ...opts, label: 'npm start', target, bot, cost, log })))
    await bot.stop()
  }
  if (opts.parts.has('drain')) {
    const db = await run.createDatabase('drain')
    const port = await freePort()
    const env = run.botEnv('drain', fake.url, port, { DATABASE_URL: db.url, REDIS_URL: opts.redisUrl })
    const web = await startBot('web', env, port)
    run.procs.push(web)
    drain = await runDrain({
      target: await targetAt(port),
      events: opts.drainEvents,
      cost: { pg: { sql: run.admin, database: db.name } },
      startWorker: async () => {
        const worker = await startBot('worker', env)
        run.procs.push(worker)
        return worker
      },
      log,
    })
    log(JSON.stringify(drain))
    await web.stop()
  }
  if (opts.parts.has('embedded')) {
    const port = await freePort()
    const env = run.botEnv('embedded', fake.url, port, { DATA_DIR: run.tempDir() })
    const bot = await startBot('all', env, port)
    run.procs.push(bot)
    const target = await targetAt(port)
    stages.push(
      ...(await runRates({ ...opts, rates: opts.embeddedRates, label: 'embedded', target, bot, cost: {}, log })),
    )
    await bot.stop()
  }
  harnessCpu.events = stages.reduce((s, r) => s + r.sent, 0) + (drain?.events ?? 0)
  const benchCpu = process.cpuUsage(harnessCpu.benchStart)
  const harness = {
    loadGeneratorCpuMsPerEvent: (benchCpu.user + benchCpu.system) / 1000 / Math.max(1, harnessCpu.events),
    fakeLineCpuMsPerEvent: (processCpuMs(fake.pid) - harnessCpu.fakeStart) / Math.max(1, harnessCpu.events),
    fakeLineCalls: (await createTracker(fake.url)).calls(),
    // Summed over the parts: any non-zero figure means the push matching guessed wrong or LINE got a stray send.
    matching: trackers.reduce(
      (sum, t) => {
        for (const [k, v] of Object.entries(t.odd)) {
          sum[k] = (sum[k] ?? 0) + v
        }
        return sum
      },
      {} as Record<string, number>,
    ),
  }
  if (opts.parts.has('statements')) {
    log('statements per event kind')
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/bench/statements.ts'], {
      env: { ...process.env, DATABASE_URL: opts.pgUrl, LOG_LEVEL: 'error' },
    }).toString()
    const last =
      out
        .trim()
        .split('\n')
        .findLast((l) => l.startsWith('{"statements"')) ?? '{"statements":[]}'
    statements = (JSON.parse(last) as { statements: StatementCounts[] }).statements
  }
  const loadAfter = { uptime: uptime(), loadavg: loadavg() }
  log(`machine after: ${loadAfter.uptime}`)
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, loadBefore, loadAfter },
    options: { ...opts, parts: [...opts.parts], mix: MIX },
    stages,
    drain,
    statements,
    harness,
  }
  const md = [
    `## bench:latency ${report.when}`,
    '',
    `${report.machine.cpus} cores, Node ${process.version}; fake LINE latency ${opts.latencyMs} ms per call; ` +
      `${opts.users.toLocaleString('en-US')} users; mix ${Object.entries(MIX)
        .map(([k, v]) => `${k} ${v * 100} %`)
        .join(', ')}; ${opts.seconds} s per rate, open loop.`,
    `Load before: \`${loadBefore.uptime}\`; after: \`${loadAfter.uptime}\`.`,
    '',
    targetsList(stages, drain),
    '',
    stages.length > 0 ? stagesTable(stages) : '',
    '',
    drain ? drainTable(drain) : '',
    '',
    statements ? statementsTable(statements) : '',
    '',
    `Harness: load generator ${harness.loadGeneratorCpuMsPerEvent.toFixed(2)} CPU ms/event, fake LINE ` +
      `${harness.fakeLineCpuMsPerEvent.toFixed(2)} CPU ms/event (same cores). Fake LINE calls: ` +
      `${JSON.stringify(harness.fakeLineCalls)}. Matching: ${JSON.stringify(harness.matching)}.`,
  ].join('\n')
  const file = `test/bench/results/latency-${report.when.slice(0, 19).replaceAll(':', '-')}`
  mkdirSync('test/bench/results', { recursive: true })
  writeFileSync(`${file}.json`, JSON.stringify(report, null, 2))
  writeFileSync(`${file}.md`, `${md}\n`)
  console.log(`\n${md}\n\nwritten: ${file}.json and .md`)
} finally {
  await run.cleanup()
  redis.disconnect()
}

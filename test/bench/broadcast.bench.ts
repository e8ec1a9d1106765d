/**
 * npm run bench:broadcast — an announcement to 8,053 households, then to 100,000 users, on Postgres + Redis.
 *
 * The LINE emulator answers every call in 50–100 ms and enforces LINE's rate limits (multicast 2,000 requests/s);
 * it counts the copies each user got but keeps no chat log (100,000 chats). The web and worker roles run in their
 * own processes as production runs them. Measured: from `POST /send` to the announcement's status 'sent' (the
 * fan-out transaction included; deliveryMs: after it), the LINE requests made, every user's copies (exactly one), and the worker's peak
 * RSS (VmHWM), and the load average (the machine may be shared). A first small announcement warms the worker up (not
 * reported). BENCH_PROFILE_DIR: a CPU profile of the worker. Env: DATABASE_URL, REDIS_URL (local defaults), WORKER_CONCURRENCY (32).
 * Results: stdout and test/bench/results/broadcast-<time>.json.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import postgres from 'postgres'
import { startLineEmulator } from '../../bot/emulator/server.js'
import { withDatabase } from '../helpers/pg-url.js'

const pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const concurrency = process.env.WORKER_CONCURRENCY ?? '32'
const runId = `${Date.now()}`
const dbName = `rsz_bench_bc_${runId}`
const HOUSEHOLDS = 8_053
const USERS = 100_000

function child(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ proc: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')} did not start`)), 90_000)
    proc.stdout?.on('data', (chunk: Buffer) => {
      const m = ready.exec(chunk.toString())
      if (m) {
        clearTimeout(timer)
        resolve({ proc, port: Number(m[1] ?? 0) })
      }
    })
    proc.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)))
  })
}

/** Peak resident set of a process (Linux VmHWM), in MB. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Math.round(Number(m[1]) / 1024) : null
  } catch {
    return null
  }
}

const admin = postgres(withDatabase(pgUrl, 'postgres'), { max: 1, onnotice: () => {} })
await admin.unsafe(`CREATE DATABASE ${dbName}`)
const benchDbUrl = withDatabase(pgUrl, dbName)
const emulator = await startLineEmulator({
  channelSecret: 'emulator-channel-secret',
  channelAccessToken: 'emulator-channel-access-token',
  loginChannelId: '1000000000',
  webhookUrl: 'http://127.0.0.1:9/webhook',
  port: 0,
  host: '127.0.0.1',
})
emulator.state.quota = { type: 'none', value: 0 }
emulator.state.settings.latencyMs = { min: 50, max: 100 }
emulator.state.settings.rateLimits = true
emulator.state.settings.recordBulkMessages = false
emulator.state.settings.apiCallLogLimit = 10

const env = {
  DATABASE_URL: benchDbUrl,
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: `benchbc${runId}`,
  LINE_API_BASE_URL: emulator.url,
  LINE_DATA_API_BASE_URL: emulator.url,
  LOG_LEVEL: 'info',
  HOST: '127.0.0.1',
  PORT: '0',
}
const procs: ChildProcess[] = []
const sql = postgres(benchDbUrl, { max: 2, onnotice: () => {} })
try {
  const web = await child(['bot/main.ts', 'web'], env, /"msg":"Server listening at http:\/\/127\.0\.0\.1:(\d+)"/)
  procs.push(web.proc)
  const base = `http://127.0.0.1:${web.port}`

  // 100,000 LINE friends and citizens; the first 8,053 each in a household of their own.
  const users = Array.from({ length: USERS }, (_, i) => {
    const u = emulator.createUser({ displayName: `b${i}`, language: i % 10 === 0 ? 'en' : 'th' })
    u.friendship = 'friend'
    return u.userId
  })
  const [station] = await sql<{ id: string }[]>`select id from stations order by created_at limit 1`
  const stationId = station?.id ?? ''
  for (let i = 0; i < USERS; i += 10_000) {
    const chunk = users.slice(i, i + 10_000)
    await sql`insert into citizens ${sql(chunk.map((lineUserId, k) => ({ line_user_id: lineUserId, language: (i + k) % 10 === 0 ? 'en' : 'th' })))}`
  }
  await sql`insert into households (station_id, invite_code, address, subdistrict, municipality, soi, source)
    select ${stationId}, 'bench' || g, '{"houseNo":"1","subdistrict":"ท่าประดู่","district":"เมืองระยอง","province":"ระยอง","postcode":"21000"}'::jsonb,
           'ท่าประดู่', 'เทศบาลนครระยอง', 'ซอย ' || (g % 40), 'liff' from generate_series(1, ${HOUSEHOLDS}) g`
  await sql`insert into household_members (household_id, citizen_id, role)
    select h.id, c.id, 'owner' from
      (select id, row_number() over (order by invite_code) as n from households) h
      join (select id, row_number() over (order by created_at, id) as n from citizens) c on c.n = h.n`
  const token = randomBytes(32).toString('base64url')
  const [officer] = await sql<{ id: string }[]>`insert into officers (station_id, line_user_id, display_name, role)
    values (${stationId}, ${`U${randomBytes(16).toString('hex')}`}, 'bench', 'admin') returning id`
  await sql`insert into officer_sessions (officer_id, token_hash, expires_at)
    values (${officer?.id ?? ''}, ${createHash('sha256').update(token).digest('hex')}, now() + interval '1 hour')`
  await sql`insert into announcement_settings (station_id, require_approval) values (${stationId}, false)`
  const headers = { authorization: `Session ${token}`, 'content-type': 'application/json' }

  // BENCH_PROFILE_DIR: a CPU profile of the worker (node --cpu-prof), written when it stops.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []
  const worker = await child(
    [...profile, 'bot/main.ts', 'worker'],
    { ...env, WORKER_CONCURRENCY: concurrency },
    /"msg":"starting:/,
  )
  procs.push(worker.proc)

  const results: Record<string, unknown>[] = []
  for (const [name, audience, expected] of [
    // A worker in service has answered before: its connections to Postgres and LINE are open and its code is
    // compiled. The first announcement (one soi's ~200 households) warms it up and is not reported.
    ['warm-up', { type: 'households', sois: ['ซอย 1'] }, 0],
    ['8,053 households', { type: 'households' }, HOUSEHOLDS],
    ['100,000 users', { type: 'followers' }, USERS],
  ] as const) {
    emulator.state.copies.clear()
    const created = await fetch(`${base}/api/admin/broadcasts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        title: name,
        audience,
        messages: { th: [{ type: 'text', text: 'ประกาศ' }], en: [{ type: 'text', text: 'Notice' }] },
      }),
    })
    const id = ((await created.json()) as { broadcast: { id: string } }).broadcast.id
    const loadBefore = loadavg()[0] ?? 0
    const started = performance.now()
    const sent = await fetch(`${base}/api/admin/broadcasts/${id}/send`, { method: 'POST', headers, body: '{}' })
    if (!sent.ok) {
      throw new Error(`send: ${sent.status} ${await sent.text()}`)
    }
    const fanOutMs = Math.round(performance.now() - started)
    for (;;) {
      const [b] = await sql<{ status: string; sent: number }[]>`select status, sent from broadcasts where id = ${id}`
      if (b?.status !== 'sending') {
        break
      }
      await new Promise((r) => setTimeout(r, 20))
    }
    const totalMs = Math.round(performance.now() - started)
    const [r] = await sql<{ requests: number; attempts: number; first: Date; last: Date; created: Date }[]>`
      select count(*)::int as requests, sum(attempts)::int as attempts, min(delivered_at) as first,
             max(delivered_at) as last, min(created_at) as created
        from outbound_messages where broadcast_id = ${id}`
    const [done] = await sql<{ completed: Date }[]>`select completed_at as completed from broadcasts where id = ${id}`
    // Where delivery's time goes: fan-out commit → first request delivered → last → the announcement closed.
    const since = (d: Date | undefined) => (d && r?.created ? d.getTime() - r.created.getTime() : null)
    const copies = [...emulator.state.copies.values()]
    const result = {
      scenario: name,
      recipients: expected,
      fanOutMs,
      deliveryMs: totalMs - fanOutMs,
      totalMs,
      firstDeliveredMs: since(r?.first),
      lastDeliveredMs: since(r?.last),
      closedMs: since(done?.completed),
      requests: r?.requests,
      lineCalls: r?.attempts,
      usersWithOneCopy: copies.filter((n) => n === 1).length,
      usersWithMore: copies.filter((n) => n > 1).length,
      workerPeakRssMb: peakRssMb(worker.proc.pid),
      // The machine may be shared: the 1-minute load average before and after, to read the times against.
      load1: [Number(loadBefore.toFixed(1)), Number((loadavg()[0] ?? 0).toFixed(1))],
    }
    if (name === 'warm-up') {
      continue
    }
    console.log(JSON.stringify(result))
    results.push(result)
  }
  mkdirSync('test/bench/results', { recursive: true })
  const file = `test/bench/results/broadcast-${runId}.json`
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), concurrency, results }, null, 2))
  console.log(`written ${file}`)
} finally {
  for (const p of procs) {
    p.kill('SIGTERM')
  }
  await sql.end()
  await new Promise((r) => setTimeout(r, 1_000))
  await admin.unsafe(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => {})
  await admin.end()
  await emulator.close()
}

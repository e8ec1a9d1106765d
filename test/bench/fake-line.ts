/**
 * A fake LINE Platform for the latency bench, in its own Node process (it shares the two cores with the bot, so it
 * is plain node:http and does as little as it can). It answers only what the bot calls, after a per-call latency
 * (LINE's API is across the internet), and records every reply (token, arrival) and push/multicast (recipients,
 * arrival) for the bench to read at `GET /__bench/records?since=<n>`.
 *
 * Run: `node --import tsx test/bench/fake-line.ts [--latency 30] [--port 0]` (or FAKE_LINE_LATENCY_MS, FAKE_LINE_PORT);
 * it prints `fake-line listening <port>` once ready. The emulator (bot/emulator) is the faithful fake: it validates
 * every message against LINE's OpenAPI spec, which is what we must not pay for here.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'

export type FakeLineRecord =
  | { kind: 'reply'; token: string; at: number; messages: number }
  | { kind: 'push'; to: string; at: number; messages: number }
  | { kind: 'multicast'; to: string[]; at: number; messages: number }

export type FakeLineRecords = { next: number; records: FakeLineRecord[]; calls: Record<string, number> }

type Answer = { status: number; body: unknown; headers?: Record<string, string> }

export function createFakeLine({ latencyMs = 30 }: { latencyMs?: number } = {}) {
  const records: FakeLineRecord[] = []
  const calls: Record<string, number> = {}
  const usedReplyTokens = new Set<string>()
  const acceptedRetryKeys = new Map<string, string>() // retry key → the request ID that was accepted
  let requestSeq = 0

  const count = (endpoint: string) => {
    calls[endpoint] = (calls[endpoint] ?? 0) + 1
  }
  const sent = (n: number) => ({ sentMessages: Array.from({ length: n }, () => ({ id: String(++requestSeq) })) })
  const notFound = (what: string): Answer => ({ status: 404, body: { message: `Not found: ${what}` } })

  function messaging(kind: 'push' | 'multicast', req: IncomingMessage, body: Record<string, unknown>, at: number) {
    const retryKey = req.headers['x-line-retry-key']
    const n = Array.isArray(body.messages) ? body.messages.length : 0
    if (typeof retryKey === 'string') {
      const accepted = acceptedRetryKeys.get(retryKey)
      if (accepted) {
        // LINE's answer to a retry of a request it already took: the bot counts it as delivered.
        count(`${kind}:409`)
        return {
          status: 409,
          body: { message: 'The retry key is already accepted', ...sent(n) },
          headers: { 'x-line-accepted-request-id': accepted },
        }
      }
      acceptedRetryKeys.set(retryKey, randomUUID())
    }
    count(kind)
    records.push(
      kind === 'push'
        ? { kind, to: String(body.to), at, messages: n }
        : { kind, to: Array.isArray(body.to) ? body.to.map(String) : [], at, messages: n },
    )
    return { status: 200, body: sent(n) }
  }

  function route(req: IncomingMessage, path: string, body: Record<string, unknown>, at: number): Answer {
    const method = req.method ?? 'GET'
    if (method === 'POST' && path === '/v2/bot/message/reply') {
      const token = String(body.replyToken ?? '')
      const n = Array.isArray(body.messages) ? body.messages.length : 0
      if (usedReplyTokens.has(token)) {
        count('reply:400')
        return { status: 400, body: { message: 'Invalid reply token' } }
      }
      usedReplyTokens.add(token)
      count('reply')
      records.push({ kind: 'reply', token, at, messages: n })
      return { status: 200, body: sent(n) }
    }
    if (method === 'POST' && (path === '/v2/bot/message/push' || path === '/v2/bot/message/multicast')) {
      return messaging(path.endsWith('push') ? 'push' : 'multicast', req, body, at)
    }
    if (method === 'POST' && path === '/v2/bot/chat/loading/start') {
      count('loading')
      return { status: 202, body: {} }
    }
    const profile = /^\/v2\/bot\/profile\/(U[0-9a-f]{32})$/.exec(path)
    if (method === 'GET' && profile?.[1]) {
      count('profile')
      const userId = profile[1]
      // Half the users have an English LINE, so both rich menus and both languages' answers get exercised.
      const language = Number.parseInt(userId.slice(-1), 16) % 2 === 0 ? 'th' : 'en'
      return { status: 200, body: { userId, displayName: `ผู้ใช้ ${userId.slice(-6)}`, language } }
    }
    const alias = /^\/v2\/bot\/richmenu\/alias\/([\w-]+)$/.exec(path)
    if (method === 'GET' && alias?.[1]) {
      count('richmenu-alias')
      return { status: 200, body: { richMenuAliasId: alias[1], richMenuId: `richmenu-${'0'.repeat(32)}` } }
    }
    if (method === 'POST' && /^\/v2\/bot\/user\/U[0-9a-f]{32}\/richmenu\/[\w-]+$/.test(path)) {
      count('richmenu-link')
      return { status: 200, body: {} }
    }
    if (method === 'GET' && path === '/v2/bot/message/quota') {
      count('quota')
      return { status: 200, body: { type: 'none' } }
    }
    if (method === 'GET' && path === '/v2/bot/message/quota/consumption') {
      count('quota')
      return { status: 200, body: { totalUsage: 0 } }
    }
    count(`unknown:${method} ${path}`)
    return notFound(path)
  }

  function send(res: ServerResponse, { status, body, headers }: Answer) {
    const json = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
      'x-line-request-id': randomUUID(),
      ...headers,
    })
    res.end(json)
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake-line')
    if (url.pathname === '/__bench/records') {
      // The bench's own reads: no latency, not counted.
      const since = Number(url.searchParams.get('since') ?? 0)
      const out: FakeLineRecords = { next: records.length, records: records.slice(since), calls }
      send(res, { status: 200, body: out })
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      // Arrival is when the whole request is here; the latency below is the rest of the round trip.
      const at = Date.now()
      let answer: Answer
      if (!req.headers.authorization?.startsWith('Bearer ')) {
        answer = { status: 401, body: { message: 'Authentication failed' } }
      } else {
        let body: Record<string, unknown> = {}
        try {
          body =
            chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {}
        } catch {
          answer = { status: 400, body: { message: 'The request body has 1 error(s)' } }
        }
        answer ??= route(req, url.pathname, body, at)
      }
      const reply = answer
      if (latencyMs > 0) {
        setTimeout(() => send(res, reply), latencyMs)
      } else {
        send(res, reply)
      }
    })
  }

  const server: Server = createServer({ keepAliveTimeout: 60_000 }, handle)
  return {
    server,
    records,
    calls,
    listen(port = 0, host = '127.0.0.1'): Promise<string> {
      return new Promise((resolve) => {
        server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`))
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

function argOrEnv(flag: string, env: string, fallback: number): number {
  const i = process.argv.indexOf(flag)
  const raw = i >= 0 ? process.argv[i + 1] : process.env[env]
  const n = raw === undefined ? fallback : Number(raw)
  return Number.isFinite(n) && n >= 0 ? n : fallback
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const fake = createFakeLine({ latencyMs: argOrEnv('--latency', 'FAKE_LINE_LATENCY_MS', 30) })
  const url = await fake.listen(argOrEnv('--port', 'FAKE_LINE_PORT', 0))
  console.log(`fake-line listening ${new URL(url).port}`)
  process.on('SIGTERM', () => fake.close().then(() => process.exit(0)))
}

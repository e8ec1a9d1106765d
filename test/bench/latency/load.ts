/**
 * The load generators. `openLoop` sends on a clock (event i at t0 + i/rate, whether or not earlier requests have
 * been answered) and times each request from its scheduled time, so a slow bot shows up as latency instead of as a
 * lower rate (autocannon's closed loop hides that: coordinated omission). `backlog` pushes events as fast as the
 * server takes them, for the drain stage.
 */
import { Agent, request } from 'node:http'
import { performance } from 'node:perf_hooks'
import { type EventKind, makeWebhook, pickKind, seeded } from './events.js'
import type { SentEvent, Tracker } from './tracker.js'

export type LoadTarget = { webhookUrl: string; secret: string; users: string[]; tracker: Tracker }

// Keep-alive connections, as LINE's webhook sender keeps them; enough sockets that the client never queues at 1,000/s.
const agent = new Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 10_000 })
let eventSeq = 0

/** The webhook's status, or why there was none ('timeout': the bench gave up after 30 s; else the socket error). */
function post(url: URL, body: string, signature: string): Promise<number | string> {
  return new Promise((resolve) => {
    let timedOut = false
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-line-signature': signature,
        },
        timeout: 30_000,
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', (err: NodeJS.ErrnoException) => resolve(timedOut ? 'timeout' : (err.code ?? 'error')))
    req.on('timeout', () => {
      timedOut = true
      req.destroy()
    })
    req.end(body)
  })
}

/** Builds, records and sends one event; resolves when the webhook has answered. */
function sendOne(target: LoadTarget, url: URL, random: () => number, sentAt: number, scheduledPerf: number) {
  const userId = target.users[Math.floor(random() * target.users.length)] ?? ''
  const kind: EventKind = pickKind(random)
  eventSeq += 1
  const webhook = makeWebhook({
    kind,
    userId,
    timestamp: sentAt,
    eventId: `01BENCH${process.pid}${String(eventSeq).padStart(9, '0')}`,
    secret: target.secret,
    random,
  })
  const event: SentEvent = {
    userId,
    kind,
    replyToken: webhook.replyToken,
    sentAt,
    sendLagMs: performance.now() - scheduledPerf,
  }
  target.tracker.add(event)
  return {
    event,
    done: post(url, webhook.body, webhook.signature).then((status) => {
      event.ackStatus = status
      if (typeof status === 'number' && status >= 200 && status < 300) {
        event.ackMs = performance.now() - scheduledPerf
      }
    }),
  }
}

/** `rate` events/s for `seconds`, on a clock. Resolves once every request has been answered (or failed). */
export async function openLoop(target: LoadTarget, rate: number, seconds: number, seed: number) {
  const url = new URL(target.webhookUrl)
  const random = seeded(seed)
  const total = Math.round(rate * seconds)
  const events: SentEvent[] = []
  const inFlight: Promise<void>[] = []
  const t0Perf = performance.now()
  const t0Wall = Date.now()
  let i = 0
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now() - t0Perf
      // Send everything due by now (a late timer catches up instead of lowering the rate).
      while (i < total && (i * 1000) / rate <= now) {
        const offset = (i * 1000) / rate
        const sent = sendOne(target, url, random, Math.round(t0Wall + offset), t0Perf + offset)
        events.push(sent.event)
        inFlight.push(sent.done)
        i += 1
      }
      if (i >= total) {
        resolve() // the last send is out: the achieved rate is measured to here, not to the last answer
        return
      }
      setTimeout(tick, Math.max(0, (i * 1000) / rate - (performance.now() - t0Perf)))
    }
    tick()
  })
  const sendSeconds = (performance.now() - t0Perf) / 1000
  await Promise.all(inFlight)
  // Sending over `total` intervals: the schedule's own length is (total - 1) / rate, plus the last tick's lateness.
  return { events, sendSeconds: Math.max(sendSeconds, (total - 1) / rate) + 1 / rate }
}

/** `total` events, `concurrency` requests at a time, as fast as the server acknowledges them. */
export async function backlog(target: LoadTarget, total: number, concurrency: number, seed: number) {
  const url = new URL(target.webhookUrl)
  const random = seeded(seed)
  const events: SentEvent[] = []
  const t0 = performance.now()
  let started = 0
  async function lane() {
    while (started < total) {
      started += 1
      const sent = sendOne(target, url, random, Date.now(), performance.now())
      events.push(sent.event)
      await sent.done
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
  return { events, sendSeconds: (performance.now() - t0) / 1000 }
}

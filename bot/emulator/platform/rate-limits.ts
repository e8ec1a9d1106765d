import type { EmulatorContext } from '../context.js'
import { LineApiError } from '../spec/line-errors.js'
import { sleep } from './faults.js'

/** LINE's documented rate limits for the sending endpoints that have their own (others: 2,000 requests/s too). */
const LIMITS = {
  multicast: { paths: ['/v2/bot/message/multicast'], max: 2_000, windowMs: 1_000 },
  broadcast: {
    paths: ['/v2/bot/message/broadcast', '/v2/bot/message/narrowcast'],
    max: 60,
    windowMs: 3_600_000,
  },
} as const

/**
 * Answers 429 as LINE does when a rate-limited endpoint is called past its limit within its window (a sliding
 * window: the calls of the last second for multicast, of the last hour for broadcast and narrowcast).
 */
export function checkRateLimit(ctx: EmulatorContext, method: string, path: string): void {
  if (!ctx.state.settings.rateLimits || method !== 'POST') {
    return
  }
  for (const [name, limit] of Object.entries(LIMITS) as [keyof typeof LIMITS, (typeof LIMITS)[keyof typeof LIMITS]][]) {
    if (!(limit.paths as readonly string[]).includes(path)) {
      continue
    }
    const now = ctx.now()
    const window = ctx.state.rateWindows[name]
    while (window.length > 0 && (window[0] ?? 0) <= now - limit.windowMs) {
      window.shift()
    }
    if (window.length >= limit.max) {
      throw new LineApiError(429, 'The API rate limit has been exceeded. Try again later.')
    }
    window.push(now)
  }
}

/** The configured per-call latency (settings.latencyMs), a uniform draw between min and max. */
export async function simulateLatency(ctx: EmulatorContext): Promise<void> {
  const latency = ctx.state.settings.latencyMs
  if (latency) {
    await sleep(latency.min + Math.random() * Math.max(latency.max - latency.min, 0))
  }
}

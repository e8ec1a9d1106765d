import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AppError } from '../errors.js'

/** Counts hits per key in fixed windows, in this process's memory (each web process has its own budget). */
export function createWindowCounter({
  max,
  windowMs,
  now = Date.now,
}: {
  max: number
  windowMs: number
  now?: () => number
}) {
  const windows = new Map<string, { count: number; resetAt: number }>()
  let sweepAt = now() + windowMs
  return {
    /** One more hit for `key`: allowed while the window's count stays within `max`. */
    take(key: string): { allowed: boolean; retryAfterSeconds: number } {
      const t = now()
      if (t >= sweepAt) {
        // Forget finished windows once a window, so a flood of one-off keys cannot grow the map for ever.
        for (const [k, w] of windows) {
          if (w.resetAt <= t) {
            windows.delete(k)
          }
        }
        sweepAt = t + windowMs
      }
      let w = windows.get(key)
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + windowMs }
        windows.set(key, w)
      }
      w.count++
      return { allowed: w.count <= max, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - t) / 1000)) }
    },
  }
}

export type LiffRateLimitOptions = {
  /** Requests per window from one client IP, over every /api/liff route together. */
  perIp: number
  /** Requests per window from one LINE user (the verified token's `sub`), over every /api/liff route together. */
  perUser: number
  windowMs?: number
  now?: () => number
}

function refuse(reply: FastifyReply, retryAfterSeconds: number): never {
  reply.header('retry-after', String(retryAfterSeconds))
  throw new AppError(
    'rate_limited',
    429,
    `Too many requests. Please try again in ${retryAfterSeconds} seconds.`,
    'มีการใช้งานถี่เกินไป กรุณารอสักครู่แล้วลองใหม่',
  )
}

/**
 * One budget across the whole citizen API (/api/liff/*), on top of the tighter per-route limits. Per IP in
 * onRequest, before any route's token check, so junk never costs a LINE verify call; per LINE user in preParsing,
 * which runs after every onRequest hook (the routes' LIFF auth included), before the body is read. Register on the
 * root instance: hooks there apply to every plugin's routes.
 */
export function registerLiffRateLimit(app: FastifyInstance, opts: LiffRateLimitOptions): void {
  const windowMs = opts.windowMs ?? 60_000
  const byIp = createWindowCounter({ max: opts.perIp, windowMs, ...(opts.now ? { now: opts.now } : {}) })
  const byUser = createWindowCounter({ max: opts.perUser, windowMs, ...(opts.now ? { now: opts.now } : {}) })
  // The route's pattern, not the raw URL: an encoded or odd path that still reaches a LIFF route is counted.
  const isLiff = (req: FastifyRequest) => req.routeOptions.url?.startsWith('/api/liff/') === true

  app.addHook('onRequest', async (req, reply) => {
    if (isLiff(req)) {
      const hit = byIp.take(req.ip)
      if (!hit.allowed) {
        refuse(reply, hit.retryAfterSeconds)
      }
    }
  })
  app.addHook('preParsing', async (req, reply, payload) => {
    if (req.citizenUserId && isLiff(req)) {
      const hit = byUser.take(req.citizenUserId)
      if (!hit.allowed) {
        refuse(reply, hit.retryAfterSeconds)
      }
    }
    return payload
  })
}

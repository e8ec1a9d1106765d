import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.js'

/** Per client IP over the scope's routes, checked before the token so junk requests stay cheap (as /api/liff does). */
export type RateLimitText = { en: (after: string) => string; th: string }
const DEFAULT_TEXT: RateLimitText = {
  en: (after) => `Too many requests. Please try again in ${after}.`,
  th: 'มีการใช้งานถี่เกินไป กรุณารอสักครู่แล้วลองใหม่',
}

export async function addRateLimit(
  scope: FastifyInstance,
  limit: { max: number; timeWindowMs: number } | false | undefined,
  { defaults = { max: 300, timeWindowMs: 60_000 }, text = DEFAULT_TEXT } = {},
) {
  if (limit === false) {
    return
  }
  if (!scope.hasDecorator('rateLimit')) {
    await scope.register(rateLimit, { global: false })
  }
  const { max, timeWindowMs } = limit ?? defaults
  scope.addHook(
    'onRequest',
    scope.rateLimit({
      max,
      timeWindow: timeWindowMs,
      keyGenerator: (req) => req.ip,
      errorResponseBuilder: (_req, ctx) => new AppError('rate_limited', 429, text.en(ctx.after), text.th),
    }),
  )
}

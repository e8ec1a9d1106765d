import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import { AppError } from '../errors.js'

/** Per client IP over the scope's routes, checked before the token so junk requests stay cheap (as /api/liff does). */
export async function addRateLimit(
  scope: FastifyInstance,
  limit: { max: number; timeWindowMs: number } | false | undefined,
) {
  if (limit === false) {
    return
  }
  if (!scope.hasDecorator('rateLimit')) {
    await scope.register(rateLimit, { global: false })
  }
  const { max, timeWindowMs } = limit ?? { max: 300, timeWindowMs: 60_000 }
  scope.addHook(
    'onRequest',
    scope.rateLimit({
      max,
      timeWindow: timeWindowMs,
      keyGenerator: (req) => req.ip,
      errorResponseBuilder: (_req, ctx) =>
        new AppError(
          'rate_limited',
          429,
          `Too many requests. Please try again in ${ctx.after}.`,
          'มีการใช้งานถี่เกินไป กรุณารอสักครู่แล้วลองใหม่',
        ),
    }),
  )
}

import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { AppError, NotFoundError } from '../errors.js'
import type { Metrics } from './metrics.js'

export type OpsRoutesOptions = {
  metrics: Metrics
  checks: { database(): Promise<void>; queue(): Promise<void> }
  /** METRICS_TOKEN: `Authorization: Bearer <token>` opens /metrics; unset, /metrics does not exist. */
  metricsToken?: string | undefined
}

async function probe(fn: () => Promise<void>, timeoutMs = 2_000): Promise<'ok' | string> {
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
    ])
    return 'ok'
  } catch (err) {
    return err instanceof Error ? err.message.slice(0, 200) : 'error'
  }
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i
const digest = (s: string) => createHash('sha256').update(s).digest()

/** Compares digests, so neither the token's length nor its bytes leak through timing. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = header ? BEARER.exec(header)?.[1] : undefined
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token))
}

const readiness = z.object({ status: z.enum(['ready', 'not_ready']) })

/**
 * /healthz (the process is up), /readyz (database and queue reachable: 'ready' or 'not_ready', nothing more; which
 * check failed and why goes to the log) and /metrics (Prometheus, behind METRICS_TOKEN: it counts traffic and jobs).
 */
export const opsRoutes: FastifyPluginAsyncZod<OpsRoutesOptions> = async (app, { metrics, checks, metricsToken }) => {
  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } }, logLevel: 'silent' },
    async () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    { schema: { hide: true, response: { 200: readiness, 503: readiness } }, logLevel: 'silent' },
    async (req, reply) => {
      const [database, queue] = await Promise.all([probe(checks.database), probe(checks.queue)])
      if (database === 'ok' && queue === 'ok') {
        return { status: 'ready' as const }
      }
      req.log.warn({ database, queue }, 'not ready')
      return reply.status(503).send({ status: 'not_ready' as const })
    },
  )
  app.get('/metrics', { schema: { hide: true }, logLevel: 'silent' }, async (req, reply) => {
    if (!metricsToken) {
      throw new NotFoundError('metrics are off: set METRICS_TOKEN', 'ยังไม่ได้เปิดใช้ metrics')
    }
    if (!bearerMatches(req.headers.authorization, metricsToken)) {
      reply.header('www-authenticate', 'Bearer')
      throw new AppError('unauthorized', 401, 'send Authorization: Bearer <METRICS_TOKEN>', 'ต้องใช้โทเคนสำหรับ metrics')
    }
    reply.header('content-type', metrics.registry.contentType)
    return metrics.registry.metrics()
  })
}

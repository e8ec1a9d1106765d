import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Metrics } from './metrics.js'

export type OpsRoutesOptions = {
  metrics: Metrics
  checks: { database(): Promise<void>; queue(): Promise<void> }
  defaults: Record<string, unknown>
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

export const opsRoutes: FastifyPluginAsyncZod<OpsRoutesOptions> = async (app, { metrics, checks, defaults }) => {
  app.get(
    '/healthz',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } }, logLevel: 'silent' },
    async () => ({ status: 'ok' as const }),
  )
  app.get(
    '/readyz',
    {
      schema: {
        hide: true,
        response: {
          200: z.object({
            status: z.string(),
            database: z.string(),
            queue: z.string(),
            defaults: z.record(z.string(), z.unknown()),
          }),
          503: z.object({
            status: z.string(),
            database: z.string(),
            queue: z.string(),
            defaults: z.record(z.string(), z.unknown()),
          }),
        },
      },
      logLevel: 'silent',
    },
    async (_req, reply) => {
      const [database, queue] = await Promise.all([probe(checks.database), probe(checks.queue)])
      const ok = database === 'ok' && queue === 'ok'
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database, queue, defaults })
    },
  )
  app.get('/metrics', { schema: { hide: true }, logLevel: 'silent' }, async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType)
    return metrics.registry.metrics()
  })
}

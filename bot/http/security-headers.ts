import type { FastifyInstance } from 'fastify'

export type SecurityHeadersOptions = {
  /** Strict-Transport-Security, only when the public URL is https (config.http.hsts). */
  hsts: boolean
}

/** A year: browsers then refuse plain http to this host, so a network attacker cannot strip TLS. */
const HSTS = 'max-age=31536000'

/**
 * Headers every response carries, set at the root before anything else runs. They go on the raw Node response, so
 * they survive errors, 404s and the routes that write their own head (the SSE streams, which hijack the reply);
 * Node merges them with whatever the route sends.
 */
export function registerSecurityHeaders(app: FastifyInstance, { hsts }: SecurityHeadersOptions): void {
  app.addHook('onRequest', async (_req, reply) => {
    // Never let a browser guess a type: an upload served as text/plain must not run as HTML or script.
    reply.raw.setHeader('x-content-type-options', 'nosniff')
    if (hsts) {
      reply.raw.setHeader('strict-transport-security', HSTS)
    }
  })
}

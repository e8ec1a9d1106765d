import type { FastifyPluginAsync } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { sendFault, sleep, takeFault } from './faults.js'

type VerifyForm = { id_token?: string; client_id?: string; nonce?: string; user_id?: string }

/**
 * LINE Login's ID-token verification (POST /oauth2/v2.1/verify, form-encoded), registered with prefix
 * /oauth2/v2.1. It accepts only tokens this emulator issued (issueIdToken / the simulator's LIFF frame).
 */
export function oauthPlugin(ctx: EmulatorContext): FastifyPluginAsync {
  return async (app) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))))
    })
    app.addHook('onRequest', async (req, reply) => {
      const fault = takeFault(ctx.state, req.method, req.url.split('?')[0] ?? req.url)
      if (fault?.delayMs) {
        await sleep(fault.delayMs)
      }
      if (fault) {
        return sendFault(reply, fault)
      }
    })
    app.setErrorHandler((err: { statusCode?: number }, _req, reply) => {
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 500
      reply.code(status).send({ error: status < 500 ? 'invalid_request' : 'server_error' })
    })

    app.post('/verify', async (req, reply) => {
      const form = (req.body ?? {}) as VerifyForm
      if (!form.id_token || !form.client_id) {
        const missing = form.id_token ? 'client_id' : 'id_token'
        return reply.code(400).send({ error: 'invalid_request', error_description: `Required parameter ${missing}.` })
      }
      const check = ctx.idTokens.verify(form.id_token, form.client_id, {
        ...(form.nonce !== undefined ? { nonce: form.nonce } : {}),
        ...(form.user_id !== undefined ? { userId: form.user_id } : {}),
      })
      if (!check.ok) {
        return reply.code(400).send({ error: 'invalid_request', error_description: check.description })
      }
      return check.payload
    })
  }
}

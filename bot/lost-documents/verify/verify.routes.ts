import { randomBytes } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import { addRateLimit } from '../../http/rate-limit.js'
import { renderVerifyPage } from './verify.page.js'
import { type Verdict, verdictJson, verifyRecord } from './verify.service.js'

export type VerifyRoutesOptions = {
  db: Db
  /** Per client IP; the default (30 a minute) is plenty for people and slow for anyone enumerating. */
  rateLimit?: { max: number; timeWindowMs: number }
  now?: () => Date
}

const wantsJson = (req: FastifyRequest) => /application\/json/i.test(String(req.headers.accept ?? ''))

/** Public, personal-data-free, never cached, never indexed; the token sits in the URL, so no Referer leaves. */
function securityHeaders(reply: FastifyReply, nonce: string) {
  reply
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex, nofollow, noarchive')
    .header('referrer-policy', 'no-referrer')
    .header('x-content-type-options', 'nosniff')
    .header('vary', 'Accept')
    .header(
      'content-security-policy',
      `default-src 'none'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    )
}

function send(reply: FastifyReply, req: FastifyRequest, status: number, verdict: Verdict | null, checkedAt: Date) {
  const nonce = randomBytes(16).toString('base64')
  securityHeaders(reply, nonce)
  if (wantsJson(req)) {
    return reply.status(status).send(verdict ? verdictJson(verdict) : { status: 'rate_limited' })
  }
  const page = renderVerifyPage({ verdict: verdict ?? { status: 'limited', station: null }, checkedAt, nonce })
  return reply.status(status).type('text/html; charset=utf-8').send(page)
}

/**
 * GET /verify/:token: the page a QR code on a record opens (feature A). HTML in Thai then English, or JSON with
 * `Accept: application/json`. Valid, revoked and unknown all answer 200 (the verdict is the content); only the
 * rate limit answers otherwise (429, same page style). The route logs at warn only: Fastify's request lines carry
 * the URL, and a token in a log is a working verification link.
 */
export const verifyRoutes: FastifyPluginAsyncZod<VerifyRoutesOptions> = async (app, opts) => {
  const now = opts.now ?? (() => new Date())
  await addRateLimit(app, opts.rateLimit, {
    defaults: { max: 30, timeWindowMs: 60_000 },
    text: { en: (after) => `Too many checks. Try again in ${after}.`, th: 'ตรวจสอบถี่เกินไป กรุณารอสักครู่' },
  })
  // Only this scope: the rate limit answers with the page (or JSON), everything else goes to the app's handler.
  app.setErrorHandler(async (err: Error & { statusCode?: number }, req, reply) => {
    if (err.statusCode === 429) {
      return send(reply, req, 429, null, now())
    }
    throw err
  })

  // A wildcard, not `:token`: the router caps named parameters at 100 characters and would answer a longer (junk)
  // token with its own 404, where every malformed token must get the same UNKNOWN page as an unknown one.
  app.get(
    '/verify/*',
    { schema: { hide: true, params: z.object({ '*': z.string() }) }, logLevel: 'warn' },
    async (req, reply) => {
      const checkedAt = now()
      const verdict = await opts.db.transaction((tx) => verifyRecord(tx, req.params['*']))
      return send(reply, req, 200, verdict, checkedAt)
    },
  )
}

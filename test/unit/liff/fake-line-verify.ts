import Fastify from 'fastify'

export type VerifyAnswer = { status: number; body: unknown }
export type VerifyCall = { idToken: string | null; clientId: string | null; contentType: string | undefined }

/**
 * A stand-in for LINE's POST /oauth2/v2.1/verify: records each call and answers whatever `answer` returns.
 * (The LINE emulator serves the real thing; this one lets unit tests choose any answer, including broken ones.)
 */
export async function startFakeVerify(answer: (call: VerifyCall) => VerifyAnswer) {
  const app = Fastify({ logger: false })
  const calls: VerifyCall[] = []
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, new URLSearchParams(String(body)))
  })
  app.post('/oauth2/v2.1/verify', async (req, reply) => {
    const form = req.body instanceof URLSearchParams ? req.body : new URLSearchParams()
    const call = {
      idToken: form.get('id_token'),
      clientId: form.get('client_id'),
      contentType: req.headers['content-type'],
    }
    calls.push(call)
    const { status, body } = answer(call)
    return reply.status(status).send(body)
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return { url: `http://127.0.0.1:${port}`, calls, close: () => app.close() }
}

export const USER = `U${'a1'.repeat(16)}`
export const CHANNEL = '1234567890'

/** A JWT-shaped string: the verifier only checks the shape itself; LINE (here: the fake) decides validity. */
export function fakeJwt(label: string): string {
  const part = (s: string) => Buffer.from(s).toString('base64url')
  return `${part('{"alg":"ES256"}')}.${part(JSON.stringify({ label }))}.${part(`sig-${label}`)}`
}

export function payload(overrides: Record<string, unknown> = {}, nowMs = Date.now()) {
  const iat = Math.floor(nowMs / 1000)
  return {
    iss: 'https://access.line.me',
    sub: USER,
    aud: CHANNEL,
    exp: iat + 3600,
    iat,
    amr: ['linesso'],
    name: 'สมชาย ใจดี',
    ...overrides,
  }
}

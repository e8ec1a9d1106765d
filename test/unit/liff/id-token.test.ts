import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../bot/errors.js'
import { createIdTokenVerifier, InvalidTokenError } from '../../../bot/line/id-token.js'
import { CHANNEL, fakeJwt, payload, startFakeVerify, USER, type VerifyAnswer } from './fake-line-verify.js'

let answer: VerifyAnswer = { status: 200, body: payload() }
let line: Awaited<ReturnType<typeof startFakeVerify>>

beforeAll(async () => {
  line = await startFakeVerify(() => answer)
})
afterAll(async () => {
  await line.close()
})
beforeEach(() => {
  line.calls.length = 0
  answer = { status: 200, body: payload() }
})

function verifier(extra: Partial<Parameters<typeof createIdTokenVerifier>[0]> = {}) {
  return createIdTokenVerifier({ apiBaseUrl: line.url, channelId: CHANNEL, ...extra })
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(err, 'expected the promise to reject').toBeInstanceOf(AppError)
  return err as AppError
}

describe('createIdTokenVerifier: happy', () => {
  it('asks LINE with a form body and returns the user ID from sub', async () => {
    const token = fakeJwt('valid')
    const result = await verifier().verify(token)
    expect(result).toMatchObject({ lineUserId: USER, name: 'สมชาย ใจดี' })
    expect(result.exp).toBeGreaterThan(Date.now() / 1000)
    expect(line.calls).toEqual([
      { idToken: token, clientId: CHANNEL, contentType: 'application/x-www-form-urlencoded' },
    ])
  })

  it('accepts a base URL with a trailing slash', async () => {
    await expect(verifier({ apiBaseUrl: `${line.url}/` }).verify(fakeJwt('slash'))).resolves.toMatchObject({
      lineUserId: USER,
    })
  })

  it('caches a verified token until it expires: LINE is not asked again', async () => {
    let now = Date.now()
    const v = verifier({ now: () => now })
    const token = fakeJwt('cached')
    await v.verify(token)
    await v.verify(token)
    expect(line.calls).toHaveLength(1)
    now += 3_601_000 // past exp: the cache no longer vouches for it; LINE decides again
    answer = { status: 400, body: { error: 'invalid_request', error_description: 'IdToken expired.' } }
    expect((await rejection(v.verify(token))).statusCode).toBe(401)
    expect(line.calls).toHaveLength(2)
  })

  it('shares one LINE call among concurrent requests with the same token', async () => {
    const v = verifier()
    const token = fakeJwt('parallel')
    await Promise.all([v.verify(token), v.verify(token), v.verify(token)])
    expect(line.calls).toHaveLength(1)
  })

  it('keeps the cache bounded (least recently used is evicted)', async () => {
    const v = verifier({ cacheSize: 2 })
    const [a, b, c] = [fakeJwt('a'), fakeJwt('b'), fakeJwt('c')]
    await v.verify(a)
    await v.verify(b)
    await v.verify(a) // a is now the most recent
    await v.verify(c) // evicts b
    expect(line.calls).toHaveLength(3)
    await v.verify(a)
    expect(line.calls).toHaveLength(3)
    await v.verify(b)
    expect(line.calls).toHaveLength(4)
  })
})

describe('createIdTokenVerifier: rejected tokens (401 invalid_token)', () => {
  const cases: [string, VerifyAnswer][] = [
    ['expired (exp in the past)', { status: 200, body: payload({ exp: Math.floor(Date.now() / 1000) - 1 }) }],
    ['issued for another channel (aud)', { status: 200, body: payload({ aud: '999' }) }],
    ['from another issuer (iss)', { status: 200, body: payload({ iss: 'https://evil.example' }) }],
    ['with a sub that is not a LINE user ID', { status: 200, body: payload({ sub: '../../admin' }) }],
    ['LINE answers 400', { status: 400, body: { error: 'invalid_request', error_description: 'Invalid IdToken.' } }],
  ]
  for (const [name, a] of cases) {
    it(name, async () => {
      answer = a
      const err = await rejection(verifier().verify(fakeJwt(name)))
      expect(err).toBeInstanceOf(InvalidTokenError)
      expect({ status: err.statusCode, code: err.code }).toEqual({ status: 401, code: 'invalid_token' })
      expect(err.messageTh, 'Thai text for the citizen').toMatch(/[\u0E00-\u0E7F]/)
    })
  }

  it('does not cache a rejection', async () => {
    const v = verifier()
    answer = { status: 400, body: { error: 'invalid_request', error_description: 'Invalid IdToken.' } }
    const token = fakeJwt('retry')
    await rejection(v.verify(token))
    answer = { status: 200, body: payload() }
    await expect(v.verify(token)).resolves.toMatchObject({ lineUserId: USER })
    expect(line.calls).toHaveLength(2)
  })

  it('rejects a string that is not a JWT without calling LINE', async () => {
    for (const junk of ['', 'abc', 'a.b', 'a.b.c.d', `${'x'.repeat(9000)}.y.z`, 'a b.c.d']) {
      expect((await rejection(verifier().verify(junk))).code).toBe('invalid_token')
    }
    expect(line.calls).toHaveLength(0)
  })
})

describe('createIdTokenVerifier: LINE unavailable (503)', () => {
  it('LINE unreachable', async () => {
    const err = await rejection(verifier({ apiBaseUrl: 'http://127.0.0.1:9' }).verify(fakeJwt('down')))
    expect({ status: err.statusCode, code: err.code }).toEqual({ status: 503, code: 'unavailable' })
  })

  it('LINE answers 500', async () => {
    answer = { status: 500, body: { message: 'oops' } }
    expect((await rejection(verifier().verify(fakeJwt('500')))).statusCode).toBe(503)
  })

  it('LINE answers 200 with a body that is not a verify payload', async () => {
    answer = { status: 200, body: { hello: 'world' } }
    expect((await rejection(verifier().verify(fakeJwt('odd')))).statusCode).toBe(503)
  })

  it('LINE too slow', async () => {
    const slowFetch: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
      })
    const err = await rejection(verifier({ fetch: slowFetch, timeoutMs: 50 }).verify(fakeJwt('slow')))
    expect(err.statusCode).toBe(503)
  })
})

describe('createIdTokenVerifier: security', () => {
  it('never logs the token', async () => {
    const logged: string[] = []
    const logger = { warn: (obj: object, msg: string) => logged.push(JSON.stringify(obj) + msg) }
    const token = fakeJwt('secret-token')
    answer = { status: 400, body: { error: 'invalid_request', error_description: 'Invalid IdToken.' } }
    await rejection(verifier({ logger }).verify(token))
    await rejection(verifier({ logger, apiBaseUrl: 'http://127.0.0.1:9' }).verify(token))
    expect(logged.length).toBeGreaterThan(0)
    for (const line of logged) {
      expect(line).not.toContain(token.split('.')[1])
    }
  })
})

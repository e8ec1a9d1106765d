import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildEmulatorApp, type EmulatorApp, LOGIN_CHANNEL_ID } from './emulator-app.js'

describe('POST /oauth2/v2.1/verify (ID tokens the emulator issued)', () => {
  let t: EmulatorApp
  let userId: string
  beforeEach(async () => {
    t = await buildEmulatorApp()
    userId = t.emulator.createUser({ displayName: 'มาลี' }).userId
  })
  afterEach(async () => {
    await t.app.close()
  })

  async function verify(form: Record<string, string>) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/oauth2/v2.1/verify',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    })
    return { status: res.statusCode, body: JSON.parse(res.body) as Record<string, unknown> }
  }

  it('happy: returns LINE’s payload for a valid token', async () => {
    const idToken = t.emulator.issueIdToken(userId)
    const res = await verify({ id_token: idToken, client_id: LOGIN_CHANNEL_ID })
    const iat = Math.floor(t.clock.now / 1000)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({
      iss: 'https://access.line.me',
      sub: userId,
      aud: LOGIN_CHANNEL_ID,
      iat,
      exp: iat + 3600,
      name: 'มาลี',
      amr: ['linesso'],
    })
  })

  it('error: expired after one hour', async () => {
    const idToken = t.emulator.issueIdToken(userId)
    t.clock.now += 3_600_000
    const res = await verify({ id_token: idToken, client_id: LOGIN_CHANNEL_ID })
    expect(res).toEqual({ status: 400, body: { error: 'invalid_request', error_description: 'IdToken expired.' } })
  })

  it('error: wrong audience', async () => {
    const res = await verify({ id_token: t.emulator.issueIdToken(userId), client_id: '999' })
    expect(res.body).toEqual({ error: 'invalid_request', error_description: 'Invalid IdToken Audience.' })
  })

  it('security: garbage, tampered payloads and other emulators’ tokens are invalid', async () => {
    const idToken = t.emulator.issueIdToken(userId)
    const [head, , sig] = idToken.split('.')
    const forged = Buffer.from(JSON.stringify({ sub: 'Uevil', aud: LOGIN_CHANNEL_ID, exp: 9e9 })).toString('base64url')
    const other = await buildEmulatorApp()
    const foreign = other.emulator.issueIdToken(other.emulator.createUser({ displayName: 'x' }).userId)
    await other.app.close()
    for (const token of ['garbage', 'a.b.c', `${head}.${forged}.${sig}`, foreign]) {
      const res = await verify({ id_token: token, client_id: LOGIN_CHANNEL_ID })
      expect(res, token).toEqual({
        status: 400,
        body: { error: 'invalid_request', error_description: 'Invalid IdToken.' },
      })
    }
  })

  it('error: missing parameters', async () => {
    expect((await verify({ client_id: LOGIN_CHANNEL_ID })).status).toBe(400)
    expect((await verify({ id_token: t.emulator.issueIdToken(userId) })).status).toBe(400)
  })

  it('checks nonce and user_id when given', async () => {
    const idToken = t.emulator.issueIdToken(userId)
    const wrongUser = await verify({ id_token: idToken, client_id: LOGIN_CHANNEL_ID, user_id: `U${'1'.repeat(32)}` })
    expect(wrongUser.body.error_description).toBe('Invalid IdToken Subject Identifier.')
    const nonce = await verify({ id_token: idToken, client_id: LOGIN_CHANNEL_ID, nonce: 'abc' })
    expect(nonce.body.error_description).toBe('Invalid IdToken Nonce.')
  })
})

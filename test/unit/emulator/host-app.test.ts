import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createLineEmulator } from '../../../bot/emulator/index.js'
import { AUTH, LOGIN_CHANNEL_ID, SECRET, TOKEN } from './emulator-app.js'

describe('the emulator inside the bot’s own app (zod compilers, its own error handler, 1 MB body limit)', () => {
  it('keeps LINE’s behaviour: its routes, error shapes and 2 MB limit are its own', async () => {
    const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 })
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(serializerCompiler)
    app.setErrorHandler((_err, _req, reply) => reply.code(500).send({ error: 'host handler' }))
    app.post('/webhook', { schema: { body: z.object({ events: z.array(z.unknown()) }) } }, async () => ({ ok: true }))
    const emulator = createLineEmulator({
      channelSecret: SECRET,
      channelAccessToken: TOKEN,
      loginChannelId: LOGIN_CHANNEL_ID,
      webhookUrl: 'http://127.0.0.1:9/webhook',
    })
    await app.register(emulator.plugin)
    const userId = emulator.createUser({ displayName: 'x' }).userId
    await emulator.follow(userId)

    const big = { to: userId, messages: [{ type: 'text', text: 'x' }], pad: 'y'.repeat(1_500_000) }
    const push = await app.inject({
      method: 'POST',
      url: '/v2/bot/message/push',
      headers: { ...AUTH, 'content-type': 'application/json' },
      payload: JSON.stringify(big),
    })
    expect(push.statusCode, push.body).toBe(200)
    const bad = await app.inject({
      method: 'POST',
      url: '/v2/bot/message/push',
      headers: { ...AUTH, 'content-type': 'application/json' },
      payload: JSON.stringify({ to: userId, messages: [] }),
    })
    expect(bad.statusCode).toBe(400)
    expect(JSON.parse(bad.body)).toEqual({
      message: 'The request body has 1 error(s)',
      details: [{ message: 'Size must be between 1 and 5', property: 'messages' }],
    })
    const page = await app.inject({ method: 'GET', url: '/emulator' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    const script = await app.inject({ method: 'GET', url: '/emulator/ui/app.js' })
    expect(script.headers['content-type']).toContain('javascript')
    expect((await app.inject({ method: 'GET', url: '/emulator/ui/..%2F..%2Findex.ts' })).statusCode).toBe(404)
    // The host's own routes still use its validator.
    const hook = await app.inject({ method: 'POST', url: '/webhook', payload: { nope: 1 } })
    expect(hook.statusCode).toBe(500)
    await app.close()
  })
})

import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AUTH, buildEmulatorApp, type EmulatorApp, text } from './emulator-app.js'

describe('fault injection (state.faults)', () => {
  let t: EmulatorApp
  let userId: string
  beforeEach(async () => {
    t = await buildEmulatorApp()
    userId = t.emulator.createUser({ displayName: 'A' }).userId
    await t.emulator.follow(userId)
  })
  afterEach(async () => {
    await t.app.close()
  })

  it('fails the next matching requests, then lets them through', async () => {
    t.emulator.state.faults.push({ path: '/v2/bot/message/push', status: 500, times: 2 })
    const body = { to: userId, messages: [text('x')] }
    const statuses = []
    for (let i = 0; i < 3; i++) {
      statuses.push((await t.call('POST', '/v2/bot/message/push', body)).status)
    }
    expect(statuses).toEqual([500, 500, 200])
    expect(t.emulator.state.faults).toEqual([])
    expect(t.emulator.messagesTo(userId)).toHaveLength(1)
  })

  it('answers 429 in LINE shape and matches by method and RegExp', async () => {
    t.emulator.state.faults.push({ path: /^\/v2\/bot\/message\//, method: 'POST', status: 429 })
    const quota = await t.call('GET', '/v2/bot/message/quota')
    expect(quota.status).toBe(200)
    const res = await t.call('POST', '/v2/bot/message/multicast', { to: [userId], messages: [text('x')] })
    expect(res.status).toBe(429)
    expect(res.body).toEqual({ message: 'The API rate limit has been exceeded. Try again later.' })
    expect(res.headers['x-line-request-id']).toBeTruthy()
  })

  it('afterAccept: delivers, answers 500, and the retry with the same key gets 409', async () => {
    t.emulator.state.faults.push({ path: '/v2/bot/message/push', status: 500, afterAccept: true })
    const key = randomUUID()
    const body = { to: userId, messages: [text('exactly once')] }
    const first = await t.call('POST', '/v2/bot/message/push', body, { ...AUTH, 'x-line-retry-key': key })
    expect(first.status).toBe(500)
    const retry = await t.call('POST', '/v2/bot/message/push', body, { ...AUTH, 'x-line-retry-key': key })
    expect(retry.status).toBe(409)
    expect(retry.headers['x-line-accepted-request-id']).toBe(first.headers['x-line-request-id'])
    expect(t.emulator.messagesTo(userId).map((m) => m.message.text)).toEqual(['exactly once'])
  })

  it('a fault before acceptance leaves the retry key unused', async () => {
    t.emulator.state.faults.push({ path: '/v2/bot/message/push', status: 503 })
    const key = randomUUID()
    const body = { to: userId, messages: [text('x')] }
    expect((await t.call('POST', '/v2/bot/message/push', body, { ...AUTH, 'x-line-retry-key': key })).status).toBe(503)
    expect((await t.call('POST', '/v2/bot/message/push', body, { ...AUTH, 'x-line-retry-key': key })).status).toBe(200)
  })

  it('can delay and use a custom body; the API call log records what happened', async () => {
    t.emulator.state.faults.push({
      path: `/v2/bot/profile/${userId}`,
      status: 500,
      body: { message: 'boom' },
      delayMs: 50,
    })
    const started = Date.now()
    const res = await t.call('GET', `/v2/bot/profile/${userId}`)
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    expect(res.body).toEqual({ message: 'boom' })
    expect(t.emulator.state.apiCalls.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v2/bot/profile/${userId}`,
      status: 500,
    })
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Stack, startStack } from '../../helpers/stack.js'

const METRICS_TOKEN = 'ops-test-metrics-token-0123456789'
const scrape = { url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } }

describe('ops endpoints and the loading animation', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack({ env: { METRICS_TOKEN } })
  })
  afterAll(async () => {
    await s.close()
  })

  it('/healthz and /readyz say the service, database and queue are up', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' })
    const ready = await s.app.inject({ method: 'GET', url: '/readyz' })
    expect(ready.statusCode).toBe(200)
    expect(ready.json()).toEqual({ status: 'ready' })
  })

  it('/metrics counts webhook events, jobs and LINE API calls in Prometheus format', async () => {
    const user = s.emulator.createUser({ displayName: 'Metric', language: 'th' })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    await expect
      .poll(async () => (await s.app.inject(scrape)).body)
      // The answer is sent by the process-chat job itself (the deliver job only retries and pushes).
      .toMatch(/jobs_total\{job="process-chat",outcome="completed"\} [1-9]/)
    const res = await s.app.inject(scrape)
    expect(res.headers['content-type']).toContain('text/plain')
    expect(res.body).toMatch(/webhook_requests_total\{status="200"\} [1-9]/)
    expect(res.body).toMatch(/webhook_events_total\{type="follow",result="new"\} 1/)
    expect(res.body).toMatch(/line_api_calls_total\{endpoint="reply",status="200"\} [1-9]/)
    expect(res.body).toContain('webhook_duration_seconds_bucket')
  })

  it('shows LINE’s loading animation when a step takes longer than a moment', async () => {
    const user = s.emulator.createUser({ displayName: 'Slow', language: 'th' })
    // LINE answers the profile look-up slowly: the greeting takes about 2 s.
    s.emulator.state.faults.push({ path: `/v2/bot/profile/${user.userId}`, status: 200, delayMs: 2_000 })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2, 10_000)
    const loading = s.emulator.state.apiCalls.filter((c) => c.path === '/v2/bot/chat/loading/start')
    expect(loading.map((c) => (c.body as { chatId: string }).chatId)).toContain(user.userId)
  })

  it('shows no loading animation for a quick answer', async () => {
    const user = s.emulator.createUser({ displayName: 'Quick', language: 'th' })
    const before = s.emulator.state.apiCalls.filter((c) => c.path === '/v2/bot/chat/loading/start').length
    await s.emulator.sendText(user.userId, 'เมนู')
    await s.emulator.waitForMessages(user.userId, 1)
    await new Promise((r) => setTimeout(r, 1_200))
    const calls = s.emulator.state.apiCalls.filter(
      (c) => c.path === '/v2/bot/chat/loading/start' && (c.body as { chatId: string }).chatId === user.userId,
    )
    expect(calls.length + before).toBe(before)
  })
})

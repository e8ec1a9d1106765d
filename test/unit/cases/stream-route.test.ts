import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { type CaseChange, createCaseFeed } from '../../../bot/cases/case-feed.js'
import { casesStreamRoutes } from '../../../bot/cases/cases-stream.routes.js'
import { registerErrorHandler } from '../../../bot/errors.js'

const change = (stationId: string, id: string): CaseChange => ({
  id,
  stationId,
  kind: 'sos',
  status: 'new',
  priority: 'urgent',
  referenceNumber: `RYG-SOS-2569-${id}`,
  change: 'created',
})

/** The SSE route against a fake LISTEN: station filter, heartbeat, and the end of the stream at sign-out. */
describe('cases stream route', () => {
  async function setup(alive: () => boolean) {
    let emit: (payload: string) => void = () => {}
    const feed = createCaseFeed({
      listen: async (_channel, fn) => {
        emit = fn
        return async () => {}
      },
      logger: { warn() {} },
    })
    const app = Fastify()
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(serializerCompiler)
    registerErrorHandler(app)
    app.decorateRequest('officer', undefined)
    app.addHook('onRequest', async (req) => {
      req.officer = {
        officerId: 'o1',
        stationId: 'st1',
        role: 'viewer',
        lineUserId: 'U1',
        displayName: 'x',
        sessionId: 'sess1',
      }
    })
    await app.register(casesStreamRoutes, { feed, sessionAlive: async () => alive(), heartbeatMs: 40 })
    return { app, feed, emit: (c: CaseChange) => emit(JSON.stringify(c)) }
  }

  it("sends the officer's station's changes, without internals, beats, and ends when the session ends", async () => {
    let alive = true
    const t = await setup(() => alive)
    const pending = t.app.inject({ method: 'GET', url: '/api/admin/cases/stream' })
    while (t.feed.size === 0) {
      await new Promise((r) => setTimeout(r, 5))
    }
    t.emit(change('st1', '000001'))
    t.emit(change('st2', '000002'))
    await new Promise((r) => setTimeout(r, 100))
    alive = false
    const res = await pending
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/event-stream')
    expect(res.body).toContain('event: case\ndata: {"id":"000001"')
    expect(res.body).not.toContain('000002')
    expect(res.body).not.toContain('outboundIds')
    expect(res.body).not.toContain('stationId')
    expect(res.body).toContain(': heartbeat')
    expect(t.feed.size).toBe(0)
    await t.app.close()
  })
})

import type { ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import type { EmulatorContext } from '../context.js'

const PING_MS = 20_000

/**
 * GET /emulator/api/stream?chatId=...: Server-Sent Events from the emulator state, so the page never polls.
 * Events: `timeline` (an item in that chat), `loading` (the bot started the loading animation there) and
 * `state` (users, groups or rich menus changed; the page re-reads /emulator/api/state).
 */
export function sseRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const streams = new Set<ServerResponse>()

  app.get('/api/stream', (req, reply) => {
    const chatId = (req.query as { chatId?: string }).chatId
    reply.hijack()
    const res = reply.raw
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    })
    res.write('retry: 2000\n\n')
    const send = (event: string, data: unknown) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    }
    const stop = ctx.bus.on((event) => {
      if (event.type === 'state') {
        send('state', {})
      } else if (event.chatId === chatId) {
        // Remaining time rather than a timestamp: the emulator's clock may be injected.
        send(event.type, event.type === 'timeline' ? event.item : { chatId: event.chatId, ms: event.until - ctx.now() })
      }
    })
    const ping = setInterval(() => res.write(': ping\n\n'), PING_MS)
    streams.add(res)
    // The response's close (not the request's) fires when the browser goes away.
    res.on('close', () => {
      stop()
      clearInterval(ping)
      streams.delete(res)
    })
  })

  // Open streams would keep server.close() waiting forever.
  app.addHook('preClose', async () => {
    for (const res of streams) {
      res.end()
    }
  })
}

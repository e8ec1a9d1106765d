import { Writable } from 'node:stream'
import Fastify, { type FastifyBaseLogger } from 'fastify'
import { describe, expect, it } from 'vitest'
import { createLogger, loggableUrl } from '../../bot/logger.js'

describe('logger', () => {
  it('never writes tokens, signatures, message texts or ID numbers', () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const log = createLogger('info', sink)
    log.info(
      {
        req: {
          headers: { authorization: 'Bearer secret-token', 'x-line-signature': 'sig==', cookie: 'rsz_admin=abc' },
        },
        event: { replyToken: 'reply-token-1', text: 'บ้านเลขที่ 99' },
        citizen: { nationalId: '1234567890121' },
        reqId: 'r-1',
      },
      'webhook',
    )
    // Timings are not the request's: a responseTime such as 0.302819999999997 holds "1999999999" by chance.
    const out = lines.join('').replace(/"(responseTime|time)":[0-9.e+-]+/g, '"$1":0')
    for (const secret of ['secret-token', 'sig==', 'rsz_admin=abc', 'reply-token-1', 'บ้านเลขที่', '1234567890121']) {
      expect(out).not.toContain(secret)
    }
    expect(out).toContain('r-1')
  })
})

describe('request URLs in the log', () => {
  it('keep the path and drop the query: search terms, link signatures and tokens never reach the log', async () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const app = Fastify({ loggerInstance: createLogger('info', sink) as FastifyBaseLogger })
    app.get('/api/admin/cases', async () => ({ ok: true }))
    app.get('/boom', async () => {
      throw new Error('boom')
    })
    await app.inject({ url: '/api/admin/cases?q=1234567890121&status=new' })
    await app.inject({ url: '/api/admin/cases?0812345678' })
    await app.inject({ url: '/boom?sig=c2lnbmF0dXJlLXZhbHVl&exp=1999999999' })
    await app.close()
    // Timings are not the request's: a responseTime such as 0.302819999999997 holds "1999999999" by chance.
    const out = lines.join('').replace(/"(responseTime|time)":[0-9.e+-]+/g, '"$1":0')
    for (const secret of ['1234567890121', '0812345678', 'c2lnbmF0dXJlLXZhbHVl', '1999999999', 'status=new']) {
      expect(out).not.toContain(secret)
    }
    expect(out).toContain('"url":"/api/admin/cases?<removed>"')
    expect(out).toContain('"url":"/boom?<removed>"') // the error line carries the request too
  })

  it('leaves a URL without a query as it is', () => {
    expect(loggableUrl('/verify/abc')).toBe('/verify/abc')
    expect(loggableUrl('/x?')).toBe('/x?<removed>')
  })
})

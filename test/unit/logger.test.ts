import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../../bot/logger.js'

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
    const out = lines.join('')
    for (const secret of ['secret-token', 'sig==', 'rsz_admin=abc', 'reply-token-1', 'บ้านเลขที่', '1234567890121']) {
      expect(out).not.toContain(secret)
    }
    expect(out).toContain('r-1')
  })
})

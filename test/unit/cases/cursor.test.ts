import { describe, expect, it } from 'vitest'
import { decodeCursor, encodeCursor } from '../../../bot/cases/cursor.js'

describe('inbox cursor', () => {
  const c = { createdAt: '2026-11-26T07:05:01.123456Z', id: '0b6f2b8e-3c1a-4a4e-9d7e-2f1c3b4a5d6e' }

  it('round-trips, keeping microseconds', () => {
    const raw = encodeCursor(c)
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/) // base64url: safe in a query string as is
    expect(decodeCursor(raw)).toEqual(c)
  })

  it.each([
    ['not base64 json', 'a'],
    ['a JSON object', Buffer.from('{"a":1}').toString('base64url')],
    ['a bad id', Buffer.from(JSON.stringify([c.createdAt, 'x'])).toString('base64url')],
    ['a bad timestamp', Buffer.from(JSON.stringify(['yesterday', c.id])).toString('base64url')],
    ['SQL in the timestamp', Buffer.from(JSON.stringify([`${c.createdAt}'--`, c.id])).toString('base64url')],
    ['three items', Buffer.from(JSON.stringify([c.createdAt, c.id, 1])).toString('base64url')],
  ])('rejects %s with a 400', (_name, raw) => {
    expect(() => decodeCursor(raw)).toThrow(expect.objectContaining({ statusCode: 400, code: 'bad_request' }))
  })
})

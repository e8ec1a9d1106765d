import cookie from '@fastify/cookie'
import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { sessionTokenOf } from '../../../bot/officers/session.hook.js'
import { hashSessionToken } from '../../../bot/officers/session.service.js'

describe('session token', () => {
  it('is stored as a SHA-256 hex digest', () => {
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('comes from Authorization: Session first, then the rsz_admin cookie; Bearer is not a session', async () => {
    const app = Fastify()
    await app.register(cookie)
    app.get('/t', async (req) => sessionTokenOf(req) ?? null)
    const ask = async (headers: Record<string, string>) => (await app.inject({ url: '/t', headers })).json()
    expect(await ask({ authorization: 'Session abc', cookie: 'rsz_admin=def' })).toEqual({
      token: 'abc',
      from: 'header',
    })
    expect(await ask({ cookie: 'rsz_admin=def; other=1' })).toEqual({ token: 'def', from: 'cookie' })
    expect(await ask({ authorization: 'Bearer eyJ.x.y' })).toBeNull()
    expect(await ask({ authorization: 'session  xyz ' })).toEqual({ token: 'xyz', from: 'header' })
    await app.close()
  })
})

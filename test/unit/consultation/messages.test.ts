import { describe, expect, it } from 'vitest'
import { fillPlaceholders } from '../../../bot/consultation/messages/compose-answer.js'
import { createMediaLinks } from '../../../bot/consultation/messages/media-links.js'
import { SIGNED_LINK_TTL_SECONDS } from '../../../bot/http/signed-links.js'
import { isHeld } from '../../../bot/line/outbox.js'

const ID = '0b7f5a52-0000-4000-8000-000000000001'

describe('canned reply placeholders', () => {
  it('fills {name} {ref} {officer} {station} wherever they appear, and leaves other braces alone', () => {
    const text = fillPlaceholders('เรียน {name} ({ref}) — {officer}, {station}; {name} {unknown}', {
      name: 'มานี',
      ref: 'RYG-CON-2569-000001',
      officer: 'ด.ต. สมศักดิ์',
      station: 'สภ.เมืองระยอง',
    })
    expect(text).toBe('เรียน มานี (RYG-CON-2569-000001) — ด.ต. สมศักดิ์, สภ.เมืองระยอง; มานี {unknown}')
  })
})

describe('signed media links', () => {
  const links = createMediaLinks({ sessionSecret: 'x'.repeat(32), publicBaseUrl: 'https://rsz.example/' })
  const now = new Date('2026-12-03T10:00:00Z')
  const parts = (url: string) => {
    const u = new URL(url)
    return {
      exp: u.searchParams.get('exp') ?? undefined,
      sig: u.searchParams.get('sig') ?? undefined,
      path: u.pathname,
    }
  }

  it('is valid until it expires, for its own file only', () => {
    const { exp, sig, path } = parts(links.url(ID, now))
    expect(path).toBe(`/api/media/${ID}`)
    expect(links.check(ID, exp, sig, now)).toBe('ok')
    expect(links.check(ID, exp, sig, new Date(now.getTime() + (SIGNED_LINK_TTL_SECONDS + 1) * 1000))).toBe('expired')
    expect(links.check(ID.replace(/1$/, '2'), exp, sig, now)).toBe('invalid')
  })

  it('reads an edited expiry or a missing signature as tampered, and another secret signs differently', () => {
    const { exp, sig } = parts(links.url(ID, now))
    expect(links.check(ID, String(Number(exp) + 1), sig, now)).toBe('invalid')
    expect(links.check(ID, exp, undefined, now)).toBe('invalid')
    const other = createMediaLinks({ sessionSecret: 'y'.repeat(32), publicBaseUrl: 'https://rsz.example' })
    expect(other.check(ID, exp, sig, now)).toBe('invalid')
  })
})

describe('held outbox rows', () => {
  it('are reply-or-push rows with a hold and no attempt yet (a retried row is not merged again)', () => {
    const at = new Date()
    expect(isHeld({ method: 'reply_or_push', nextAttemptAt: at, attempts: 0 })).toBe(true)
    expect(isHeld({ method: 'reply_or_push', nextAttemptAt: at, attempts: 1 })).toBe(false)
    expect(isHeld({ method: 'reply_or_push', nextAttemptAt: null, attempts: 0 })).toBe(false)
    expect(isHeld({ method: 'multicast', nextAttemptAt: at, attempts: 0 })).toBe(false)
  })
})

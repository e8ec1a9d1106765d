import { describe, expect, it } from 'vitest'
import { checkPosition } from '../../../bot/house-watch/checkin/gps.js'
import { createQrTokens, normaliseCode, tokenOf } from '../../../bot/house-watch/points/qr.js'

const qr = createQrTokens({ sessionSecret: 'test-session-secret-0123456789-abcdef', adminLiffId: '123-abc' })
const point = { id: '7d3c1f0a-1b2c-4d5e-8f90-a1b2c3d4e5f6', qrVersion: 3 }

describe('patrol point QR', () => {
  it('reads its own token and the sticker address back to the point and version', () => {
    expect(qr.read(qr.token(point))).toEqual({ ok: true, claim: { pointId: point.id, version: 3 } })
    const text = qr.text(point)
    expect(text).toMatch(/^https:\/\/liff\.line\.me\/123-abc\/patrol\/scan\?qr=/)
    expect(qr.read(text)).toEqual({ ok: true, claim: { pointId: point.id, version: 3 } })
    // LINE may hand the path over as liff.state.
    const state = `https://liff.line.me/123-abc?liff.state=${encodeURIComponent(`/patrol/scan?qr=${qr.token(point)}`)}`
    expect(tokenOf(state)).toBe(qr.token(point))
  })

  it('refuses a tampered MAC, an edited version or point, another key, and junk', () => {
    const token = qr.token(point)
    const [id, , mac] = token.split('.')
    expect(qr.read(`${id}.4.${mac}`)).toEqual({ ok: false, reason: 'tampered' })
    expect(qr.read(`${id}.3.${mac?.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`)).toMatchObject({ ok: false })
    // Every spelling of the last character (it carries 2 spare bits) but the issued one is refused.
    const last = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    for (const c of last.replace(token.slice(-1), '')) {
      expect(qr.read(`${token.slice(0, -1)}${c}`).ok, c).toBe(false)
    }
    const other = createQrTokens({ sessionSecret: 'another-secret-0123456789-abcdefghij', adminLiffId: '123-abc' })
    expect(other.read(token)).toEqual({ ok: false, reason: 'tampered' })
    for (const junk of ['', 'RB-007', 'https://example.com/', `${id}.0.${mac}`, `${token}x`]) {
      expect(qr.read(junk).ok).toBe(false)
    }
  })

  it('a reissued point (a new version) gets a different token', () => {
    expect(qr.token({ ...point, qrVersion: 4 })).not.toBe(qr.token(point))
  })

  it('manual codes forgive case and spaces', () => {
    expect(normaliseCode(' rb-007 ')).toBe('RB-007')
    expect(normaliseCode('hw-2569-000001')).toBe('HW-2569-000001')
  })
})

describe('GPS check', () => {
  const p = { latitude: 12.6814, longitude: 101.2816 }
  const north = (m: number) => 12.6814 + m / 111_195
  it('near within the tolerance, far only when distance minus accuracy exceeds it, unknown without a fix', () => {
    expect(checkPosition(p, { lat: north(90), lng: 101.2816, accuracy: 5 }, 100).gpsCheck).toBe('near')
    expect(checkPosition(p, { lat: north(130), lng: 101.2816, accuracy: 40 }, 100).gpsCheck).toBe('near')
    expect(checkPosition(p, { lat: north(130), lng: 101.2816, accuracy: 20 }, 100).gpsCheck).toBe('far')
    expect(checkPosition(p, null, 100)).toEqual({ gpsCheck: 'unknown', distanceMeters: null })
    expect(checkPosition(p, { lat: north(130), lng: 101.2816, accuracy: 20 }, 200).gpsCheck).toBe('near')
  })
})

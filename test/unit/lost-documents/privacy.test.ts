import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { maskIdNumber, maskMobile, maskNumber, maskThaiId } from '../../../bot/privacy/mask.js'
import { createPiiCipher } from '../../../bot/privacy/pii-cipher.js'

const key = randomBytes(32)

describe('PII cipher (AES-256-GCM + keyed hash)', () => {
  const cipher = createPiiCipher(key)

  it('round-trips, with a fresh IV every time', () => {
    const a = cipher.encrypt('1234567890121')
    const b = cipher.encrypt('1234567890121')
    expect(a).not.toBe(b)
    expect(a.startsWith(`v2.${cipher.keyId}.`)).toBe(true)
    expect(a).not.toContain('1234567890121')
    expect(cipher.decrypt(a)).toBe('1234567890121')
    expect(cipher.decrypt(cipher.encrypt('นายสมชาย ใจดี'))).toBe('นายสมชาย ใจดี')
  })

  it('refuses an altered ciphertext, another key, or an unknown format', () => {
    const blob = cipher.encrypt('0812345678')
    const body = Buffer.from(blob.slice(cipher.currentPrefix.length), 'base64url')
    body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1
    expect(() => cipher.decrypt(`${cipher.currentPrefix}${body.toString('base64url')}`)).toThrow()
    expect(() => createPiiCipher(randomBytes(32)).decrypt(blob)).toThrow()
    expect(() => cipher.decrypt('plain text')).toThrow(/format/)
    expect(() => createPiiCipher(randomBytes(16))).toThrow(/32 bytes/)
  })

  it('hashes are stable, keyed, and kept apart by purpose', () => {
    expect(cipher.keyedHash('id_number', '1234567890121')).toBe(cipher.keyedHash('id_number', '1234567890121'))
    expect(cipher.keyedHash('id_number', '1234567890121')).not.toBe(cipher.keyedHash('phone', '1234567890121'))
    expect(createPiiCipher(randomBytes(32)).keyedHash('id_number', '1')).not.toBe(cipher.keyedHash('id_number', '1'))
    expect(cipher.keyedHash('id_number', '1234567890121')).toMatch(/^[0-9a-f]{64}$/)
  })
})

describe('masking', () => {
  it('shows a Thai ID the way the card prints it, last three digits only', () => {
    expect(maskThaiId('0121')).toBe('x-xxxx-xxxxx-12-1')
    expect(maskIdNumber('thai_id', '0121')).toBe('x-xxxx-xxxxx-12-1')
    expect(maskIdNumber('passport', '4567')).toBe('xxxxx4567')
  })
  it('other numbers and phones', () => {
    expect(maskNumber('7890')).toBe('xxxxx7890')
    expect(maskNumber(null)).toBe('xxxxx')
    expect(maskMobile('5678')).toBe('0xx-xxx-5678')
  })
})

import { describe, expect, it } from 'vitest'
import {
  createSearchHasher,
  deriveSearchKey,
  looksLikePhone,
  normaliseName,
  normalisePhone,
  searchHash,
  searchHashesFor,
} from '../../../bot/cases/search-hash.js'

const piiKey = Buffer.alloc(32, 7)
const key = deriveSearchKey(piiKey)

describe('search hash normalisation', () => {
  it.each([
    ['081-234-5678', '0812345678'],
    ['+66 81 234 5678', '0812345678'],
    ['+66812345678', '0812345678'],
    ['0066 81 234 5678', '0812345678'],
    ['66812345678', '0812345678'],
    ['(038) 611-111', '038611111'],
    ['+66 38 611 111', '038611111'],
    ['０８１２３４５６７８', '0812345678'], // full-width digits from some keyboards
  ])('phone %s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected)
  })

  it('names: trimmed, collapsed, lower-cased, NFC', () => {
    expect(normaliseName('  Somchai   JAIDEE ')).toBe('somchai jaidee')
    // "ดี" typed as base + combining vowel, or precomposed where Unicode has one: NFC makes them equal.
    expect(normaliseName('e\u0301')).toBe(normaliseName('\u00e9'))
    expect(normaliseName(' สมชาย  ใจดี ')).toBe('สมชาย ใจดี')
  })

  it('tells phones from names', () => {
    expect(looksLikePhone('081 234 5678')).toBe(true)
    expect(looksLikePhone('+66 81 234 5678')).toBe(true)
    expect(looksLikePhone('191')).toBe(false)
    expect(looksLikePhone('สมชาย')).toBe(false)
    expect(looksLikePhone('RYG-2569-000123')).toBe(false)
  })
})

describe('searchHash', () => {
  it('gives one hash for every way of writing the same value', () => {
    const h = searchHash('081-234-5678', key)
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(searchHash('+66 81 234 5678', key)).toBe(h)
    expect(searchHash(' Somchai  Jaidee', key)).toBe(searchHash('somchai jaidee', key))
  })

  it('keeps names and phones apart, and depends on the key', () => {
    expect(searchHash('0812345678', key, 'name')).not.toBe(searchHash('0812345678', key, 'phone'))
    expect(searchHash('สมชาย', deriveSearchKey(Buffer.alloc(32, 8)))).not.toBe(searchHash('สมชาย', key))
  })

  it('never uses the encryption key itself as the HMAC key', () => {
    expect(key.equals(piiKey)).toBe(false)
  })

  it('returns null for an empty value and skips missing fields', () => {
    expect(searchHash('   ', key)).toBeNull()
    expect(searchHashesFor({ name: 'สมชาย', phone: null }, key)).toHaveLength(1)
    const hasher = createSearchHasher(piiKey)
    expect(hasher.hashesFor({ name: 'สมชาย', phone: '0812345678' })).toEqual([
      searchHash('สมชาย', key, 'name'),
      searchHash('0812345678', key, 'phone'),
    ])
  })
})

describe('ID and document numbers', () => {
  it('normalise to letters and digits, upper-cased', async () => {
    const { normaliseId } = await import('../../../bot/cases/search-hash.js')
    expect(normaliseId('1-2345-67890-12-1')).toBe('1234567890121')
    expect(normaliseId(' aa 123 4567 ')).toBe('AA1234567')
  })
  it('look like an ID only when number-like with at least 5 digits', async () => {
    const { looksLikeId } = await import('../../../bot/cases/search-hash.js')
    expect(looksLikeId('1 2345 67890 12 1')).toBe(true)
    expect(looksLikeId('AA1234567')).toBe(true)
    expect(looksLikeId('สมชาย')).toBe(false)
    expect(looksLikeId('123')).toBe(false)
  })
})

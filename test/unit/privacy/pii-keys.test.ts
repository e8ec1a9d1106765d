import { randomBytes } from 'node:crypto'
import { getTableColumns, is } from 'drizzle-orm'
import { PgTable } from 'drizzle-orm/pg-core'
import { describe, expect, it } from 'vitest'
import { createSearchHasher } from '../../../bot/cases/search-hash.js'
import { encryptedTables } from '../../../bot/compose/encrypted-columns.js'
import { createPiiCipher, piiKeyId } from '../../../bot/privacy/pii-cipher.js'
import * as schema from '../../../db/schema/index.js'
import { legacyV1Ciphertext } from '../../helpers/legacy-pii.js'

const oldKey = randomBytes(32)
const newKey = randomBytes(32)

describe('PII ciphertexts carry the key ID', () => {
  it('writes v2.<key ID>. under the current key; previous keys only read', () => {
    const before = createPiiCipher(oldKey)
    const rotating = createPiiCipher(newKey, [oldKey])
    const old = before.encrypt('0812345678')
    expect(old.startsWith(`v2.${piiKeyId(oldKey)}.`)).toBe(true)
    expect(rotating.decrypt(old)).toBe('0812345678')
    expect(rotating.isCurrent(old)).toBe(false)
    const fresh = rotating.encrypt('0812345678')
    expect(fresh.startsWith(`v2.${piiKeyId(newKey)}.`)).toBe(true)
    expect(rotating.isCurrent(fresh)).toBe(true)
    expect(createPiiCipher(newKey).decrypt(fresh)).toBe('0812345678')
  })

  it('names the missing key when a value is under a key not configured', () => {
    const old = createPiiCipher(oldKey).encrypt('x')
    expect(() => createPiiCipher(newKey).decrypt(old)).toThrow(/PII_ENCRYPTION_KEY_PREVIOUS/)
  })

  it('still reads v1 values (no key ID) under the current or a previous key', () => {
    expect(createPiiCipher(oldKey).decrypt(legacyV1Ciphertext(oldKey, 'a'))).toBe('a')
    expect(createPiiCipher(newKey, [oldKey]).decrypt(legacyV1Ciphertext(oldKey, 'b'))).toBe('b')
    expect(() => createPiiCipher(newKey).decrypt(legacyV1Ciphertext(oldKey, 'c'))).toThrow(/v1/)
    expect(createPiiCipher(oldKey).isCurrent(legacyV1Ciphertext(oldKey, 'd'))).toBe(false)
  })

  it('encrypts bytes (a photo) in the same format: binary-safe, under the key ID, read by previous keys', () => {
    const photo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a])
    const blob = createPiiCipher(oldKey).encryptBytes(photo)
    expect(blob.startsWith(`v2.${piiKeyId(oldKey)}.`)).toBe(true)
    expect(blob).not.toContain(photo.toString('base64'))
    expect(createPiiCipher(newKey, [oldKey]).decryptBytes(blob).equals(photo)).toBe(true)
  })

  it('the key ID does not reveal the key and differs per key', () => {
    expect(piiKeyId(oldKey)).toMatch(/^[\w-]{8}$/)
    expect(piiKeyId(oldKey)).not.toBe(piiKeyId(newKey))
    expect(oldKey.toString('base64url')).not.toContain(piiKeyId(oldKey))
  })

  it('a search hashes under every configured key; stored hashes use the current one', () => {
    const hasher = createSearchHasher(newKey, [oldKey])
    const all = hasher.hashAll('081-234-5678', 'phone')
    expect(all).toEqual([
      createSearchHasher(newKey).hash('0812345678', 'phone'),
      createSearchHasher(oldKey).hash('0812345678', 'phone'),
    ])
    expect(hasher.hashesFor({ phone: '0812345678' })).toEqual([all[0]])
  })
})

describe('the rotation’s list of encrypted columns', () => {
  it('covers every *_enc column of the schema (add a new one to bot/compose/encrypted-columns.ts)', () => {
    const listed = new Set(
      encryptedTables({ hasher: createSearchHasher(newKey) }).flatMap((t) => t.columns.map((c) => c.encrypted)),
    )
    const all = (Object.values(schema) as unknown[])
      .filter((v): v is PgTable => is(v, PgTable))
      .flatMap((table) => Object.values(getTableColumns(table)))
      .filter((column) => column.name.endsWith('_enc'))
    expect(all.length).toBeGreaterThan(2)
    expect(all.filter((column) => !listed.has(column)).map((c) => c.name)).toEqual([])
  })
})

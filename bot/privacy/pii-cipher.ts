import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

/**
 * Format of an encrypted value: `v2.<key ID>.<base64url of IV (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext>`.
 * The key ID names the key without revealing it, so rotation knows what is done and decryption which key to use.
 * `v1.<payload>` (no key ID) is the format before rotation existed: still read, under any configured key.
 */
const VERSION = 'v2'
const IV_BYTES = 12
const TAG_BYTES = 16

/** 8 base64url characters derived from the key (a label under HMAC: never the key, never reversible). */
export function piiKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('rsz/pii-key-id/v1').digest('base64url').slice(0, 8)
}

function decryptWith(key: Buffer, payload: string): Buffer {
  const raw = Buffer.from(payload, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()])
}

/**
 * Field encryption for personal data at rest (national IDs, passport and document numbers, phones) with
 * AES-256-GCM under PII_ENCRYPTION_KEY, plus a keyed hash (HMAC-SHA256) to find a record by a value without
 * decrypting anything. The hash key is derived from the same secret under its own label, so the encryption key is
 * never used as an HMAC key, and the label ('purpose') keeps hashes of different fields apart.
 *
 * `previous` keys (PII_ENCRYPTION_KEY_PREVIOUS) only decrypt: new values, and everything `npm run pii:rotate`
 * rewrites, go under the current key.
 */
export function createPiiCipher(piiEncryptionKey: Buffer, previous: readonly Buffer[] = []) {
  for (const key of [piiEncryptionKey, ...previous]) {
    if (key.length !== 32) {
      throw new Error('PII encryption key must be 32 bytes')
    }
  }
  const keyId = piiKeyId(piiEncryptionKey)
  const currentPrefix = `${VERSION}.${keyId}.`
  const byId = new Map([piiEncryptionKey, ...previous].reverse().map((k) => [piiKeyId(k), k] as const))
  const hashKey = createHmac('sha256', piiEncryptionKey).update('rsz/pii-keyed-hash/v1').digest()

  /** Any bytes (a citizen's photo or file): the same format as `encrypt`, the plaintext being the bytes. */
  function encryptBytes(plain: Buffer): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', piiEncryptionKey, iv)
    const body = Buffer.concat([cipher.update(plain), cipher.final()])
    return `${VERSION}.${keyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
  }

  function encrypt(text: string): string {
    return encryptBytes(Buffer.from(text, 'utf8'))
  }

  /** Throws when the blob was altered or encrypted under a key not configured here (GCM authenticates it). */
  function decryptBytes(blob: string): Buffer {
    const parts = blob.split('.')
    if (parts[0] === VERSION && parts.length === 3 && parts[1] && parts[2]) {
      const key = byId.get(parts[1])
      if (!key) {
        throw new Error(
          `PII ciphertext under an unknown key (${parts[1]}): add that key to PII_ENCRYPTION_KEY_PREVIOUS`,
        )
      }
      return decryptWith(key, parts[2])
    }
    if (parts[0] === 'v1' && parts.length === 2 && parts[1]) {
      const payload = parts[1]
      for (const key of [piiEncryptionKey, ...previous]) {
        try {
          return decryptWith(key, payload)
        } catch {
          // not this key: try the next
        }
      }
      throw new Error('PII ciphertext (v1) does not open under any configured key')
    }
    throw new Error('unknown PII ciphertext format')
  }

  function decrypt(blob: string): string {
    return decryptBytes(blob).toString('utf8')
  }

  /** Whether a stored value is already under the current key (what `pii:rotate` leaves alone). */
  function isCurrent(blob: string): boolean {
    return blob.startsWith(currentPrefix)
  }

  /** Keyed hash of an already-normalised value for one purpose ('id_number', 'phone', 'document_number'). */
  function keyedHash(purpose: string, normalised: string): string {
    return createHmac('sha256', hashKey).update(`${purpose}:${normalised}`).digest('hex')
  }

  return { encrypt, decrypt, encryptBytes, decryptBytes, keyedHash, isCurrent, keyId, currentPrefix }
}
export type PiiCipher = ReturnType<typeof createPiiCipher>

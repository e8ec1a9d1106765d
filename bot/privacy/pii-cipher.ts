import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'

/** Format of an encrypted value: version, then base64url of IV (12 bytes) ‖ GCM tag (16 bytes) ‖ ciphertext. */
const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * Field encryption for personal data at rest (national IDs, passport and document numbers, phones) with
 * AES-256-GCM under PII_ENCRYPTION_KEY, plus a keyed hash (HMAC-SHA256) to find a record by a value without
 * decrypting anything. The hash key is derived from the same secret under its own label, so the encryption key is
 * never used as an HMAC key, and the label ('purpose') keeps hashes of different fields apart.
 */
export function createPiiCipher(piiEncryptionKey: Buffer) {
  if (piiEncryptionKey.length !== 32) {
    throw new Error('PII encryption key must be 32 bytes')
  }
  const hashKey = createHmac('sha256', piiEncryptionKey).update('rsz/pii-keyed-hash/v1').digest()

  function encrypt(text: string): string {
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', piiEncryptionKey, iv)
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
  }

  /** Throws when the blob was altered or encrypted under another key (GCM authenticates it). */
  function decrypt(blob: string): string {
    const [version, payload] = blob.split('.', 2)
    if (version !== VERSION || !payload) {
      throw new Error('unknown PII ciphertext format')
    }
    const raw = Buffer.from(payload, 'base64url')
    const decipher = createDecipheriv('aes-256-gcm', piiEncryptionKey, raw.subarray(0, IV_BYTES))
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES))
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
  }

  /** Keyed hash of an already-normalised value for one purpose ('id_number', 'phone', 'document_number'). */
  function keyedHash(purpose: string, normalised: string): string {
    return createHmac('sha256', hashKey).update(`${purpose}:${normalised}`).digest('hex')
  }

  return { encrypt, decrypt, keyedHash }
}
export type PiiCipher = ReturnType<typeof createPiiCipher>

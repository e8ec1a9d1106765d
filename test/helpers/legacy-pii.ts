import { createCipheriv, randomBytes } from 'node:crypto'

/** A value as the cipher wrote it before key IDs existed (`v1.`): what a database from before rotation holds. */
export function legacyV1Ciphertext(key: Buffer, text: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
}

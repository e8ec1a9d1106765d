import { createHash } from 'node:crypto'
import { MAX_VISIT_PHOTO_BYTES } from '../../contracts/house-watch.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { PatrolError } from '../points/errors.js'

/** JPEG and PNG by their first bytes: what LINE shows as an image message (the declared type is not trusted). */
function sniff(bytes: Buffer): 'image/jpeg' | 'image/png' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'image/jpeg'
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png'
  }
  return null
}

export type StoredPhoto = { photoContentType: string; photoSha256: string; photoBytesEnc: string }

/**
 * A visit photo as the scan page sends it (base64 in the JSON body), checked and encrypted like citizens' files:
 * the outside of someone's house is personal data.
 */
export function storePhoto(cipher: Pick<PiiCipher, 'encryptBytes'>, base64: string): StoredPhoto {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length > MAX_VISIT_PHOTO_BYTES) {
    throw new PatrolError('photo_too_large', { maxBytes: MAX_VISIT_PHOTO_BYTES })
  }
  const type = sniff(bytes)
  if (!type) {
    throw new PatrolError('photo_type')
  }
  return {
    photoContentType: type,
    photoSha256: createHash('sha256').update(bytes).digest('hex'),
    photoBytesEnc: cipher.encryptBytes(bytes),
  }
}

import type { Attachment } from '../../db/schema/index.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'

/**
 * A kept file's bytes: decrypted, or (a row stored before files were encrypted, not yet encrypted by the retention
 * job's first run) decoded from its base64. Only for an officer opening it and the citizen's own export.
 */
export function attachmentContent(
  cipher: Pick<PiiCipher, 'decryptBytes'>,
  file: Pick<Attachment, 'bytesEnc' | 'bytes'>,
): Buffer {
  if (file.bytesEnc !== null) {
    return cipher.decryptBytes(file.bytesEnc)
  }
  return Buffer.from(file.bytes ?? '', 'base64')
}

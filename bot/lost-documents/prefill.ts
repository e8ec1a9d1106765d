import type { Tx } from '../../db/client.js'
import type { ReportPrefill } from '../contracts/liff-api.js'
import { maskIdNumber } from '../privacy/mask.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { lastReportOf } from './submit.service.js'

/**
 * The citizen's own last report as the start of a new one (the LIFF form and the chat), minus what must not reach a
 * browser or a chat bubble: the ID number comes back masked, to be reused server-side ("use the same ID as last time").
 */
export async function lastReportPrefill(tx: Tx, citizenId: string, cipher: PiiCipher): Promise<ReportPrefill | null> {
  const last = await lastReportOf(tx, citizenId)
  return last
    ? {
        declarantName: last.declarantName,
        idType: last.idType,
        idMasked: maskIdNumber(last.idType, last.idNumberLast),
        dateOfBirth: last.dateOfBirth,
        phone: cipher.decrypt(last.phoneEnc),
        address: last.address,
      }
    : null
}

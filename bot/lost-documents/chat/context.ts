import type { Turn } from '../../conversation/types.js'
import { maskIdNumber } from '../../privacy/mask.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { activeDocumentTypes } from '../document-types.js'
import { lastReportOf } from '../submit.service.js'
import type { StepContext } from './kit.js'

/** The step context for a turn: document types (active, sorted) and the citizen's last report, if any. */
export async function stepContext(turn: Turn, cipher: PiiCipher): Promise<StepContext> {
  const [types, previous] = await Promise.all([activeDocumentTypes(turn.tx), lastReportOf(turn.tx, turn.citizen.id)])
  return {
    lang: turn.lang,
    now: turn.now,
    types,
    ...(previous
      ? {
          previous: {
            declarantName: previous.declarantName,
            idType: previous.idType,
            idMasked: maskIdNumber(previous.idType, previous.idNumberLast),
            dateOfBirth: previous.dateOfBirth,
            phone: cipher.decrypt(previous.phoneEnc),
            address: previous.address,
          },
        }
      : {}),
  }
}

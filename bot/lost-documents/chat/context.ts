import type { Turn } from '../../conversation/types.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { activeDocumentTypes } from '../document-types.js'
import { lastReportPrefill } from '../prefill.js'
import type { StepContext } from './kit.js'

/** The step context for a turn: document types (active, sorted) and the citizen's last report, if any. */
export async function stepContext(turn: Turn, cipher: PiiCipher): Promise<StepContext> {
  const [types, previous] = await Promise.all([
    activeDocumentTypes(turn.tx),
    lastReportPrefill(turn.tx, turn.citizen.id, cipher),
  ])
  return {
    lang: turn.lang,
    now: turn.now,
    types,
    ...(previous ? { previous } : {}),
  }
}

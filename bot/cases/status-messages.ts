import type { Tx } from '../../db/client.js'
import type { CaseKind, Language } from '../../db/schema/index.js'

export type StatusMessageInput = {
  kind: CaseKind
  status: string
  language: Language
  reference: string
  /** The officer's own words, added to the template. */
  message?: string
  station: { id: string; nameTh: string; nameEn: string }
}

/**
 * The text a citizen gets when their case changes status. The station's templates (bot/templates) plug in
 * here; `tx` lets an implementation read the station's own templates inside the caller's transaction.
 */
export type StatusMessage = (input: StatusMessageInput, tx: Tx) => Promise<string>

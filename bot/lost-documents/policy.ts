import type { DocumentType } from '../../db/schema/index.js'

export type ItemPolicy = {
  position: number
  documentType: string
  policy: DocumentType['policy']
  reasonTh: string | null
  reasonEn: string | null
}

export type ReportDecision = {
  /** The status the report takes at once. */
  status: 'issued' | 'visit_station' | 'submitted'
  /** Items that stop the record being issued at once, with the reason the station gives (shown per item). */
  held: ItemPolicy[]
}

/**
 * The station's answer from the document types' policies (admins edit them): every item `issue_now` → the record is
 * issued electronically at once; any `visit_station` → the citizen must come in (the reason per item); otherwise
 * an officer reviews it first.
 */
export function decide(items: { documentType: string }[], types: readonly DocumentType[]): ReportDecision {
  const byCode = new Map(types.map((t) => [t.code, t]))
  const policies: ItemPolicy[] = items.map((item, position) => {
    const type = byCode.get(item.documentType)
    return {
      position,
      documentType: item.documentType,
      // An unknown type never gets a record without a person looking at it.
      policy: type?.policy ?? 'review',
      reasonTh: type?.reasonTh ?? null,
      reasonEn: type?.reasonEn ?? null,
    }
  })
  const held = policies.filter((p) => p.policy !== 'issue_now')
  if (held.length === 0) {
    return { status: 'issued', held }
  }
  if (held.some((p) => p.policy === 'visit_station')) {
    return { status: 'visit_station', held }
  }
  return { status: 'submitted', held }
}

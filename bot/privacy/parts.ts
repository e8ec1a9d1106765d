import type { Tx } from '../../db/client.js'
import type { CaseKind, Citizen } from '../../db/schema/index.js'

/** Thai first, English second: every label a citizen reads. */
export type Bilingual = { th: string; en: string }

/** One line of the readable export: a label and its value (a value that depends on the language is bilingual). */
export type ExportRow = { label: Bilingual; value: string | Bilingual }
/** A titled group of lines (a case, a report, a consent), possibly with groups inside (its timeline). */
export type ExportBlock = { title: Bilingual; rows: ExportRow[]; blocks?: ExportBlock[] }

/**
 * A domain's part of a citizen's data export (PDPA s.30 access, s.31 portability): their own data, in full
 * (numbers decrypted: it is theirs), as machine-readable JSON and as the readable page's blocks.
 */
export type ExportSection<T = unknown> = {
  /** The JSON key of this section. */
  name: string
  title: Bilingual
  collect(tx: Tx, citizen: Citizen): Promise<T>
  blocks(data: T): ExportBlock[]
}

/** Rows changed or removed, per table: what an erasure or a purge did (counts only, never values). */
export type Removed = Record<string, number>

/**
 * One domain's share of the personal data the OA holds. The composition root lists every domain's part; the
 * retention job, the erasure of a citizen and the export run them all, so bot/privacy never imports a domain.
 */
export type PersonalDataPart = {
  name: string
  /**
   * Remove the personal data of these cases (ended past the station's retention period, or the cases of a citizen
   * whose erasure request was granted), keeping what the counts and the record's public verification need.
   */
  purgeCases?(tx: Tx, caseIds: readonly string[], now: Date): Promise<Removed>
  /**
   * Cases of this kind keep their personal data for a period of their own (not the station's case retention): the
   * retention job purges them, through every part, when `due` lists them (oldest first, at most `limit`).
   */
  ownPeriod?: { kind: CaseKind; due(tx: Tx, now: Date, limit: number): Promise<string[]> }
  /** Erase what this domain holds about the citizen outside their cases. */
  eraseCitizen?(tx: Tx, citizen: Citizen, now: Date): Promise<Removed>
  /** Rows written before a protection existed (plain text now encrypted): one batch per call, 0 when done. */
  backfill?(tx: Tx, batchSize: number): Promise<number>
}

/** Adds counts of one part to a running total. */
export function addRemoved(total: Removed, more: Removed): Removed {
  for (const [k, v] of Object.entries(more)) {
    total[k] = (total[k] ?? 0) + v
  }
  return total
}

import { sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type CaseKind, referenceCounters } from '../../db/schema/index.js'

/** The year in the Buddhist Era as Bangkok sees it (the year turns at midnight ICT, not UTC). */
export function buddhistYear(at: Date): number {
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(at))
  return year + 543
}

/** Series per kind: lost-document records carry the plain station number (RYG-2569-000123), as on paper. */
const SERIES: Record<CaseKind, string> = { lost_document: '', house_watch: 'HW', consultation: 'CON', sos: 'SOS' }

/**
 * Takes the next number of the station's yearly series inside the caller's transaction. The counter row stays
 * locked until commit, so numbers are consecutive and a rolled-back transaction leaves no gap.
 */
export async function nextReference(tx: Tx, station: { id: string; code: string }, kind: CaseKind, at: Date) {
  const year = buddhistYear(at)
  const series = SERIES[kind]
  const [row] = await tx
    .insert(referenceCounters)
    .values({ stationId: station.id, series, year, last: 1 })
    .onConflictDoUpdate({
      target: [referenceCounters.stationId, referenceCounters.series, referenceCounters.year],
      set: { last: sql`${referenceCounters.last} + 1` },
    })
    .returning({ last: referenceCounters.last })
  const n = String(row?.last ?? 0).padStart(6, '0')
  return [station.code, series, String(year), n].filter(Boolean).join('-')
}

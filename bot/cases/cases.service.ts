import type { Tx } from '../../db/client.js'
import { type Case, type CaseKind, caseEvents, cases } from '../../db/schema/index.js'
import { nextReference } from './reference.js'
import { initialStatus } from './statuses.js'

export type NewCase = {
  station: { id: string; code: string }
  kind: CaseKind
  citizenId: string | null
  priority?: 'normal' | 'urgent'
  summary?: string
  location?: { latitude: number; longitude: number }
  /** Answer by then (SLA). */
  dueAt?: Date
  searchHashes?: string[]
  /** Event data for the 'created' timeline entry (no personal data). */
  data?: Record<string, unknown>
  now?: Date
}

/**
 * Opens a case in the caller's transaction: a gap-free reference number, the kind's first status and a 'created'
 * timeline entry. Kind-specific details go in the kind's own tables, in the same transaction.
 */
export async function createCase(tx: Tx, input: NewCase): Promise<Case> {
  const now = input.now ?? new Date()
  const referenceNumber = await nextReference(tx, input.station, input.kind, now)
  const [row] = await tx
    .insert(cases)
    .values({
      stationId: input.station.id,
      kind: input.kind,
      referenceNumber,
      status: initialStatus(input.kind),
      priority: input.priority ?? 'normal',
      citizenId: input.citizenId,
      summary: input.summary ?? '',
      latitude: input.location?.latitude,
      longitude: input.location?.longitude,
      dueAt: input.dueAt,
      searchHashes: input.searchHashes ?? [],
      createdAt: now,
    })
    .returning()
  if (!row) {
    throw new Error('case insert returned no row')
  }
  await tx.insert(caseEvents).values({
    caseId: row.id,
    type: 'created',
    actorType: input.citizenId ? 'citizen' : 'system',
    toStatus: row.status,
    data: input.data,
    createdAt: now,
  })
  return row
}

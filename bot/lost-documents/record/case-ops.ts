import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import {
  type Case,
  type Citizen,
  caseEvents,
  cases,
  citizens,
  type Station,
  stations,
} from '../../../db/schema/index.js'
import { InvalidStatusMoveError } from '../../cases/case-actions.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import { allowedMoves, isResolved } from '../../cases/statuses.js'
import { NotFoundError } from '../../errors.js'
import type { LineMessage } from '../../line/line-client.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The lost-document case, locked for the change (concurrent approve/revoke queue here). `stationId` scopes an
 * officer to their station: another station's case is "not found", as in the case inbox.
 */
export async function lockLostDocumentCase(tx: Tx, caseId: string, stationId?: string): Promise<Case> {
  if (!UUID.test(caseId)) {
    throw notFound()
  }
  const where = stationId ? and(eq(cases.id, caseId), eq(cases.stationId, stationId)) : eq(cases.id, caseId)
  const [row] = await tx.select().from(cases).where(where).limit(1).for('update')
  if (row?.kind !== 'lost_document') {
    throw notFound()
  }
  return row
}

function notFound() {
  return new NotFoundError('lost-document report not found', 'ไม่พบเรื่องแจ้งเอกสารหายนี้')
}

export function assertMove(c: Case, to: string) {
  const allowed = allowedMoves(c.kind, c.status)
  if (!allowed.includes(to)) {
    throw new InvalidStatusMoveError(c.kind, c.status, to, allowed)
  }
}

/** Moves the case; the first answer sets first-response and resolution times (statuses.ts says which resolve). */
export async function moveCase(tx: Tx, c: Case, to: string, now: Date): Promise<Case> {
  const [row] = await tx
    .update(cases)
    .set({
      status: to,
      firstResponseAt: c.firstResponseAt ?? now,
      resolvedAt: isResolved(c.kind, to) ? (c.resolvedAt ?? now) : null,
      updatedAt: now,
    })
    .where(eq(cases.id, c.id))
    .returning()
  if (!row) {
    throw new Error('case update returned no row')
  }
  return row
}

export async function statusEvent(
  tx: Tx,
  input: { c: Case; to: string; officerId: string | null; body?: string; data: Record<string, unknown>; now: Date },
): Promise<number> {
  const [row] = await tx
    .insert(caseEvents)
    .values({
      caseId: input.c.id,
      type: 'status',
      actorType: input.officerId ? 'officer' : 'system',
      officerId: input.officerId,
      fromStatus: input.c.status,
      toStatus: input.to,
      body: input.body ?? null,
      internal: false,
      data: input.data,
      createdAt: input.now,
    })
    .returning({ id: caseEvents.id })
  if (!row) {
    throw new Error('case event insert returned no row')
  }
  return row.id
}

export async function stationOf(tx: Tx, c: Case): Promise<Station> {
  const [row] = await tx.select().from(stations).where(eq(stations.id, c.stationId)).limit(1)
  if (!row) {
    throw new Error('case without its station')
  }
  return row
}

export async function citizenOf(tx: Tx, c: Case): Promise<Citizen | null> {
  if (!c.citizenId) {
    return null
  }
  const [row] = await tx.select().from(citizens).where(eq(citizens.id, c.citizenId)).limit(1)
  return row ?? null
}

export type Notified = { sent: boolean; reason?: string; outboundIds: string[] }

/** The citizen's message through the outbox (reply token if fresh, else push); nothing if they blocked the OA. */
export async function notify(
  tx: Tx,
  c: Case,
  citizen: Citizen | null,
  build: (lang: Citizen['language']) => LineMessage[],
  now: Date,
): Promise<Notified> {
  if (!citizen) {
    return { sent: false, reason: 'no_citizen', outboundIds: [] }
  }
  const sent = await sendToCitizen(tx, citizen, build(citizen.language), {
    stationId: c.stationId,
    purpose: 'lost-document-record',
    now,
  })
  return {
    sent: sent.via !== 'skipped',
    ...(sent.reason ? { reason: sent.reason } : {}),
    outboundIds: sent.outboundIds,
  }
}

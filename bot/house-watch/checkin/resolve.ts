import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type HouseWatch, houseWatches, type PatrolPoint, patrolPoints } from '../../../db/schema/index.js'
import { PatrolError } from '../points/errors.js'
import { normaliseCode, type QrTokens } from '../points/qr.js'

export type ScannedPoint = { point: PatrolPoint; watch: HouseWatch | null }

/**
 * The point an officer scanned (QR) or typed (code), locked so two scans of it run one after the other (the second
 * then finds the first's visit). Only the officer's station: another station's point is unknown. A reissued sticker,
 * a retired red box, an ended or unapproved watch each stop here with their own code.
 */
export async function resolvePoint(
  tx: Tx,
  qr: QrTokens,
  stationId: string,
  input: { qr?: string | undefined; code?: string | undefined },
): Promise<ScannedPoint> {
  let point: PatrolPoint | undefined
  if (input.qr !== undefined) {
    const read = qr.read(input.qr)
    if (!read.ok) {
      throw new PatrolError('qr_invalid')
    }
    ;[point] = await tx
      .select()
      .from(patrolPoints)
      .where(and(eq(patrolPoints.id, read.claim.pointId), eq(patrolPoints.stationId, stationId)))
      .for('update')
    if (point && read.claim.version !== point.qrVersion) {
      throw new PatrolError(read.claim.version < point.qrVersion ? 'qr_reissued' : 'qr_invalid')
    }
  } else {
    ;[point] = await tx
      .select()
      .from(patrolPoints)
      .where(and(eq(patrolPoints.stationId, stationId), eq(patrolPoints.code, normaliseCode(input.code ?? ''))))
      .for('update')
  }
  if (!point) {
    throw new PatrolError('point_unknown')
  }
  if (point.kind === 'red_box') {
    if (!point.active) {
      throw new PatrolError('point_retired')
    }
    return { point, watch: null }
  }
  const [watch] = point.caseId ? await tx.select().from(houseWatches).where(eq(houseWatches.caseId, point.caseId)) : []
  if (!watch) {
    throw new PatrolError('point_unknown')
  }
  if (watch.endedAt || !point.active) {
    throw new PatrolError('watch_ended', { endedAt: watch.endedAt?.toISOString() ?? null })
  }
  if (!watch.approvedAt) {
    throw new PatrolError('watch_not_approved')
  }
  return { point, watch }
}

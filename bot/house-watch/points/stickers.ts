import { and, eq, isNotNull, isNull } from 'drizzle-orm'
import type { FastifyReply } from 'fastify'
import type { Db } from '../../../db/client.js'
import { cases, citizens, houseWatches, type PatrolPoint, patrolPoints, stations } from '../../../db/schema/index.js'
import { NotFoundError } from '../../errors.js'
import type { ActingOfficer, Audit } from '../../officers/audit-port.js'
import { stationPoint } from './points.js'
import type { QrTokens } from './qr.js'
import { renderSticker } from './sticker.pdf.js'

export type Sticker = { pdf: Buffer; fileName: string }

/** A sticker as the answer of a route: shown in the browser's PDF viewer, never cached (it is a key to the point). */
export function sendSticker(reply: FastifyReply, { pdf, fileName }: Sticker) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .send(pdf)
}

/**
 * A point's sticker as a PDF, for the officer who prints it (patrol.points, their station, audited) and for the
 * owner of an approved, running watch (their own house only; anything else is simply not found).
 */
export function createStickers({ db, audit, qr }: { db: Db; audit: Audit; qr: QrTokens }) {
  async function render(point: PatrolPoint): Promise<Sticker> {
    const [station] = await db.select().from(stations).where(eq(stations.id, point.stationId))
    const [c] = point.caseId ? await db.select().from(cases).where(eq(cases.id, point.caseId)) : []
    if (!station) {
      throw new NotFoundError('station not found', 'ไม่พบสถานี')
    }
    const pdf = await renderSticker({
      kind: point.kind,
      code: point.code,
      nameTh: point.nameTh,
      nameEn: point.nameEn,
      watchNumber: c?.referenceNumber ?? null,
      station,
      qrText: qr.text(point),
    })
    return { pdf, fileName: `sticker-${point.code.replace(/[^\w-]+/g, '_')}.pdf` }
  }

  return {
    async forOfficer(who: ActingOfficer, pointId: string): Promise<Sticker> {
      const point = await stationPoint(db, who.stationId, pointId)
      const sticker = await render(point)
      await audit.record(db, {
        officer: { officerId: who.officerId, stationId: who.stationId },
        action: 'patrol_point.sticker',
        entityType: 'patrol_point',
        entityId: point.id,
        ip: who.ip,
        userAgent: who.userAgent?.slice(0, 300),
        details: { code: point.code, kind: point.kind, qrVersion: point.qrVersion },
      })
      return sticker
    },

    async forOwner(lineUserId: string, caseId: string): Promise<Sticker> {
      const [row] = await db
        .select({ point: patrolPoints })
        .from(patrolPoints)
        .innerJoin(cases, eq(cases.id, patrolPoints.caseId))
        .innerJoin(citizens, eq(citizens.id, cases.citizenId))
        .innerJoin(houseWatches, eq(houseWatches.caseId, cases.id))
        .where(
          and(
            eq(patrolPoints.caseId, caseId),
            eq(citizens.lineUserId, lineUserId),
            eq(patrolPoints.active, true),
            isNotNull(houseWatches.approvedAt),
            isNull(houseWatches.endedAt),
          ),
        )
        .limit(1)
      if (!row) {
        throw new NotFoundError('no sticker for this house watch', 'ไม่พบสติกเกอร์ของการฝากบ้านนี้')
      }
      return render(row.point)
    },
  }
}
export type Stickers = ReturnType<typeof createStickers>

import { and, desc, eq, gte } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.js'
import { caseEvents, type PatrolVisit, patrolVisits } from '../../../db/schema/index.js'
import { enqueueAfterCommit } from '../../../jobs/after-commit.js'
import {
  type CheckInOutcome,
  isFinding,
  SAME_VISIT_MINUTES,
  type ScanPosition,
  VISIT_RESULT_LABELS,
  type VisitResult,
} from '../../contracts/house-watch.js'
import type { ActingOfficer, Audit } from '../../officers/audit-port.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import type { QrTokens } from '../points/qr.js'
import { readHouseWatchSettings } from '../settings/read.js'
import { shiftAt } from '../shifts.js'
import { checkPosition } from './gps.js'
import { storePhoto } from './photo.js'
import { resolvePoint, type ScannedPoint } from './resolve.js'

export type CheckInInput = {
  qr?: string | undefined
  code?: string | undefined
  position: ScanPosition | null
  result: VisitResult
  note?: string | undefined
  /** The photo's bytes, base64. */
  photo?: string | undefined
}

/**
 * The per-visit notice job: named by the visit, so a retried check-in or a second enqueue asks for one job; a
 * rescan that turns a normal visit into a finding asks for its own (the finding must still go out at once).
 */
export function visitNoticeJobId(visitId: string, upgradedToFinding = false): string {
  return `hwvisit_${visitId}${upgradedToFinding ? '_finding' : ''}`
}

/** The owner hears of this visit by itself: every finding, and every visit for owners who chose each visit. */
function wantsNotice({ point, watch }: ScannedPoint, result: VisitResult): boolean {
  return isFinding(result) || (point.kind === 'house' && watch?.notify === 'each_visit')
}

/**
 * A patrol check-in (issue #13, point 5): the point from its QR or code (the officer's station only), the GPS check
 * against the station's tolerance, the shift, the result with an optional note and photo. A second scan of the same
 * point by the same officer within SAME_VISIT_MINUTES is the same visit (updated; no second notice). A house visit
 * lands on the watch's timeline; every check-in is audited; the notice (jobs: house-watch-visit) runs after commit.
 */
export function createCheckIns({
  db,
  audit,
  cipher,
  qr,
  now = () => new Date(),
}: {
  db: Db
  audit: Audit
  cipher: Pick<PiiCipher, 'encryptBytes'>
  qr: QrTokens
  now?: () => Date
}) {
  async function recentVisit(tx: Tx, pointId: string, officerId: string, at: Date): Promise<PatrolVisit | undefined> {
    const since = new Date(at.getTime() - SAME_VISIT_MINUTES * 60_000)
    const [row] = await tx
      .select()
      .from(patrolVisits)
      .where(
        and(
          eq(patrolVisits.pointId, pointId),
          eq(patrolVisits.officerId, officerId),
          gte(patrolVisits.lastScanAt, since),
        ),
      )
      .orderBy(desc(patrolVisits.lastScanAt))
      .limit(1)
    return row
  }

  return {
    checkIn(who: ActingOfficer, input: CheckInInput): Promise<CheckInOutcome> {
      const at = now()
      return db.transaction(async (tx) => {
        const scanned = await resolvePoint(tx, qr, who.stationId, input)
        const { point } = scanned
        const settings = await readHouseWatchSettings(tx, who.stationId)
        const gps = checkPosition(point, input.position, settings.gpsToleranceMeters)
        const photo = input.photo ? storePhoto(cipher, input.photo) : {}
        const note = input.note?.trim() || undefined
        const fix = input.position
          ? { latitude: input.position.lat, longitude: input.position.lng, accuracyMeters: input.position.accuracy }
          : {}
        const previous = await recentVisit(tx, point.id, who.officerId, at)
        let visit: PatrolVisit | undefined
        if (previous) {
          // The same visit: its latest scan, result and (when given) note, photo and fix.
          ;[visit] = await tx
            .update(patrolVisits)
            .set({
              lastScanAt: at,
              result: input.result,
              ...(note ? { note } : {}),
              ...photo,
              ...(input.position ? { ...fix, ...gps } : {}),
              updatedAt: at,
            })
            .where(eq(patrolVisits.id, previous.id))
            .returning()
        } else {
          const slot = shiftAt(settings.shifts, at)
          ;[visit] = await tx
            .insert(patrolVisits)
            .values({
              stationId: who.stationId,
              pointId: point.id,
              officerId: who.officerId,
              scannedAt: at,
              lastScanAt: at,
              ...fix,
              ...gps,
              result: input.result,
              note: note ?? null,
              ...photo,
              shiftKey: slot.shift.key,
              shiftDate: slot.shiftDate,
              createdAt: at,
              updatedAt: at,
            })
            .returning()
        }
        if (!visit) {
          throw new Error('patrol visit write returned no row')
        }
        if (!previous && point.caseId) {
          await tx.insert(caseEvents).values({
            caseId: point.caseId,
            type: 'note',
            actorType: 'officer',
            officerId: who.officerId,
            body: `ตรวจเยี่ยมบ้าน (${point.code}): ${VISIT_RESULT_LABELS[visit.result].th}`,
            internal: true,
            data: { patrolVisitId: visit.id, result: visit.result, gpsCheck: visit.gpsCheck },
            createdAt: at,
          })
        }
        await audit.record(tx, {
          officer: { officerId: who.officerId, stationId: who.stationId },
          action: previous ? 'patrol.check_in.update' : 'patrol.check_in',
          entityType: 'patrol_visit',
          entityId: visit.id,
          ip: who.ip,
          userAgent: who.userAgent?.slice(0, 300),
          details: {
            point: point.code,
            result: visit.result,
            gpsCheck: visit.gpsCheck,
            via: input.qr ? 'qr' : 'code',
            photo: Boolean(input.photo),
          },
        })
        if (!previous && wantsNotice(scanned, visit.result)) {
          enqueueAfterCommit(tx, 'house-watch-visit', { visitId: visit.id }, visitNoticeJobId(visit.id))
        } else if (previous && !isFinding(previous.result) && isFinding(visit.result)) {
          enqueueAfterCommit(tx, 'house-watch-visit', { visitId: visit.id }, visitNoticeJobId(visit.id, true))
        }
        const shift = settings.shifts.find((s) => s.key === visit.shiftKey)
        return {
          visitId: visit.id,
          sameVisit: Boolean(previous),
          point: { id: point.id, kind: point.kind, code: point.code, nameTh: point.nameTh, nameEn: point.nameEn },
          gpsCheck: visit.gpsCheck,
          distanceMeters: visit.distanceMeters,
          toleranceMeters: settings.gpsToleranceMeters,
          result: visit.result,
          shift: {
            key: visit.shiftKey,
            nameTh: shift?.nameTh ?? visit.shiftKey,
            nameEn: shift?.nameEn ?? visit.shiftKey,
            date: visit.shiftDate,
          },
          scannedAt: visit.scannedAt.toISOString(),
        }
      })
    },
  }
}
export type CheckIns = ReturnType<typeof createCheckIns>

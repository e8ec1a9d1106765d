import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import {
  cases,
  houseWatches,
  houseWatchSettings,
  patrolPoints,
  patrolVisits,
  stations,
} from '../../../db/schema/index.js'
import { DEFAULT_PURGE_AFTER_DAYS } from '../../contracts/house-watch.js'
import type { PersonalDataPart, Removed } from '../../privacy/parts.js'

/**
 * House watches' personal data (issue #13, point 7): the owner's name, phones, address, notes, emergency contact,
 * house photo (an attachment: the cases' part deletes it), the pin, and the patrols' photos, notes and positions at
 * the house. What stays for the statistics: dates, station, status, end reason, extensions, the point's kind and
 * code, and each visit's time, shift, result and GPS check. The point's position becomes the station's own (the
 * column cannot be empty), so maps of old points show nothing of the house. A watch still running is ended
 * ('cancelled'): erasure takes the house off the patrol list.
 */
export const houseWatchesPersonalData: PersonalDataPart = {
  name: 'house_watches',
  async purgeCases(tx, caseIds, now): Promise<Removed> {
    if (caseIds.length === 0) {
      return {}
    }
    const ids = [...caseIds]
    await tx
      .update(houseWatches)
      .set({ endedAt: now, endReason: 'cancelled', updatedAt: now })
      .where(and(inArray(houseWatches.caseId, ids), isNull(houseWatches.endedAt)))
    const watches = await tx
      .update(houseWatches)
      .set({
        ownerName: null,
        phoneEnc: null,
        phoneHash: null,
        phoneLast: null,
        address: null,
        latitude: null,
        longitude: null,
        emergencyName: null,
        emergencyPhoneEnc: null,
        notes: null,
        housePhotoId: null,
        updatedAt: now,
      })
      .where(inArray(houseWatches.caseId, ids))
      .returning({ caseId: houseWatches.caseId })
    const points = await tx
      .update(patrolPoints)
      .set({
        active: false,
        nameTh: null,
        nameEn: null,
        latitude: sql`coalesce((select nullif(s.latitude, '')::double precision from ${stations} s where s.id = ${patrolPoints.stationId}), 0)`,
        longitude: sql`coalesce((select nullif(s.longitude, '')::double precision from ${stations} s where s.id = ${patrolPoints.stationId}), 0)`,
        updatedAt: now,
      })
      .where(inArray(patrolPoints.caseId, ids))
      .returning({ id: patrolPoints.id })
    const visits = points.length
      ? await tx
          .update(patrolVisits)
          .set({
            note: null,
            photoContentType: null,
            photoSha256: null,
            photoBytesEnc: null,
            latitude: null,
            longitude: null,
            updatedAt: now,
          })
          .where(
            inArray(
              patrolVisits.pointId,
              points.map((p) => p.id),
            ),
          )
          .returning({ id: patrolVisits.id })
      : []
    return { house_watches: watches.length, patrol_points: points.length, patrol_visits: visits.length }
  },
  ownPeriod: {
    kind: 'house_watch',
    /** Watches ended (or refused) longer ago than their station's purge period (house_watch_settings, default 30). */
    async due(tx, now, limit) {
      const rows = await tx
        .select({ id: cases.id })
        .from(houseWatches)
        .innerJoin(cases, eq(cases.id, houseWatches.caseId))
        .leftJoin(houseWatchSettings, eq(houseWatchSettings.stationId, cases.stationId))
        .where(
          and(
            isNull(cases.personalDataPurgedAt),
            lt(
              // A refused or cancelled enrolment never ran: its period counts from the decision.
              sql`coalesce(${houseWatches.endedAt}, case when ${cases.status} in ('rejected', 'cancelled') then ${cases.resolvedAt} end)`,
              sql`${now.toISOString()}::timestamptz - make_interval(days => coalesce(${houseWatchSettings.purgeAfterDays}, ${DEFAULT_PURGE_AFTER_DAYS}))`,
            ),
          ),
        )
        .orderBy(asc(houseWatches.endedAt))
        .limit(limit)
      return rows.map((r) => r.id)
    },
  },
}

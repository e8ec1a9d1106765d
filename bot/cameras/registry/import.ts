import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client.js'
import { cameras } from '../../../db/schema/index.js'
import type { CameraImportResult } from '../../contracts/camera-registry.js'
import type { Audit } from '../../officers/audit-port.js'
import { readCameraCsv } from './csv-rows.js'
import type { Acting } from './registry.service.js'

const IMPORT_BATCH = 200

/**
 * The CSV import (issue #15, point 1): mode 'all' saves nothing when a row is bad; 'good_rows' saves the good ones.
 * Upserts by (station, code) in one transaction, imported cameras verified; audited with the counts and bad lines.
 */
export async function importCameras(
  { db, audit }: { db: Db; audit: Audit },
  who: Acting,
  text: string,
  mode: 'all' | 'good_rows',
): Promise<CameraImportResult> {
  const { rows, problems } = readCameraCsv(text)
  if ((problems.length > 0 && mode === 'all') || rows.length === 0) {
    return { mode, saved: false, created: 0, updated: 0, problems }
  }
  return db.transaction(async (tx) => {
    const codes = rows.map((r) => r.code)
    const existing = new Set<string>()
    for (let i = 0; i < codes.length; i += 1000) {
      const found = await tx
        .select({ code: cameras.code })
        .from(cameras)
        .where(and(eq(cameras.stationId, who.stationId), inArray(cameras.code, codes.slice(i, i + 1000))))
      for (const c of found) {
        existing.add(c.code)
      }
    }
    const now = new Date()
    for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
      const values = rows.slice(i, i + IMPORT_BATCH).map(({ line: _line, ...r }) => ({
        ...r,
        stationId: who.stationId,
        verification: 'verified' as const,
        verifiedBy: who.officerId,
        verifiedAt: now,
        updatedAt: now,
      }))
      await tx
        .insert(cameras)
        .values(values)
        .onConflictDoUpdate({
          target: [cameras.stationId, cameras.code],
          set: {
            name: sql`excluded.name`,
            ownerType: sql`excluded.owner_type`,
            ownerName: sql`excluded.owner_name`,
            latitude: sql`excluded.latitude`,
            longitude: sql`excluded.longitude`,
            directionDeg: sql`excluded.direction_deg`,
            fieldOfViewDeg: sql`excluded.field_of_view_deg`,
            rangeMeters: sql`excluded.range_meters`,
            covers: sql`excluded.covers`,
            retentionDays: sql`excluded.retention_days`,
            liveView: sql`excluded.live_view`,
            status: sql`excluded.status`,
            updatedAt: now,
          },
        })
    }
    const updated = codes.filter((c) => existing.has(c)).length
    const result = { mode, saved: true, created: rows.length - updated, updated, problems }
    await audit.record(tx, {
      ...who,
      action: 'camera.import',
      entityType: 'camera',
      details: { created: result.created, updated, problemLines: problems.map((p) => p.line).slice(0, 100), mode },
    })
    return result
  })
}

import type { Db } from '../../db/client.js'
import { officers as officersTable } from '../../db/schema/index.js'
import type { Audit } from './audit-port.js'
import { DEFAULT_STATION_CODE, type Officers } from './officers.service.js'

export type BootstrapAdminsOptions = {
  db: Db
  officers: Pick<Officers, 'stationByCode'>
  audit: Audit
  /** BOOTSTRAP_ADMIN_LINE_USER_IDS */
  lineUserIds: readonly string[]
  stationCode?: string
  logger?: { info(obj: object, msg: string): void }
}

/**
 * Makes the configured LINE users admins of the station, once: a user who is already an officer is left as the app
 * last set them (an admin's later change or disable wins over the environment at every restart). Idempotent, so
 * every process may call it at startup. The name is a placeholder until their first sign-in brings their LINE name.
 */
export async function bootstrapAdmins({
  db,
  officers,
  audit,
  lineUserIds,
  stationCode = DEFAULT_STATION_CODE,
  logger,
}: BootstrapAdminsOptions) {
  if (lineUserIds.length === 0) {
    return { created: 0 }
  }
  const created = await db.transaction(async (tx) => {
    const station = await officers.stationByCode(tx, stationCode)
    let count = 0
    for (const lineUserId of lineUserIds) {
      // ON CONFLICT DO NOTHING: web and worker processes starting together must not fail on each other's insert.
      const [officer] = await tx
        .insert(officersTable)
        .values({ stationId: station.id, lineUserId, displayName: 'Admin', role: 'admin' })
        .onConflictDoNothing({ target: officersTable.lineUserId })
        .returning()
      if (!officer) {
        continue
      }
      await audit.record(tx, {
        actor: 'system',
        action: 'officer.bootstrap',
        stationId: station.id,
        entityType: 'officer',
        entityId: officer.id,
        details: { role: 'admin', source: 'BOOTSTRAP_ADMIN_LINE_USER_IDS' },
      })
      count++
    }
    return count
  })
  if (created > 0) {
    logger?.info({ created }, 'bootstrap admins created from BOOTSTRAP_ADMIN_LINE_USER_IDS')
  }
  return { created }
}

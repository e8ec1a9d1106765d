import type { Db } from '../../db/client.js'
import type { Audit } from './audit-port.js'
import { DEFAULT_STATION_CODE, type Officers } from './officers.service.js'

export type AdminGrantOptions = {
  db: Db
  officers: Pick<Officers, 'stationByCode' | 'findByLineUserId' | 'upsert'>
  audit: Audit
  stationCode?: string
}

/**
 * Makes a LINE user an admin of the station, as `npm run officer -- add <id> admin` does but from inside the
 * running server: the LINE emulator's "make this user an admin" button (emulator mode only; main.ts decides). The
 * change and its audit line commit together; a disabled officer is turned back on as admin.
 */
export function createAdminGrant({ db, officers, audit, stationCode = DEFAULT_STATION_CODE }: AdminGrantOptions) {
  async function grant(input: { lineUserId: string; displayName: string; actor: string }) {
    return db.transaction(async (tx) => {
      const station = await officers.stationByCode(tx, stationCode)
      const { officer, created } = await officers.upsert(tx, {
        stationId: station.id,
        lineUserId: input.lineUserId,
        displayName: input.displayName,
        role: 'admin',
      })
      await audit.record(tx, {
        actor: input.actor,
        action: created ? 'officer.create' : 'officer.update',
        stationId: station.id,
        entityType: 'officer',
        entityId: officer.id,
        details: { role: 'admin' },
      })
      return { role: officer.role, created }
    })
  }

  /** The active officer's role, or null. */
  async function roleOf(lineUserId: string): Promise<string | null> {
    return db.transaction(async (tx) => {
      const officer = await officers.findByLineUserId(tx, lineUserId)
      return officer?.active ? officer.role : null
    })
  }

  return { grant, roleOf }
}
export type AdminGrant = ReturnType<typeof createAdminGrant>

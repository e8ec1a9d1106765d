import { eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { announcementSettings } from '../../db/schema/index.js'
import type { AnnouncementSettingsView } from '../contracts/announcements.js'

/** The station's announcement settings; defaults (approval required, no budget) until an admin saves. */
export async function readSettings(db: Db | Tx, stationId: string): Promise<AnnouncementSettingsView> {
  const [row] = await db.select().from(announcementSettings).where(eq(announcementSettings.stationId, stationId))
  return { requireApproval: row?.requireApproval ?? true, monthlyBudget: row?.monthlyBudget ?? null }
}

export async function writeSettings(
  tx: Tx,
  stationId: string,
  next: AnnouncementSettingsView,
  officerId: string,
): Promise<AnnouncementSettingsView> {
  await tx
    .insert(announcementSettings)
    .values({ stationId, ...next, updatedBy: officerId })
    .onConflictDoUpdate({
      target: announcementSettings.stationId,
      set: { ...next, updatedBy: officerId, updatedAt: new Date() },
    })
  return readSettings(tx, stationId)
}

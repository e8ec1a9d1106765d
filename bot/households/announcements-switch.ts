import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { citizens } from '../../db/schema/index.js'

/**
 * The citizen's announcement switch (issue #14, point 2): off sets citizens.announcements_opted_out_at (kept when it
 * is off already: the first "stop" is the date that counts), on clears it. Audience resolution reads the column when
 * an announcement is sent, so the change holds for the next request at once.
 */
export async function setAnnouncementsOff(tx: Tx, citizenId: string, off: boolean, now: Date): Promise<boolean> {
  const [row] = await tx
    .select({ at: citizens.announcementsOptedOutAt })
    .from(citizens)
    .where(eq(citizens.id, citizenId))
  const wasOff = row?.at != null
  if (wasOff !== off) {
    await tx
      .update(citizens)
      .set({ announcementsOptedOutAt: off ? now : null })
      .where(eq(citizens.id, citizenId))
  }
  return wasOff
}

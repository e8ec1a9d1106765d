import { eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, type Citizen, cases, citizens, type HouseWatch, houseWatches } from '../../../db/schema/index.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import type { LineMessage } from '../../line/line-client.js'

export type WatchOwner = { case: Case; watch: HouseWatch; citizen: Citizen | null }

/** A watch, its case and its owner (null once erased or never linked to a LINE user). */
export async function watchOwner(tx: Tx, caseId: string): Promise<WatchOwner | null> {
  const [row] = await tx
    .select({ c: cases, w: houseWatches, citizen: citizens })
    .from(houseWatches)
    .innerJoin(cases, eq(cases.id, houseWatches.caseId))
    .leftJoin(citizens, eq(citizens.id, cases.citizenId))
    .where(eq(houseWatches.caseId, caseId))
  return row ? { case: row.c, watch: row.w, citizen: row.citizen } : null
}

/** Messages to the watch's owner through the outbox, in the caller's transaction (nothing when there is nobody). */
export async function sendToOwner(
  tx: Tx,
  owner: WatchOwner,
  messages: LineMessage[],
  purpose: string,
  now: Date,
): Promise<void> {
  if (owner.citizen) {
    await sendToCitizen(tx, owner.citizen, messages, { stationId: owner.case.stationId, purpose, now })
  }
}

/** The owner's language: the one they enrolled in (the chat's may have changed since; theirs wins when known). */
export const ownerLanguage = (o: WatchOwner) => o.citizen?.language ?? o.watch.language

import { eq, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Citizen, cases, citizens } from '../../db/schema/index.js'
import { addRemoved, type PersonalDataPart, type Removed } from './parts.js'

/** The line_user_id an erased citizen's row keeps: no LINE user ID, only a marker that says what happened. */
export function tombstoneId(citizenId: string): string {
  return `erased:${citizenId}`
}

/**
 * Erases a citizen across every table, in the caller's transaction: each domain's part purges the citizen's cases
 * (kept as anonymous numbers for the counts and the records' public verification) and whatever else it holds
 * about them; then the citizen row becomes a tombstone (no LINE user ID, no name) that keeps their PDPA requests
 * answerable ("the station erased this on that date"). The "do not contact" hash is the caller's to add.
 */
export async function eraseCitizen(
  tx: Tx,
  citizen: Citizen,
  parts: readonly PersonalDataPart[],
  now: Date,
): Promise<Removed> {
  const caseIds = (await tx.select({ id: cases.id }).from(cases).where(eq(cases.citizenId, citizen.id))).map(
    (c) => c.id,
  )
  const removed: Removed = {}
  for (const part of parts) {
    if (part.purgeCases) {
      addRemoved(removed, await part.purgeCases(tx, caseIds, now))
    }
  }
  for (const part of parts) {
    if (part.eraseCitizen) {
      addRemoved(removed, await part.eraseCitizen(tx, citizen, now))
    }
  }
  await tx
    .update(citizens)
    .set({
      lineUserId: tombstoneId(citizen.id),
      displayName: null,
      followState: 'blocked',
      followedAt: null,
      unfollowedAt: now,
      // No rich menu is ever linked to a tombstone (the sweeper re-links rows whose version lags).
      menuLinkedVersion: sql`${citizens.menuVersion}`,
    })
    .where(eq(citizens.id, citizen.id))
  return addRemoved(removed, { citizens: 1 })
}

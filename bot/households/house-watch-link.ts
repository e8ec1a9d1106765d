import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Citizen, householdMembers, households, houseWatches, type Station } from '../../db/schema/index.js'
import { addressKey } from '../contracts/households.js'
import { createHousehold, householdOf } from './registry.js'

export type WatchHousehold = { outcome: 'kept' | 'joined' | 'created'; householdId: string }

/**
 * A house-watch enrolment puts its owner in a household (issue #14, point 1): the household they already belong to
 * stays theirs; else a household registered at the same address (same station, same normalised key: a family member
 * registered it) is joined; else one is created from the enrolment's address and pin (source 'house_watch'). Runs in
 * the enrolment's transaction (bot/compose/households.ts wraps the enroller), so both commit or neither.
 */
export async function householdForWatch(
  tx: Tx,
  input: { citizen: Citizen; station: Station; caseId: string; now: Date },
): Promise<WatchHousehold | null> {
  const { citizen, station, now } = input
  const mine = await householdOf(tx, citizen.id)
  if (mine) {
    return { outcome: 'kept', householdId: mine.h.id }
  }
  const [w] = await tx
    .select({ address: houseWatches.address, lat: houseWatches.latitude, lng: houseWatches.longitude })
    .from(houseWatches)
    .where(eq(houseWatches.caseId, input.caseId))
  if (!w?.address) {
    return null
  }
  const key = addressKey(w.address)
  const nearby = await tx
    .select()
    .from(households)
    .where(and(eq(households.stationId, station.id), eq(households.subdistrict, w.address.subdistrict.trim())))
  const same = nearby.find((h) => addressKey(h.address) === key)
  if (same) {
    await tx
      .insert(householdMembers)
      .values({ householdId: same.id, citizenId: citizen.id, role: 'member', joinedAt: now })
      .onConflictDoNothing()
    return { outcome: 'joined', householdId: same.id }
  }
  const location = w.lat != null && w.lng != null ? { lat: w.lat, lng: w.lng } : null
  const created = await createHousehold(tx, {
    station,
    citizen,
    address: w.address,
    location,
    source: 'house_watch',
    now,
  })
  return { outcome: 'created', householdId: created.id }
}

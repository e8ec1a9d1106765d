import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client.js'
import { broadcasts, citizens, householdMembers, households } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'

/** A citizen who is a friend of the OA in the emulator (LINE delivers to friends) and a row in citizens. */
export async function friendCitizen(s: Stack, name: string, language: 'th' | 'en' = 'th') {
  const user = s.emulator.createUser({ displayName: name, language })
  const stored = s.emulator.state.users.get(user.userId)
  if (stored) {
    stored.friendship = 'friend'
  }
  const [row] = await s.db.db
    .insert(citizens)
    .values({ lineUserId: user.userId, displayName: name, language })
    .returning({ id: citizens.id })
  if (!row) {
    throw new Error('no citizen')
  }
  return { citizenId: row.id, lineUserId: user.userId }
}

export async function household(
  db: Db,
  stationId: string,
  place: { subdistrict: string; municipality?: string; soi?: string; lat?: number; lng?: number },
  memberIds: string[],
  topics?: ('crime_alert' | 'general' | 'scam_warning')[],
) {
  const [h] = await db
    .insert(households)
    .values({
      stationId,
      inviteCode: randomUUID().slice(0, 8),
      address: {
        houseNo: '1',
        subdistrict: place.subdistrict,
        district: 'เมืองระยอง',
        province: 'ระยอง',
        postcode: '21000',
      },
      subdistrict: place.subdistrict,
      municipality: place.municipality ?? null,
      soi: place.soi ?? null,
      latitude: place.lat ?? null,
      longitude: place.lng ?? null,
      source: 'liff',
      ...(topics ? { topics } : {}),
    })
    .returning({ id: households.id })
  if (!h) {
    throw new Error('no household')
  }
  for (const [i, citizenId] of memberIds.entries()) {
    await db.insert(householdMembers).values({ householdId: h.id, citizenId, role: i === 0 ? 'owner' : 'member' })
  }
  return h.id
}

export async function statusOf(db: Db, id: string) {
  const [b] = await db.select().from(broadcasts).where(eq(broadcasts.id, id))
  return b
}

export const TEXT = (text: string) => [{ type: 'text', text }]

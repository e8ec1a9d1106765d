import { eq } from 'drizzle-orm'
import type { HouseWatchNotify } from '../../../bot/contracts/house-watch.js'
import { houseWatches, patrolPoints } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'
import { fileCase, station } from '../cases/fixtures.js'

/** Near the seeded zone (Rayong city): the house points of these tests sit here. */
export const HOME = { lat: 12.6814, lng: 101.2816 }

/**
 * An approved house watch with its patrol point, written directly (enrolment and approval are another part's):
 * the case (kind house_watch), its house_watches row, and the point kind 'house' with an HW-… code.
 */
export async function approvedWatch(
  s: Stack,
  input: { citizenId: string; code: string; notify?: HouseWatchNotify; language?: 'th' | 'en'; stationCode?: string },
) {
  const st = await station(s, input.stationCode)
  const c = await fileCase(s, {
    kind: 'house_watch',
    citizenId: input.citizenId,
    summary: 'ฝากบ้าน',
    stationCode: input.stationCode,
  })
  const today = new Date().toISOString().slice(0, 10)
  const [watch] = await s.db.db
    .insert(houseWatches)
    .values({
      caseId: c.id,
      channel: 'liff',
      language: input.language ?? 'th',
      ownerName: 'สมหญิง รักบ้าน',
      latitude: HOME.lat,
      longitude: HOME.lng,
      startsOn: today,
      endsOn: today,
      notify: input.notify ?? 'daily_digest',
      consentVersion: 'test-1',
      approvedAt: new Date(),
    })
    .returning()
  const [point] = await s.db.db
    .insert(patrolPoints)
    .values({
      stationId: st.id,
      kind: 'house',
      caseId: c.id,
      code: input.code,
      latitude: HOME.lat,
      longitude: HOME.lng,
    })
    .returning()
  if (!watch || !point) {
    throw new Error('house watch fixture insert returned no row')
  }
  return { case: c, watch, point }
}

export async function endWatch(s: Stack, caseId: string) {
  await s.db.db
    .update(houseWatches)
    .set({ endedAt: new Date(), endReason: 'returned' })
    .where(eq(houseWatches.caseId, caseId))
}

/** Metres north of a place (1° of latitude ≈ 111.2 km). */
export function north(p: { lat: number; lng: number }, meters: number) {
  return { lat: p.lat + meters / 111_195, lng: p.lng }
}

export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 10_000) {
  const end = Date.now() + ms
  for (;;) {
    const got = await probe()
    if (got !== undefined && got !== null && got !== false) {
      return got
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** A tiny valid JPEG (1×1), base64. */
export const JPEG_1PX =
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k='

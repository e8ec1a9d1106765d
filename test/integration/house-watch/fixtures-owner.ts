import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { createHouseWatchSchedule } from '../../../bot/house-watch/lifecycle/schedule.js'
import { createLogger } from '../../../bot/logger.js'
import {
  cases,
  type HouseWatch,
  houseWatches,
  officers,
  type PatrolPoint,
  patrolPoints,
  patrolVisits,
} from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'
import { fileCase } from '../cases/fixtures.js'

export { befriend, station } from '../cases/fixtures.js'

/** A 1×1 JPEG-ish body: the owner's page and the summary only pass the bytes on. */
export const PHOTO = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')

/**
 * A house watch as enrolment and approval leave it (case kind 'house_watch', approved or active, its detail row and
 * its house patrol point), written directly so the owner's side is tested on its own. Dates are Bangkok dates.
 */
export async function insertWatch(
  s: Stack,
  input: {
    citizenId: string | null
    startsOn: string
    endsOn: string
    status?: 'approved' | 'active'
    notify?: 'daily_digest' | 'each_visit'
    now?: Date
  },
  set: Partial<typeof houseWatches.$inferInsert> = {},
): Promise<{ caseId: string; referenceNumber: string; watch: HouseWatch; point: PatrolPoint }> {
  const now = input.now ?? new Date()
  const c = await fileCase(
    s,
    { kind: 'house_watch', citizenId: input.citizenId, summary: 'ฝากบ้าน', now },
    { status: input.status ?? 'active', resolvedAt: now },
  )
  const [watch] = await s.db.db
    .insert(houseWatches)
    .values({
      caseId: c.id,
      channel: 'liff',
      ownerName: 'สมศรี ฝากบ้าน',
      phoneEnc: s.deps.cipher.encrypt('0812345678'),
      phoneLast: '5678',
      address: {
        houseNo: '99/9',
        road: 'สุขุมวิท',
        subdistrict: 'ท่าประดู่',
        district: 'เมืองระยอง',
        province: 'ระยอง',
        postcode: '21000',
      },
      latitude: 12.6814,
      longitude: 101.2816,
      locationSource: 'pin',
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      emergencyName: 'สมชาย ญาติดี',
      emergencyPhoneEnc: s.deps.cipher.encrypt('0899999999'),
      notes: 'แมวอยู่ในบ้าน ไฟหน้าบ้านตั้งเวลาไว้',
      notify: input.notify ?? 'daily_digest',
      consentVersion: 'v1',
      approvedAt: now,
      ...set,
    })
    .returning()
  const [point] = await s.db.db
    .insert(patrolPoints)
    .values({
      stationId: c.stationId,
      kind: 'house',
      caseId: c.id,
      code: `HW-${randomUUID().slice(0, 6)}`,
      latitude: 12.6814,
      longitude: 101.2816,
    })
    .returning()
  if (!watch || !point) {
    throw new Error('house watch insert returned no row')
  }
  return { caseId: c.id, referenceNumber: c.referenceNumber, watch, point }
}

/** A patrol officer with rank and name as printed on records. */
export async function insertPatrolOfficer(s: Stack, stationId: string, fullName = 'ส.ต.อ. สมปอง ตรวจดี') {
  const [o] = await s.db.db
    .insert(officers)
    .values({
      stationId,
      lineUserId: `U${randomUUID().replaceAll('-', '')}`,
      displayName: 'สมปอง',
      fullName,
      role: 'patrol_officer',
    })
    .returning()
  if (!o) {
    throw new Error('officer insert returned no row')
  }
  return o
}

/** A check-in at the point as hw-checkin writes it. */
export async function insertVisit(
  s: Stack,
  input: {
    point: PatrolPoint
    officerId: string
    at: Date
    result?: (typeof patrolVisits.$inferInsert)['result']
    photo?: boolean
    notified?: boolean
    note?: string
  },
) {
  const [v] = await s.db.db
    .insert(patrolVisits)
    .values({
      stationId: input.point.stationId,
      pointId: input.point.id,
      officerId: input.officerId,
      scannedAt: input.at,
      lastScanAt: input.at,
      latitude: 12.68141,
      longitude: 101.28161,
      accuracyMeters: 8,
      distanceMeters: 3,
      gpsCheck: 'near',
      result: input.result ?? 'normal',
      note: input.note ?? null,
      ...(input.photo
        ? { photoContentType: 'image/jpeg', photoSha256: 'x', photoBytesEnc: s.deps.cipher.encryptBytes(PHOTO) }
        : {}),
      shiftKey: 'afternoon',
      shiftDate: input.at.toISOString().slice(0, 10),
      ownerNotifiedAt: input.notified ? input.at : null,
    })
    .returning()
  if (!v) {
    throw new Error('visit insert returned no row')
  }
  return v
}

/** A worker's house-watch clock at a moment the test sets (each call to `tick` reads `clock.now`). */
export function scheduleAt(s: Stack, clock: { now: Date }) {
  return createHouseWatchSchedule({
    db: s.db.db,
    logger: createLogger('silent'),
    liffUrl: (path) => `https://liff.line.me/${s.deps.config.line.liffIdCitizen}/${path}`,
    photoLinks: s.deps.houseWatchOwner.photoLinks,
    now: () => clock.now,
  })
}

/** Bangkok wall-clock time as an instant: `bkk('2030-01-10', 20, 5)` is 20:05 in Bangkok. */
export const bkk = (ymd: string, hour: number, minute = 0) =>
  new Date(Date.parse(`${ymd}T00:00:00Z`) + ((hour - 7) * 60 + minute) * 60_000)

export async function caseOf(s: Stack, caseId: string) {
  const [c] = await s.db.db.select().from(cases).where(eq(cases.id, caseId))
  const [w] = await s.db.db.select().from(houseWatches).where(eq(houseWatches.caseId, caseId))
  const [p] = await s.db.db.select().from(patrolPoints).where(eq(patrolPoints.caseId, caseId))
  return { c, w, p }
}

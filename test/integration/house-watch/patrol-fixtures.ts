import { eq } from 'drizzle-orm'
import { createCase } from '../../../bot/cases/cases.service.js'
import { DEFAULT_SHIFTS, type GpsCheck, type VisitResult } from '../../../bot/contracts/house-watch.js'
import { bangkokDate } from '../../../bot/house-watch/patrol/slots.js'
import { shiftAt } from '../../../bot/house-watch/shifts.js'
import { cases, houseWatches, patrolPoints, patrolVisits, stations } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'

// Rows the other parts of issue #13 write (enrolment → house_watches and a 'house' point; check-in → visits),
// inserted directly: this part only reads them.
const DAY = 86_400_000

/** Bangkok date `offset` days from `day` (YYYY-MM-DD). */
export const dayPlus = (day: string, offset: number) =>
  new Date(new Date(`${day}T12:00:00+07:00`).getTime() + offset * DAY).toISOString().slice(0, 10)

/** A moment on a Bangkok day at HH:MM. */
export const bkk = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`)

export async function stationB(s: Stack) {
  const [row] = await s.db.db
    .insert(stations)
    .values({
      code: 'BAN',
      nameTh: 'สภ.บ้านฉาง',
      nameEn: 'Ban Chang Police Station',
      addressTh: 'บ้านฉาง',
      addressEn: 'Ban Chang',
      phone: '038-601-111',
      latitude: '12.7262',
      longitude: '101.0626',
    })
    .returning()
  if (!row) {
    throw new Error('station insert returned no row')
  }
  return row
}

export async function redBox(
  s: Stack,
  stationId: string,
  code: string,
  at: { lat: number; lng: number },
  opts: { active?: boolean; createdAt?: Date } = {},
) {
  const [row] = await s.db.db
    .insert(patrolPoints)
    .values({
      stationId,
      kind: 'red_box',
      code,
      nameTh: `ตู้แดง ${code}`,
      nameEn: `Red box ${code}`,
      latitude: at.lat,
      longitude: at.lng,
      active: opts.active ?? true,
      createdAt: opts.createdAt ?? new Date(Date.now() - 30 * DAY),
    })
    .returning()
  if (!row) {
    throw new Error('point insert returned no row')
  }
  return row
}

/** An enrolled house: the case, its watch (period, status, ended or not) and its patrol point. */
export async function house(
  s: Stack,
  code: string,
  at: { lat: number; lng: number },
  watch: { startsOn: string; endsOn: string; status: string; endedAt?: Date },
) {
  const [st] = await s.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
  if (!st) {
    throw new Error('no RYG station')
  }
  return s.db.db.transaction(async (tx) => {
    const created = new Date(new Date(`${watch.startsOn}T08:00:00+07:00`).getTime() - 2 * DAY)
    const c = await createCase(tx, { station: st, kind: 'house_watch', citizenId: null, summary: code, now: created })
    await tx.update(cases).set({ status: watch.status }).where(eq(cases.id, c.id))
    await tx.insert(houseWatches).values({
      caseId: c.id,
      channel: 'liff',
      ownerName: 'สมศรี มีสุข',
      phoneEnc: 'v1:secret',
      phoneLast: '5678',
      address: {
        houseNo: '99/1',
        moo: '4',
        soi: 'ยมจินดา 3',
        road: 'ยมจินดา',
        subdistrict: 'ท่าประดู่',
        district: 'เมืองระยอง',
        province: 'ระยอง',
        postcode: '21000',
      },
      latitude: at.lat,
      longitude: at.lng,
      startsOn: watch.startsOn,
      endsOn: watch.endsOn,
      notes: 'มีสุนัขในบ้าน เปิดไฟหน้าบ้านตั้งเวลา',
      consentVersion: '1',
      approvedAt: created,
      endedAt: watch.endedAt,
    })
    const [point] = await tx
      .insert(patrolPoints)
      .values({
        stationId: st.id,
        kind: 'house',
        caseId: c.id,
        code,
        latitude: at.lat,
        longitude: at.lng,
        createdAt: created,
      })
      .returning()
    if (!point) {
      throw new Error('point insert returned no row')
    }
    return point
  })
}

export async function visit(
  s: Stack,
  point: { id: string; stationId: string },
  officerId: string,
  at: Date,
  opts: { gpsCheck?: GpsCheck; distanceMeters?: number; result?: VisitResult } = {},
) {
  const slot = shiftAt(DEFAULT_SHIFTS, at)
  await s.db.db.insert(patrolVisits).values({
    stationId: point.stationId,
    pointId: point.id,
    officerId,
    scannedAt: at,
    lastScanAt: at,
    latitude: 12.68,
    longitude: 101.28,
    accuracyMeters: 12,
    distanceMeters: opts.distanceMeters ?? 8,
    gpsCheck: opts.gpsCheck ?? 'near',
    result: opts.result ?? 'normal',
    shiftKey: slot.shift.key,
    shiftDate: slot.shiftDate,
  })
}

export const todayBangkok = () => bangkokDate(new Date())

/**
 * The scene both patrol tests stand on, around Bangkok day `D`, station RYG at 12.68, 101.28: two red boxes and a
 * watched house in a square; this shift the house visited just now; the day before, box 1 visited near in the
 * morning, the house visited far (flagged), box 2 missed, then found damaged in the afternoon.
 */
export async function patrolScene(s: Stack, D: string, officerId: string) {
  const [st] = await s.db.db
    .update(stations)
    .set({ latitude: '12.68', longitude: '101.28' })
    .where(eq(stations.code, 'RYG'))
    .returning()
  const stationId = st?.id ?? ''
  const rb1 = await redBox(s, stationId, 'RB-001', { lat: 12.69, lng: 101.28 })
  const rb2 = await redBox(s, stationId, 'RB-002', { lat: 12.68, lng: 101.29 })
  const h1 = await house(
    s,
    'HW-000001',
    { lat: 12.69, lng: 101.29 },
    {
      startsOn: dayPlus(D, -2),
      endsOn: dayPlus(D, 3),
      status: 'active',
    },
  )
  await visit(s, h1, officerId, new Date(Date.now() - 1000))
  await visit(s, rb1, officerId, bkk(dayPlus(D, -1), '09:00'))
  await visit(s, h1, officerId, bkk(dayPlus(D, -1), '10:00'), { gpsCheck: 'far', distanceMeters: 450 })
  await visit(s, rb2, officerId, bkk(dayPlus(D, -1), '17:00'), { result: 'damage' })
  return { stationId, rb1, rb2, h1 }
}

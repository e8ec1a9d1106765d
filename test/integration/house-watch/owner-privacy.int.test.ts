import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eraseCitizen } from '../../../bot/privacy/erasure.js'
import {
  attachments,
  cases,
  houseWatches,
  houseWatchSettings,
  patrolVisits,
  stations,
} from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { befriend, caseOf, insertPatrolOfficer, insertVisit, insertWatch } from './fixtures-owner.js'

// Issue #13, point 7 (purge after the station's period, counts kept) and the PDPA rights: the citizen's export
// carries their house watches and visits; erasure removes the personal data and takes the house off the patrols.
let s: Stack
beforeAll(async () => {
  s = await startStack()
})
afterAll(async () => {
  await s?.close()
})

const DAY = 86_400_000

async function endedWatch(name: string, endedAt: Date) {
  const { user, citizen } = await befriend(s, name)
  const w = await insertWatch(s, { citizenId: citizen.id, startsOn: '2030-05-01', endsOn: '2030-05-10' })
  const [photo] = await s.db.db
    .insert(attachments)
    .values({
      caseId: w.caseId,
      contentType: 'image/jpeg',
      size: 3,
      bytesEnc: s.deps.cipher.encryptBytes(Buffer.from('abc')),
    })
    .returning()
  await s.db.db
    .update(houseWatches)
    .set({ housePhotoId: photo?.id ?? null, endedAt, endReason: 'returned' })
    .where(eq(houseWatches.caseId, w.caseId))
  await s.db.db.update(cases).set({ status: 'completed' }).where(eq(cases.id, w.caseId))
  const officer = await insertPatrolOfficer(s, w.point.stationId)
  await insertVisit(s, {
    point: w.point,
    officerId: officer.id,
    at: new Date('2030-05-02T03:00:00Z'),
    photo: true,
    note: 'ปกติ',
  })
  await insertVisit(s, { point: w.point, officerId: officer.id, at: new Date('2030-05-03T03:00:00Z') })
  return { user, citizen, w }
}

async function visitsOf(pointId: string) {
  return s.db.db.select().from(patrolVisits).where(eq(patrolVisits.pointId, pointId))
}

function expectPurged(row: Awaited<ReturnType<typeof caseOf>>) {
  expect(row.w).toMatchObject({
    ownerName: null,
    phoneEnc: null,
    phoneLast: null,
    address: null,
    latitude: null,
    longitude: null,
    emergencyName: null,
    emergencyPhoneEnc: null,
    notes: null,
    housePhotoId: null,
    startsOn: '2030-05-01',
    endsOn: '2030-05-10',
  })
  expect(row.p).toMatchObject({ kind: 'house', active: false })
  expect(row.c?.personalDataPurgedAt).not.toBeNull()
  expect(row.c?.citizenId).toBeNull()
}

describe("purge after the station's period", () => {
  it('personal data goes purgeAfterDays after the end (station setting), not before; counts and dates stay', async () => {
    const ended = new Date('2030-06-01T05:00:00Z')
    const { w } = await endedWatch('สมศรี ลบตามเวลา', ended)
    const [st] = await s.db.db.select().from(stations).where(eq(stations.id, w.point.stationId))
    await s.db.db.insert(houseWatchSettings).values({ stationId: w.point.stationId, purgeAfterDays: 10 })
    // Day 9: the station's case retention (365 days) does not apply to house watches, and 10 days have not passed.
    await s.deps.privacy.retention.run(new Date(ended.getTime() + 9 * DAY))
    expect((await caseOf(s, w.caseId)).w?.ownerName).toBe('สมศรี ฝากบ้าน')

    const report = await s.deps.privacy.retention.run(new Date(ended.getTime() + 10 * DAY + 60_000))
    expect(report).toMatchObject({ house_watches: 1, patrol_points: 1, patrol_visits: 2 })
    const row = await caseOf(s, w.caseId)
    expectPurged(row)
    expect(row.p?.latitude).toBe(Number(st?.latitude ?? 0))
    const visits = await visitsOf(w.point.id)
    expect(visits).toHaveLength(2)
    for (const v of visits) {
      expect(v).toMatchObject({ photoBytesEnc: null, note: null, latitude: null, longitude: null, gpsCheck: 'near' })
    }
    const [{ n } = { n: -1 }] = await s.db.db
      .select({ n: count() })
      .from(attachments)
      .where(eq(attachments.caseId, w.caseId))
    expect(n).toBe(0)
    await s.db.db.delete(houseWatchSettings).where(eq(houseWatchSettings.stationId, w.point.stationId))
  })
})

describe('PDPA rights', () => {
  it("the citizen's export (JSON and page) carries their house watches with the visits", async () => {
    const { user, w } = await endedWatch('สมชาย ส่งออกข้อมูล', new Date('2030-06-01T05:00:00Z'))
    const get = (format: string) =>
      s.app.inject({
        method: 'GET',
        url: `/api/liff/me/export?format=${format}`,
        headers: { authorization: `Bearer ${s.emulator.issueIdToken(user.userId)}` },
      })
    const json = await get('json')
    expect(json.statusCode, json.body).toBe(200)
    const [hw] = JSON.parse(json.rawPayload.toString('utf8')).house_watches
    expect(hw).toMatchObject({
      referenceNumber: w.referenceNumber,
      ownerName: 'สมศรี ฝากบ้าน',
      phone: '0812345678',
      emergencyPhone: '0899999999',
      notes: 'แมวอยู่ในบ้าน ไฟหน้าบ้านตั้งเวลาไว้',
      endReason: 'returned',
    })
    expect(hw.visits).toHaveLength(2)
    expect(hw.visits[0]).toMatchObject({ officer: 'ส.ต.อ. สมปอง ตรวจดี', result: 'normal' })
    expect(typeof hw.visits[0].photo).toBe('string')
    const html = (await get('html')).body
    for (const words of ['การฝากบ้านกับตำรวจ', w.referenceNumber, '0812345678', 'การตรวจของสายตรวจ']) {
      expect(html, words).toContain(words)
    }
  })

  it('erasure removes the personal data of a running watch and takes the house off the patrol list', async () => {
    const { citizen } = await befriend(s, 'สมหญิง ขอลบ')
    const w = await insertWatch(s, { citizenId: citizen.id, startsOn: '2030-05-01', endsOn: '2030-05-10' })
    const officer = await insertPatrolOfficer(s, w.point.stationId)
    await insertVisit(s, { point: w.point, officerId: officer.id, at: new Date('2030-05-02T03:00:00Z'), photo: true })
    const removed = await s.db.db.transaction((tx) => eraseCitizen(tx, citizen, s.deps.privacy.parts, new Date()))
    expect(removed).toMatchObject({ house_watches: 1, patrol_points: 1, patrol_visits: 1 })
    const row = await caseOf(s, w.caseId)
    expectPurged(row)
    expect(row.w?.endReason).toBe('cancelled')
    const [v] = await visitsOf(w.point.id)
    expect(v?.photoBytesEnc).toBeNull()
  })
})

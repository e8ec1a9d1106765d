import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCheckIns } from '../../../bot/house-watch/checkin/checkin.service.js'
import { PatrolError } from '../../../bot/house-watch/points/errors.js'
import { caseEvents, houseWatchSettings, outboundMessages, patrolVisits, stations } from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { type Api, apiAs, befriend, station } from '../cases/fixtures.js'
import { approvedWatch, endWatch, HOME, JPEG_1PX, north, until } from './checkin-fixtures.js'

// Patrol check-ins (issue #13, points 5 and 6): GPS near/far/unknown, the same visit within 10 minutes, clear errors,
// the per-visit notices at the LINE emulator. PUBLIC_BASE_URL is https so photos go as image messages.
let s: Stack
let patrol: Api
let patrolId: string

beforeAll(async () => {
  s = await startStack({ env: { PUBLIC_BASE_URL: 'https://rsz.example' } })
  const officer = await signInOfficer(s.db.db, { role: 'patrol_officer', displayName: 'ด.ต. สมชาย ใจดี' })
  patrol = apiAs(s, officer.headers)
  patrolId = officer.id
})
afterAll(async () => {
  await s?.close()
})

const normal = (extra: Record<string, unknown>) => ({ position: null, result: 'normal', ...extra })

describe('GPS check against the station tolerance', () => {
  it('near, far (distance minus accuracy beyond the tolerance) and unknown without a fix', async () => {
    const { citizen } = await befriend(s, 'เจ้าของบ้าน 1')
    const { point } = await approvedWatch(s, { citizenId: citizen.id, code: 'HW-2569-000101' })
    const qr = s.deps.houseWatchCheckIn.qr.text(point)
    const near = await patrol('POST', '/api/admin/patrol/check-ins', {
      qr,
      position: { ...north(HOME, 60), accuracy: 10 },
      result: 'normal',
    })
    expect(near.status, JSON.stringify(near.json)).toBe(201)
    expect(near.json).toMatchObject({ gpsCheck: 'near', toleranceMeters: 100, sameVisit: false })
    expect(Math.round(Number(near.json.distanceMeters))).toBe(60)

    // Another officer, 150 m away with 30 m accuracy: 120 m > 100 m → far, recorded all the same.
    const other = apiAs(s, (await signInOfficer(s.db.db, { role: 'patrol_officer' })).headers)
    const far = await other('POST', '/api/admin/patrol/check-ins', {
      code: ' hw-2569-000101 ',
      position: { ...north(HOME, 150), accuracy: 30 },
      result: 'normal',
    })
    expect(far.status, JSON.stringify(far.json)).toBe(201)
    expect(far.json.gpsCheck).toBe('far')

    // The station widens its tolerance: the same position is near.
    const st = await station(s)
    await s.db.db.insert(houseWatchSettings).values({ stationId: st.id, gpsToleranceMeters: 150 })
    const third = apiAs(s, (await signInOfficer(s.db.db, { role: 'duty_officer' })).headers)
    const wide = await third('POST', '/api/admin/patrol/check-ins', {
      qr,
      position: { ...north(HOME, 150), accuracy: 30 },
      result: 'normal',
    })
    expect(wide.json).toMatchObject({ gpsCheck: 'near', toleranceMeters: 150 })
    await s.db.db.delete(houseWatchSettings).where(eq(houseWatchSettings.stationId, st.id))

    const fourth = apiAs(s, (await signInOfficer(s.db.db, { role: 'supervisor' })).headers)
    const unknown = await fourth('POST', '/api/admin/patrol/check-ins', normal({ qr }))
    expect(unknown.json).toMatchObject({ gpsCheck: 'unknown', distanceMeters: null })

    const visits = await s.db.db.select().from(patrolVisits).where(eq(patrolVisits.pointId, point.id))
    expect(visits.map((v) => v.gpsCheck).sort()).toEqual(['far', 'near', 'near', 'unknown'])
    expect(visits.every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v.shiftDate) && v.shiftKey)).toBe(true)
    // The house's timeline has one entry per visit, for officers only.
    const events = await s.db.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, point.caseId ?? ''))
    const visitNotes = events.filter((e) => e.data?.patrolVisitId)
    expect(visitNotes).toHaveLength(4)
    expect(visitNotes.every((e) => e.internal)).toBe(true)
  })
})

describe('the same visit within 10 minutes (a controllable clock)', () => {
  it('updates the visit for a second scan by the same officer, and opens a new one after 10 minutes', async () => {
    const { citizen } = await befriend(s, 'เจ้าของบ้าน 2')
    const { point } = await approvedWatch(s, { citizenId: citizen.id, code: 'HW-2569-000102' })
    let clock = new Date('2026-12-03T12:00:00Z')
    const checkIns = createCheckIns({
      db: s.db.db,
      audit: s.deps.officers.audit,
      cipher: s.deps.cipher,
      qr: s.deps.houseWatchCheckIn.qr,
      now: () => clock,
    })
    const st = await station(s)
    const who = { officerId: patrolId, stationId: st.id, displayName: 'ด.ต. สมชาย' }
    const qr = s.deps.houseWatchCheckIn.qr.token(point)
    const first = await checkIns.checkIn(who, { qr, position: null, result: 'normal' })
    clock = new Date('2026-12-03T12:09:59Z')
    const second = await checkIns.checkIn(who, { qr, position: null, result: 'normal', note: 'ไฟหน้าบ้านเปิดอยู่' })
    expect(second).toMatchObject({ sameVisit: true, visitId: first.visitId })
    // Bangkok 19:00: the afternoon shift of 3 Dec.
    expect(first.shift).toMatchObject({ key: 'afternoon', date: '2026-12-03' })
    clock = new Date('2026-12-03T12:20:00Z')
    const third = await checkIns.checkIn(who, { qr, position: null, result: 'normal' })
    expect(third.sameVisit).toBe(false)
    const rows = await s.db.db.select().from(patrolVisits).where(eq(patrolVisits.pointId, point.id))
    expect(rows).toHaveLength(2)
    const updated = rows.find((r) => r.id === first.visitId)
    expect(updated?.lastScanAt.toISOString()).toBe('2026-12-03T12:09:59.000Z')
    expect(updated?.note).toBe('ไฟหน้าบ้านเปิดอยู่')
  })
})

describe('clear errors', () => {
  it('an ended watch, a retired red box, a reissued sticker, a forged QR, another station, an unknown code', async () => {
    const { citizen } = await befriend(s, 'เจ้าของบ้าน 3')
    const ended = await approvedWatch(s, { citizenId: citizen.id, code: 'HW-2569-000103' })
    await endWatch(s, ended.case.id)
    const qr = s.deps.houseWatchCheckIn.qr
    const res = await patrol('POST', '/api/admin/patrol/check-ins', normal({ qr: qr.text(ended.point) }))
    expect(res.status).toBe(409)
    expect(res.json).toMatchObject({ error: { code: 'watch_ended' } })

    const admin = apiAs(s, (await signInOfficer(s.db.db, { role: 'admin' })).headers)
    const box = await admin('POST', '/api/admin/patrol/points', {
      code: 'RB-901',
      nameTh: 'ตู้แดงทดสอบ',
      nameEn: 'Test red box',
      latitude: HOME.lat,
      longitude: HOME.lng,
    })
    expect(box.status, JSON.stringify(box.json)).toBe(201)
    const boxId = String(box.json.id)
    const oldQr = qr.text({ id: boxId, qrVersion: 1 })
    await admin('POST', `/api/admin/patrol/points/${boxId}/reissue`)
    const reissued = await patrol('POST', '/api/admin/patrol/check-ins', normal({ qr: oldQr }))
    expect(reissued.status).toBe(410)
    expect(reissued.json).toMatchObject({ error: { code: 'qr_reissued' } })
    const fresh = await patrol(
      'POST',
      '/api/admin/patrol/check-ins',
      normal({ qr: qr.text({ id: boxId, qrVersion: 2 }) }),
    )
    expect(fresh.status, JSON.stringify(fresh.json)).toBe(201)

    await admin('PATCH', `/api/admin/patrol/points/${boxId}`, { active: false })
    const retired = await patrol('POST', '/api/admin/patrol/check-ins', normal({ code: 'RB-901' }))
    expect(retired.json).toMatchObject({ error: { code: 'point_retired' } })

    const forged = oldQr.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    const bad = await patrol('POST', '/api/admin/patrol/check-ins', normal({ qr: forged }))
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ error: { code: 'qr_invalid' } })

    // A patrol officer of another station: this station's point is unknown to them.
    const [rsn] = await s.db.db
      .insert(stations)
      .values({ code: 'RSN', nameTh: 'สภ.ทดสอบ', nameEn: 'Test station', addressTh: '-', addressEn: '-', phone: '0' })
      .returning()
    const stranger = apiAs(s, (await signInOfficer(s.db.db, { role: 'patrol_officer', stationId: rsn?.id })).headers)
    const { point } = await approvedWatch(s, { citizenId: citizen.id, code: 'HW-2569-000104' })
    const elsewhere = await stranger('POST', '/api/admin/patrol/check-ins', normal({ qr: qr.text(point) }))
    expect(elsewhere.status).toBe(404)
    expect(elsewhere.json).toMatchObject({ error: { code: 'point_unknown' } })
    const typed = await stranger('POST', '/api/admin/patrol/check-ins', normal({ code: 'HW-2569-000104' }))
    expect(typed.json).toMatchObject({ error: { code: 'point_unknown' } })
    const sticker = await stranger('GET', `/api/admin/patrol/points/${point.id}/sticker.pdf`)
    expect(sticker.status).toBe(403)

    const none = await patrol('POST', '/api/admin/patrol/check-ins', normal({ code: 'RB-000' }))
    expect(none.json).toMatchObject({ error: { code: 'point_unknown' } })
    const both = await patrol('POST', '/api/admin/patrol/check-ins', normal({ code: 'RB-000', qr: oldQr }))
    expect(both.status).toBe(400)
  })

  it('a viewer cannot check in; a photo that is not an image is refused, nothing saved', async () => {
    const viewer = apiAs(s, (await signInOfficer(s.db.db, { role: 'viewer' })).headers)
    const res = await viewer('POST', '/api/admin/patrol/check-ins', normal({ code: 'HW-2569-000101' }))
    expect(res.status).toBe(403)
    const before = await s.db.db.select().from(patrolVisits)
    const fake = Buffer.from('not an image').toString('base64')
    const other = apiAs(s, (await signInOfficer(s.db.db, { role: 'patrol_officer' })).headers)
    const bad = await other('POST', '/api/admin/patrol/check-ins', normal({ code: 'HW-2569-000101', photo: fake }))
    expect(bad.status).toBe(415)
    expect((await s.db.db.select().from(patrolVisits)).length).toBe(before.length)
  })
})

describe('per-visit notices', () => {
  it('a finding goes at once to the owner and the station group, with the photo by a signed link', async () => {
    const member = s.emulator.createUser({ displayName: 'เวร' })
    const group = s.emulator.createGroup({ groupName: 'เวร สภ.เมืองระยอง', memberIds: [member.userId] })
    await s.emulator.joinGroup(group.groupId)
    await s.db.db.update(stations).set({ lineGroupId: group.groupId }).where(eq(stations.code, 'RYG'))
    const { user, citizen } = await befriend(s, 'เจ้าของบ้าน 4')
    const { point } = await approvedWatch(s, { citizenId: citizen.id, code: 'HW-2569-000105' })
    const before = s.emulator.messagesTo(user.userId).length
    const res = await patrol('POST', '/api/admin/patrol/check-ins', {
      qr: s.deps.houseWatchCheckIn.qr.text(point),
      position: { ...HOME, accuracy: 8 },
      result: 'window_open',
      note: 'หน้าต่างชั้นสองเปิดอยู่',
      photo: JPEG_1PX,
    })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const owner = await s.emulator.waitForMessages(user.userId, before + 2)
    const [text, image] = owner.slice(before).map((m) => m.message)
    expect(text).toMatchObject({ type: 'text' })
    const body = JSON.stringify(text)
    expect(body).toContain('หน้าต่างเปิดอยู่')
    expect(body).toContain('ด.ต. สมชาย ใจดี')
    expect(body).toMatch(/25\d\d \d\d:\d\d น\./) // Buddhist Era, Bangkok time
    expect(image).toMatchObject({ type: 'image' })
    const url = new URL(String((image as unknown as { originalContentUrl: string }).originalContentUrl))
    expect(url.origin).toBe('https://rsz.example')
    const photo = await fetch(`${s.baseUrl}${url.pathname}${url.search}`)
    expect(photo.status).toBe(200)
    expect(photo.headers.get('content-type')).toBe('image/jpeg')
    expect(Buffer.from(await photo.arrayBuffer()).equals(Buffer.from(JPEG_1PX, 'base64'))).toBe(true)
    const tampered = await fetch(`${s.baseUrl}${url.pathname}?exp=${url.searchParams.get('exp')}&sig=${'A'.repeat(43)}`)
    expect(tampered.status).toBe(403)

    const alert = await until('the group alert', () =>
      s.emulator.messagesTo(group.groupId).find((m) => JSON.stringify(m.message).includes('HW-2569-000105')),
    )
    expect(JSON.stringify(alert.message)).toContain('หน้าต่างชั้นสองเปิดอยู่')
    await until('the group image', () => s.emulator.messagesTo(group.groupId).find((m) => m.message.type === 'image'))
    const [visit] = await s.db.db.select().from(patrolVisits).where(eq(patrolVisits.pointId, point.id))
    expect(visit?.ownerNotifiedAt).not.toBeNull()
    expect(visit?.photoBytesEnc).not.toContain(JPEG_1PX.slice(0, 20))
  })

  it('a red-box finding is posted to the group once, even when its job runs again after the commit', async () => {
    const member = s.emulator.createUser({ displayName: 'เวร 2' })
    const group = s.emulator.createGroup({ groupName: 'เวร สภ.เมืองระยอง 2', memberIds: [member.userId] })
    await s.emulator.joinGroup(group.groupId)
    await s.db.db.update(stations).set({ lineGroupId: group.groupId }).where(eq(stations.code, 'RYG'))
    const admin = apiAs(s, (await signInOfficer(s.db.db, { role: 'admin' })).headers)
    const box = await admin('POST', '/api/admin/patrol/points', {
      code: 'RB-905',
      nameTh: 'ตู้แดงหน้าตลาด',
      nameEn: 'Market red box',
      latitude: HOME.lat,
      longitude: HOME.lng,
    })
    expect(box.status, JSON.stringify(box.json)).toBe(201)
    const res = await patrol('POST', '/api/admin/patrol/check-ins', {
      code: 'RB-905',
      position: { ...HOME, accuracy: 8 },
      result: 'suspicious_person',
      note: 'ชายสวมหมวกกันน็อกยืนดูบ้านหลายหลัง',
    })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const posts = () => s.emulator.messagesTo(group.groupId).filter((m) => JSON.stringify(m.message).includes('RB-905'))
    await until('the group alert', () => posts()[0])
    // The worker died after its commit, before acknowledging: the job runs again and posts nothing more.
    const [visit] = await s.db.db
      .select()
      .from(patrolVisits)
      .where(eq(patrolVisits.pointId, String(box.json.id)))
    const again = await s.deps.houseWatchCheckIn.processors['house-watch-visit']({ visitId: String(visit?.id) }, {
      attempt: 2,
    } as never)
    expect(again).toBe('done')
    const written = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.to, group.groupId))
    expect(written.filter((m) => JSON.stringify(m.messages).includes('RB-905'))).toHaveLength(1)
    expect(posts()).toHaveLength(1)
  })

  it('a rescan that turns a normal visit into a finding still sends the finding at once', async () => {
    const { user, citizen } = await befriend(s, 'เจ้าของบ้าน 5')
    const { point } = await approvedWatch(s, { citizenId: citizen.id, code: 'HW-2569-000108' })
    const before = s.emulator.messagesTo(user.userId).length
    const first = await patrol('POST', '/api/admin/patrol/check-ins', normal({ code: 'HW-2569-000108' }))
    expect(first.status).toBe(201)
    const again = await patrol('POST', '/api/admin/patrol/check-ins', {
      code: 'HW-2569-000108',
      position: null,
      result: 'door_open',
      note: 'ประตูรั้วหลังบ้านเปิดอยู่',
    })
    expect(again.json).toMatchObject({ sameVisit: true, result: 'door_open' })
    const got = await s.emulator.waitForMessages(user.userId, before + 1)
    expect(JSON.stringify(got.at(-1)?.message)).toContain('ประตูรั้วหลังบ้านเปิดอยู่')
    const [visit] = await s.db.db.select().from(patrolVisits).where(eq(patrolVisits.pointId, point.id))
    await until('the finding mark', async () => {
      const [v] = await s.db.db
        .select()
        .from(patrolVisits)
        .where(eq(patrolVisits.id, visit?.id ?? ''))
      return v?.ownerNotifiedAt
    })
  })

  it('an each-visit owner hears of a normal visit once (a rescan sends nothing); a digest owner hears nothing', async () => {
    const each = await befriend(s, 'Owner each', 'en')
    const digest = await befriend(s, 'เจ้าของบ้าน digest')
    const e = await approvedWatch(s, {
      citizenId: each.citizen.id,
      code: 'HW-2569-000106',
      notify: 'each_visit',
      language: 'en',
    })
    const d = await approvedWatch(s, { citizenId: digest.citizen.id, code: 'HW-2569-000107' })
    const eachBefore = s.emulator.messagesTo(each.user.userId).length
    const digestBefore = s.emulator.messagesTo(digest.user.userId).length
    await patrol('POST', '/api/admin/patrol/check-ins', normal({ code: 'HW-2569-000106' }))
    const again = await patrol('POST', '/api/admin/patrol/check-ins', normal({ code: 'HW-2569-000106' }))
    expect(again.status).toBe(200)
    expect(again.json.sameVisit).toBe(true)
    await patrol('POST', '/api/admin/patrol/check-ins', normal({ code: 'HW-2569-000107' }))
    const got = await s.emulator.waitForMessages(each.user.userId, eachBefore + 1)
    expect(JSON.stringify(got.at(-1)?.message)).toContain('The patrol checked your house')
    await until('the each-visit mark', async () => {
      const [v] = await s.db.db.select().from(patrolVisits).where(eq(patrolVisits.pointId, e.point.id))
      return v?.ownerNotifiedAt
    })
    // Nothing more arrives: one notice for the visit, none for the digest owner (the daily summary tells them).
    await new Promise((r) => setTimeout(r, 500))
    expect(s.emulator.messagesTo(each.user.userId)).toHaveLength(eachBefore + 1)
    expect(s.emulator.messagesTo(digest.user.userId)).toHaveLength(digestBefore)
    const [dv] = await s.db.db.select().from(patrolVisits).where(eq(patrolVisits.pointId, d.point.id))
    expect(dv?.ownerNotifiedAt).toBeNull()
  })
})

it('PatrolError codes carry Thai and English', () => {
  const err = new PatrolError('watch_ended')
  expect(err.statusCode).toBe(409)
  expect(err.messageTh).toContain('สิ้นสุด')
})

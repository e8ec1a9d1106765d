import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { caseEvents, cases, houseWatches, outboundMessages } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { quickLabels } from '../../unit/lost-documents/chat-driver.js'
import {
  befriend,
  bkk,
  caseOf,
  insertPatrolOfficer,
  insertVisit,
  insertWatch,
  PHOTO,
  scheduleAt,
} from './fixtures-owner.js'

// Issue #13, points 6 and 7 with a controllable clock: the owners' daily summary at the station's hour (once per
// watch and day, two workers or not), the reminder the day before, the end-date question, expiry the day after.
// Dates are in 2030, so the stack's own clock (real time) never touches these watches.
let s: Stack
beforeAll(async () => {
  // LINE fetches image messages over HTTPS: the summary's photo link uses the public address.
  s = await startStack({ env: { PUBLIC_BASE_URL: 'https://rsz.example' } })
})
afterAll(async () => {
  await s?.close()
})

const pushes = (to: string, purpose: string) =>
  s.db.db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.to, to), eq(outboundMessages.purpose, purpose)))

describe('daily summary', () => {
  it("at the station's hour, once per watch and day with two workers: count, last visit, officer, latest photo", async () => {
    const { user, citizen } = await befriend(s, 'สมศรี สรุปรายวัน')
    const w = await insertWatch(s, { citizenId: citizen.id, startsOn: '2030-01-10', endsOn: '2030-01-20' })
    const officer = await insertPatrolOfficer(s, w.point.stationId)
    const withPhoto = await insertVisit(s, {
      point: w.point,
      officerId: officer.id,
      at: bkk('2030-01-11', 10),
      photo: true,
    })
    // A finding was pushed at once by the check-in (owner_notified_at set): it counts, it does not trigger.
    await insertVisit(s, {
      point: w.point,
      officerId: officer.id,
      at: bkk('2030-01-11', 12),
      result: 'door_open',
      notified: true,
    })
    await insertVisit(s, { point: w.point, officerId: officer.id, at: bkk('2030-01-11', 15, 30) })
    const clock = { now: bkk('2030-01-11', 19, 59) }
    const [a, b] = [scheduleAt(s, clock), scheduleAt(s, clock)]

    await a.tick()
    expect(await pushes(user.userId, 'house_watch_digest')).toHaveLength(0)

    clock.now = bkk('2030-01-11', 20, 1)
    await Promise.all([a.tick(), b.tick()])
    await a.tick()
    const sent = await pushes(user.userId, 'house_watch_digest')
    expect(sent).toHaveLength(1)
    const msgs = (await s.emulator.waitForMessages(user.userId, 4)).slice(2)
    const text = String(msgs[0]?.message.text)
    expect(text).toContain(w.referenceNumber)
    expect(text).toContain('3 ครั้ง')
    expect(text).toContain('11 ม.ค. 2573 15:30 น.')
    expect(text).toContain('ส.ต.อ. สมปอง ตรวจดี')
    expect(text).toContain(`house-watch/${w.caseId}`)
    const image = msgs[1]?.message as { type: string; originalContentUrl: string }
    expect(image.type).toBe('image')
    expect(image.originalContentUrl).toMatch(
      new RegExp(`^https://rsz\\.example/api/media/patrol-visits/${withPhoto.id}/photo\\?exp=\\d+&sig=`),
    )
    const photo = await s.app.inject({
      method: 'GET',
      url: image.originalContentUrl.replace('https://rsz.example', ''),
    })
    expect(photo.statusCode).toBe(200)
    expect(photo.rawPayload.equals(PHOTO)).toBe(true)
    const forged = await s.app.inject({
      method: 'GET',
      url: `/api/media/patrol-visits/${withPhoto.id}/photo?exp=9999999999&sig=${'A'.repeat(43)}`,
    })
    expect(forged.statusCode).toBe(403)
    expect((await caseOf(s, w.caseId)).w?.digestedUntil?.toISOString()).toBe(bkk('2030-01-11', 20).toISOString())

    // A visit after the hour belongs to the next day's summary; a day without visits sends nothing.
    await insertVisit(s, { point: w.point, officerId: officer.id, at: bkk('2030-01-11', 22) })
    clock.now = bkk('2030-01-12', 20, 5)
    await a.tick()
    expect(await pushes(user.userId, 'house_watch_digest')).toHaveLength(2)
    const next = (await s.emulator.waitForMessages(user.userId, 5))[4]
    expect(String(next?.message.text)).toContain('1 ครั้ง')
    clock.now = bkk('2030-01-13', 20, 5)
    await a.tick()
    expect(await pushes(user.userId, 'house_watch_digest')).toHaveLength(2)
  })

  it("an owner home early still hears of that day's visits in the last summary, once; a long-ended watch gets none", async () => {
    const { user, citizen } = await befriend(s, 'สมใจ กลับก่อน')
    const w = await insertWatch(s, { citizenId: citizen.id, startsOn: '2030-02-10', endsOn: '2030-02-20' })
    const officer = await insertPatrolOfficer(s, w.point.stationId)
    await insertVisit(s, { point: w.point, officerId: officer.id, at: bkk('2030-02-11', 10) })
    await insertVisit(s, { point: w.point, officerId: officer.id, at: bkk('2030-02-11', 13) })
    // "กลับบ้านแล้ว" at 15:00, before the day's summary.
    await s.db.db
      .update(houseWatches)
      .set({ endedAt: bkk('2030-02-11', 15), endReason: 'returned' })
      .where(eq(houseWatches.caseId, w.caseId))
    await s.db.db.update(cases).set({ status: 'completed' }).where(eq(cases.id, w.caseId))
    const clock = { now: bkk('2030-02-11', 20, 1) }
    await scheduleAt(s, clock).tick()
    const sent = await pushes(user.userId, 'house_watch_digest')
    expect(sent).toHaveLength(1)
    expect(JSON.stringify(sent[0]?.messages)).toContain('2 ครั้ง')
    clock.now = bkk('2030-02-12', 20, 1)
    await scheduleAt(s, clock).tick()
    expect(await pushes(user.userId, 'house_watch_digest')).toHaveLength(1)

    // A watch that ended weeks ago (before this summary existed) is not summarised now.
    const old = await befriend(s, 'สมพร จบนานแล้ว')
    const o = await insertWatch(s, { citizenId: old.citizen.id, startsOn: '2030-01-01', endsOn: '2030-01-05' })
    await insertVisit(s, { point: o.point, officerId: officer.id, at: bkk('2030-01-02', 10) })
    await s.db.db
      .update(houseWatches)
      .set({ endedAt: bkk('2030-01-02', 15), endReason: 'returned' })
      .where(eq(houseWatches.caseId, o.caseId))
    await scheduleAt(s, { now: bkk('2030-02-13', 20, 1) }).tick()
    expect(await pushes(old.user.userId, 'house_watch_digest')).toHaveLength(0)
  })

  it('an each-visit owner, already told of every visit, gets no summary', async () => {
    const { user, citizen } = await befriend(s, 'สมชาย ทุกครั้ง')
    const w = await insertWatch(s, {
      citizenId: citizen.id,
      startsOn: '2030-01-10',
      endsOn: '2030-01-20',
      notify: 'each_visit',
    })
    const officer = await insertPatrolOfficer(s, w.point.stationId)
    await insertVisit(s, { point: w.point, officerId: officer.id, at: bkk('2030-01-11', 10), notified: true })
    await scheduleAt(s, { now: bkk('2030-01-11', 20, 1) }).tick()
    expect(await pushes(user.userId, 'house_watch_digest')).toHaveLength(0)
  })
})

describe('lifecycle', () => {
  it('the reminder the day before the start, in the morning, once; the watch becomes active on its start date', async () => {
    const { user, citizen } = await befriend(s, 'สมหญิง เตือนก่อน')
    const w = await insertWatch(s, {
      citizenId: citizen.id,
      startsOn: '2030-02-10',
      endsOn: '2030-02-15',
      status: 'approved',
    })
    const clock = { now: bkk('2030-02-09', 7) }
    const a = scheduleAt(s, clock)
    await a.tick()
    expect(await pushes(user.userId, 'house_watch_reminder')).toHaveLength(0)
    clock.now = bkk('2030-02-09', 9, 5)
    await Promise.all([a.tick(), scheduleAt(s, clock).tick()])
    await a.tick()
    expect(await pushes(user.userId, 'house_watch_reminder')).toHaveLength(1)
    const [, , reminder] = await s.emulator.waitForMessages(user.userId, 3)
    expect(String(reminder?.message.text)).toContain('พรุ่งนี้ (10 กุมภาพันธ์ 2573) สายตรวจจะเริ่มดูแลบ้าน')
    expect(String(reminder?.message.text)).toContain('สติกเกอร์')
    expect((await caseOf(s, w.caseId)).c?.status).toBe('approved')
    clock.now = bkk('2030-02-10', 0, 30)
    await a.tick()
    expect((await caseOf(s, w.caseId)).c?.status).toBe('active')
  })

  it('on the end date "are you home?" with home / extend 3 / extend 7; without an answer it expires the next morning', async () => {
    const { user, citizen } = await befriend(s, 'สมพร ครบกำหนด')
    const w = await insertWatch(s, { citizenId: citizen.id, startsOn: '2030-03-01', endsOn: '2030-03-10' })
    const clock = { now: bkk('2030-03-10', 9, 10) }
    const a = scheduleAt(s, clock)
    await Promise.all([a.tick(), scheduleAt(s, clock).tick()])
    expect(await pushes(user.userId, 'house_watch_end_question')).toHaveLength(1)
    const [, , question] = await s.emulator.waitForMessages(user.userId, 3)
    expect(String(question?.message.text)).toContain('กลับถึงบ้านแล้วหรือยัง')
    expect(quickLabels(question)).toEqual(['กลับบ้านแล้ว', 'ขยาย 3 วัน', 'ขยาย 7 วัน'])

    // Not at night: the next morning.
    clock.now = bkk('2030-03-11', 0, 5)
    await a.tick()
    expect((await caseOf(s, w.caseId)).w?.endedAt).toBeNull()
    clock.now = bkk('2030-03-11', 9, 5)
    await a.tick()
    const { c, w: row, p } = await caseOf(s, w.caseId)
    expect(c?.status).toBe('completed')
    expect(row).toMatchObject({ endReason: 'expired' })
    expect(row?.endedAt?.toISOString()).toBe(clock.now.toISOString())
    expect(p?.active).toBe(false)
    const events = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, w.caseId))
    expect(events.find((e) => e.toStatus === 'completed')?.data).toMatchObject({ endReason: 'expired' })
    const [, , , told] = await s.emulator.waitForMessages(user.userId, 4)
    expect(String(told?.message.text)).toContain('สิ้นสุดแล้ว')
    await a.tick()
    expect(await pushes(user.userId, 'house_watch_expired')).toHaveLength(1)
  })
})

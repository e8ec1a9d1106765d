import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, bangkokDay } from '../../../bot/house-watch/lifecycle/days.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { befriend, caseOf, insertPatrolOfficer, insertVisit, insertWatch, PHOTO } from './fixtures-owner.js'

// Issue #13, point 6 (the visit log in the LIFF app) and point 10 (another citizen cannot reach it): the owner's
// API, behind a verified LINE ID token, answers only for the citizen's own watches.
let s: Stack
beforeAll(async () => {
  s = await startStack()
})
afterAll(async () => {
  await s?.close()
})

const today = bangkokDay(new Date())
const H = 3_600_000

function as(userId: string) {
  const authorization = `Bearer ${s.emulator.issueIdToken(userId)}`
  return (method: 'GET' | 'POST', url: string, body?: unknown) =>
    s.app.inject({
      method,
      url,
      headers: { authorization },
      ...(body === undefined ? {} : { payload: body as object }),
    })
}

async function watchWithVisits(name: string) {
  const { user, citizen } = await befriend(s, name)
  const w = await insertWatch(s, { citizenId: citizen.id, startsOn: addDays(today, -2), endsOn: addDays(today, 3) })
  const officer = await insertPatrolOfficer(s, w.point.stationId)
  const now = Date.now()
  const first = await insertVisit(s, { point: w.point, officerId: officer.id, at: new Date(now - 30 * H) })
  const second = await insertVisit(s, {
    point: w.point,
    officerId: officer.id,
    at: new Date(now - 2 * H),
    result: 'window_open',
    note: 'หน้าต่างชั้นสองเปิดอยู่ ปิดให้แล้ว',
    photo: true,
  })
  return { user, citizen, w, first, second }
}

describe("the owner's watches", () => {
  it('without a verified ID token: 401', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/liff/house-watch/mine' })).statusCode).toBe(401)
  })

  it('list, then one with its visit log (newest first, officer rank and name, result, note, photo)', async () => {
    const { user, w, first, second } = await watchWithVisits('สมศรี เจ้าของบ้าน')
    const call = as(user.userId)
    const list = await call('GET', '/api/liff/house-watch/mine')
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().watches).toEqual([
      expect.objectContaining({ caseId: w.caseId, running: true, visitCount: 2, statusTh: 'กำลังดูแล' }),
    ])
    const one = await call('GET', `/api/liff/house-watch/${w.caseId}`)
    expect(one.statusCode, one.body).toBe(200)
    const { watch, visits } = one.json()
    expect(watch).toMatchObject({ referenceNumber: w.referenceNumber, endsOn: addDays(today, 3), maxDays: 30 })
    expect(watch.extendUntil).toBe(addDays(today, 29))
    expect(visits.map((v: { id: string }) => v.id)).toEqual([second.id, first.id])
    expect(visits[0]).toMatchObject({
      officer: 'ส.ต.อ. สมปอง ตรวจดี',
      result: 'window_open',
      resultTh: 'หน้าต่างเปิดอยู่',
      note: 'หน้าต่างชั้นสองเปิดอยู่ ปิดให้แล้ว',
      hasPhoto: true,
    })
    const photo = await call('GET', `/api/liff/house-watch/${w.caseId}/visits/${second.id}/photo`)
    expect(photo.statusCode).toBe(200)
    expect(photo.headers['content-type']).toBe('image/jpeg')
    expect(photo.rawPayload.equals(PHOTO)).toBe(true)
    expect((await call('GET', `/api/liff/house-watch/${w.caseId}/visits/${first.id}/photo`)).statusCode).toBe(404)
  })

  it('another citizen gets 404 for the watch, its visits, its photos, end and extend; nothing changes', async () => {
    const { w, second } = await watchWithVisits('สมชาย เจ้าของจริง')
    const { user: other } = await befriend(s, 'คนอื่น ลองดู')
    const call = as(other.userId)
    expect((await call('GET', '/api/liff/house-watch/mine')).json().watches).toEqual([])
    for (const res of [
      await call('GET', `/api/liff/house-watch/${w.caseId}`),
      await call('GET', `/api/liff/house-watch/${w.caseId}/visits/${second.id}/photo`),
      await call('POST', `/api/liff/house-watch/${w.caseId}/end`),
      await call('POST', `/api/liff/house-watch/${w.caseId}/extend`, { days: 3 }),
    ]) {
      expect(res.statusCode, res.body).toBe(404)
      expect(res.json().error.code).toBe('not_found')
      expect(res.body).not.toContain('สมชาย')
    }
    const { w: row, c } = await caseOf(s, w.caseId)
    expect(row).toMatchObject({ endedAt: null, endsOn: addDays(today, 3) })
    expect(c?.status).toBe('active')
  })

  it('extend: capped at the longest watch from today; bad input 400; "I\'m home" ends it, a second time 409', async () => {
    const { user, w } = await watchWithVisits('สมหญิง ขยายผ่านแอป')
    const call = as(user.userId)
    expect((await call('POST', `/api/liff/house-watch/${w.caseId}/extend`, { days: 0 })).statusCode).toBe(400)
    const seven = await call('POST', `/api/liff/house-watch/${w.caseId}/extend`, { days: 7 })
    expect(seven.statusCode, seven.body).toBe(200)
    expect(seven.json().watch.endsOn).toBe(addDays(today, 10))
    const capped = await call('POST', `/api/liff/house-watch/${w.caseId}/extend`, { days: 60 })
    expect(capped.json().watch.endsOn).toBe(addDays(today, 29))
    const over = await call('POST', `/api/liff/house-watch/${w.caseId}/extend`, { days: 1 })
    expect(over.statusCode).toBe(409)
    expect(over.json().error.code).toBe('house_watch_extend_limit')

    const end = await call('POST', `/api/liff/house-watch/${w.caseId}/end`)
    expect(end.statusCode, end.body).toBe(200)
    expect(end.json().watch).toMatchObject({ running: false, status: 'completed', endReason: 'returned' })
    expect((await caseOf(s, w.caseId)).p?.active).toBe(false)
    const again = await call('POST', `/api/liff/house-watch/${w.caseId}/end`)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('house_watch_not_running')
  })

  it('"I\'m home" before the watch started cancels it (the case never became active)', async () => {
    const { user, citizen } = await befriend(s, 'สมปอง ไม่ได้ไป')
    const w = await insertWatch(s, {
      citizenId: citizen.id,
      startsOn: addDays(today, 3),
      endsOn: addDays(today, 6),
      status: 'approved',
    })
    const end = await as(user.userId)('POST', `/api/liff/house-watch/${w.caseId}/end`)
    expect(end.statusCode, end.body).toBe(200)
    expect(end.json().watch).toMatchObject({ running: false, status: 'cancelled', endReason: 'returned' })
    expect((await caseOf(s, w.caseId)).p?.active).toBe(false)
  })
})

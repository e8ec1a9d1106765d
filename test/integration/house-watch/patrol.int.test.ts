import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dashboard } from '../../../bot/contracts/admin-api.js'
import type { Coverage, PatrolToday } from '../../../bot/contracts/patrol.js'
import { coverageCsv } from '../../../bot/house-watch/coverage/coverage.csv.js'
import { createCoverage } from '../../../bot/house-watch/coverage/coverage.js'
import { createPatrolToday } from '../../../bot/house-watch/patrol/today.js'
import { auditLog } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiAs } from '../cases/fixtures.js'
import { bkk, dayPlus, house, patrolScene, redBox, stationB, todayBangkok } from './patrol-fixtures.js'

// Issue #13, points 4, 8 (coverage) and 9: today's patrol round in route order with this shift's visits, a shift's
// coverage (visited, missed, flagged) and its CSV, the dashboard block; station-scoped and permission-checked.
let s: Stack
let D = ''
let patrol: TestOfficer
let supervisor: TestOfficer
let viewer: TestOfficer
let patrolB: TestOfficer
let supervisorB: TestOfficer

beforeAll(async () => {
  s = await startStack({ worker: false })
  D = todayBangkok()
  const b = (await stationB(s)).id
  patrol = await signInOfficer(s.db.db, { role: 'patrol_officer', displayName: 'ส.ต.อ. ตรวจดี' })
  supervisor = await signInOfficer(s.db.db, { role: 'supervisor' })
  viewer = await signInOfficer(s.db.db, { role: 'viewer' })
  patrolB = await signInOfficer(s.db.db, { role: 'patrol_officer', stationId: b })
  supervisorB = await signInOfficer(s.db.db, { role: 'supervisor', stationId: b })
  const { stationId: a } = await patrolScene(s, D, patrol.id)
  // What must stay off the round: an inactive box, another station's box, houses not watched today.
  await redBox(s, a, 'RB-003', { lat: 12.681, lng: 101.281 }, { active: false })
  await redBox(s, b, 'RB-B01', { lat: 12.7262, lng: 101.063 })
  const soon = { startsOn: dayPlus(D, 1), endsOn: dayPlus(D, 5), status: 'approved' }
  await house(s, 'HW-000002', { lat: 12.682, lng: 101.282 }, soon)
  const ended = {
    startsOn: dayPlus(D, -5),
    endsOn: dayPlus(D, 5),
    status: 'completed',
    endedAt: bkk(dayPlus(D, -3), '12:00'),
  }
  await house(s, 'HW-000003', { lat: 12.683, lng: 101.283 }, ended)
  const pending = { startsOn: dayPlus(D, -1), endsOn: dayPlus(D, 5), status: 'submitted' }
  await house(s, 'HW-000004', { lat: 12.684, lng: 101.284 }, pending)
}, 120_000)
afterAll(async () => {
  await s?.close()
})

describe('patrol: today (happy)', () => {
  it("lists today's watched houses and active red boxes of the station, in route order, with this shift's visits", async () => {
    const res = await apiAs(s, patrol.headers)<PatrolToday>('GET', '/api/admin/patrol/today')
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const t = res.json
    expect(t.date).toBe(D)
    expect(t.start).toEqual({ lat: 12.68, lng: 101.28 })
    // Nearest first (box 2, 1.09 km east), then the house north of it, then box 1 west of the house.
    expect(t.stops.map((x) => x.code)).toEqual(['RB-002', 'HW-000001', 'RB-001'])
    expect(t.stops.map((x) => x.order)).toEqual([1, 2, 3])
    const [first, h1, rb1] = t.stops
    expect(first?.legMeters).toBeGreaterThan(1000)
    expect(h1?.visits).toHaveLength(1)
    expect(h1?.visits[0]?.officerName).toBe('ส.ต.อ. ตรวจดี')
    expect(h1?.address).toBe('99/1 ม.4 ซ.ยมจินดา 3 ถ.ยมจินดา ต.ท่าประดู่')
    expect(h1?.notes).toContain('สุนัข')
    // Box 1 was visited yesterday, not in this shift.
    expect(rb1?.visits).toEqual([])
    expect(rb1?.lastVisit?.at).toBe(bkk(dayPlus(D, -1), '09:00').toISOString())
    expect(t.totalMeters).toBe(t.stops.reduce((n, x) => n + x.legMeters, 0))
  })

  it("shows a patrol nothing personal beyond the doorstep (no owner's name, no phone) and audits the read", async () => {
    const res = await apiAs(s, patrol.headers)('GET', '/api/admin/patrol/today')
    const body = JSON.stringify(res.json)
    expect(body).not.toContain('สมศรี')
    expect(body).not.toContain('5678')
    expect(body).not.toContain('secret')
    const rows = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'patrol.today.view'))
    expect(rows.some((r) => r.officerId === patrol.id && r.entityType === 'patrol_round' && r.entityId === D)).toBe(
      true,
    )
  })
})

describe('patrol: security', () => {
  it('a viewer reaches neither the round nor the coverage; a patrol officer not the coverage', async () => {
    expect((await apiAs(s, viewer.headers)('GET', '/api/admin/patrol/today')).status).toBe(403)
    expect((await apiAs(s, viewer.headers)('GET', '/api/admin/patrol/coverage')).status).toBe(403)
    expect((await apiAs(s, patrol.headers)('GET', '/api/admin/patrol/coverage')).status).toBe(403)
    expect((await apiAs(s, patrol.headers)('GET', '/api/admin/patrol/coverage.csv')).status).toBe(403)
    expect((await apiAs(s, {})('GET', '/api/admin/patrol/today')).status).toBe(401)
  })

  it("officers of another station see their own station's points only", async () => {
    const round = await apiAs(s, patrolB.headers)<PatrolToday>('GET', '/api/admin/patrol/today')
    expect(round.status).toBe(200)
    expect(round.json.stops.map((x) => x.code)).toEqual(['RB-B01'])
    const cov = await apiAs(s, supervisorB.headers)<Coverage>(
      'GET',
      `/api/admin/patrol/coverage?date=${dayPlus(D, -1)}&shift=morning`,
    )
    expect(cov.json.points.map((p) => p.code)).toEqual(['RB-B01'])
    expect(cov.json.points[0]?.visits).toEqual([])
  })

  it('refuses an unknown shift and a shift that has not started, with a code', async () => {
    const api = apiAs(s, supervisor.headers)
    const unknown = await api<{ error: { code: string } }>('GET', '/api/admin/patrol/coverage?shift=lunch')
    expect(unknown.status).toBe(400)
    expect(unknown.json.error.code).toBe('bad_request')
    const future = await api('GET', `/api/admin/patrol/coverage?date=${dayPlus(D, 2)}&shift=morning`)
    expect(future.status).toBe(400)
    expect((await api('GET', '/api/admin/patrol/coverage?date=2026-13-40')).status).toBe(400)
  })
})

describe('patrol: coverage of a shift', () => {
  it('yesterday morning: box 1 visited, the house visited but flagged (far), box 2 missed', async () => {
    const res = await apiAs(s, supervisor.headers)<Coverage>(
      'GET',
      `/api/admin/patrol/coverage?date=${dayPlus(D, -1)}&shift=morning`,
    )
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const by = Object.fromEntries(res.json.points.map((p) => [p.code, p]))
    expect(Object.keys(by).sort()).toEqual(['HW-000001', 'RB-001', 'RB-002'])
    expect(by['RB-001']).toMatchObject({ status: 'visited', flagged: false })
    expect(by['HW-000001']).toMatchObject({ status: 'visited', flagged: true })
    expect(by['HW-000001']?.visits[0]).toMatchObject({ gpsCheck: 'far', distanceMeters: 450 })
    expect(by['RB-002']).toMatchObject({ status: 'missed', flagged: false, visits: [] })
    expect(res.json.totals).toEqual({ points: 3, visited: 2, missed: 1, due: 0, flagged: 1, visits: 2 })
  })

  it('with a controllable clock: a running shift has points due, and they are missed once it ends', async () => {
    const audit = s.deps.officers.audit
    const who = { officerId: supervisor.id, stationId: supervisor.stationId, displayName: 'x' }
    const q = { date: D, shift: 'morning' }
    const during = createCoverage({ db: s.db.db, audit, now: () => bkk(D, '10:00') })
    const running = await during.report(who, q)
    expect(running.points.map((p) => p.status)).toEqual(['due', 'due', 'due'])
    const after = createCoverage({ db: s.db.db, audit, now: () => bkk(D, '16:30') })
    expect((await after.report(who, q)).totals).toMatchObject({ missed: 3, due: 0 })
    // The default is the shift the clock is in.
    expect((await during.report(who, {})).shift).toMatchObject({ date: D, key: 'morning' })
  })

  it("today's round follows the clock's shift: at yesterday 10:00 the far visit is this shift's", async () => {
    const today = createPatrolToday({
      db: s.db.db,
      audit: s.deps.officers.audit,
      now: () => bkk(dayPlus(D, -1), '10:30'),
    })
    const who = { officerId: patrol.id, stationId: patrol.stationId, displayName: 'x' }
    const round = await today.today(who)
    expect(round.shift).toMatchObject({ key: 'morning', date: dayPlus(D, -1) })
    const h1 = round.stops.find((x) => x.code === 'HW-000001')
    expect(h1?.visits.map((v) => v.gpsCheck)).toEqual(['far'])
  })

  it('exports it as Thai-friendly CSV (BOM, Thai headers, BE dates), and the export is audited', async () => {
    const res = await fetch(`${s.baseUrl}/api/admin/patrol/coverage.csv?date=${dayPlus(D, -1)}&shift=morning`, {
      headers: supervisor.headers,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain(`patrol-coverage-${dayPlus(D, -1)}-morning.csv`)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toContain('วันที่ (พ.ศ.),ผลัด,รหัสจุด')
    const [y, m, d] = dayPlus(D, -1).split('-')
    const be = `${d}/${m}/${Number(y) + 543}`
    const houseRow = lines.find((l) => l.includes('HW-000001')) ?? ''
    expect(houseRow).toContain(be)
    expect(houseRow).toContain('เวรเช้า')
    expect(houseRow).toContain('ห่างจากจุด')
    expect(houseRow).toContain(',450,')
    expect(houseRow).toContain('10:00')
    expect(lines.find((l) => l.includes('RB-002'))).toContain('ไม่ได้ตรวจ')
    expect(lines).toHaveLength(4)
    const audits = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'patrol.coverage.export'))
    expect(audits.map((a) => a.entityId)).toContain(`${dayPlus(D, -1)}/morning`)
  })

  it('guards cells a spreadsheet would run as formulas', () => {
    const csv = coverageCsv({
      shift: { key: 'morning', nameTh: '=cmd', nameEn: 'x', date: '2026-12-01', from: '', to: '' },
      shifts: [],
      start: null,
      points: [],
      totals: { points: 0, visited: 0, missed: 0, due: 0, flagged: 0, visits: 0 },
    })
    expect(csv).not.toContain(',=cmd')
  })
})

describe('dashboard: the house-watch block', () => {
  it('counts watches and boxes, per shift due/visited/missed, flagged visits and findings', async () => {
    const res = await apiAs(s, supervisor.headers)<Dashboard>('GET', '/api/admin/dashboard')
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const hw = res.json.houseWatch
    expect(hw.activeWatches).toBe(1)
    expect(hw.activeRedBoxes).toBe(2)
    expect(hw.perShift.find((x) => x.date === dayPlus(D, -1) && x.shiftKey === 'morning')).toEqual({
      date: dayPlus(D, -1),
      shiftKey: 'morning',
      due: 3,
      visited: 2,
      missed: 1,
      visits: 2,
    })
    expect(hw.flaggedVisits).toBe(1)
    expect(hw.findings).toEqual([{ result: 'damage', count: 1 }])
  })
})

import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog, cases, houseWatches, patrolPoints, stations } from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Api, apiAs } from '../cases/fixtures.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'
import { day, enrolment } from './fixtures-enrol.js'

// Issue #13, acceptance 3 (approval) and the settings behind it: 'duty_officer' keeps a request in the inbox as
// 'submitted' until an officer with cases.act approves it (patrol point, owner told with the page's button) or
// refuses it with a reason (owner told why); the settings API is validated, permissioned and audited.
const s = lostDocumentStack()
let admin: Api
let duty: Api
let viewer: Api
let otherStation: Api
const DEFAULTS = {
  approval: 'auto',
  maxDays: 30,
  gpsToleranceMeters: 100,
  purgeAfterDays: 30,
  digestHour: 20,
  shifts: [
    { key: 'night', nameTh: 'เวรดึก', nameEn: 'Night', start: '00:00' },
    { key: 'morning', nameTh: 'เวรเช้า', nameEn: 'Morning', start: '08:00' },
    { key: 'afternoon', nameTh: 'เวรบ่าย', nameEn: 'Afternoon', start: '16:00' },
  ],
}

beforeAll(async () => {
  admin = apiAs(s, (await signInOfficer(s.db.db, { role: 'admin' })).headers)
  duty = apiAs(s, (await signInOfficer(s.db.db, { role: 'duty_officer', displayName: 'ร.ต.ต. เวร' })).headers)
  viewer = apiAs(s, (await signInOfficer(s.db.db, { role: 'viewer' })).headers)
  const [other] = await s.db.db
    .insert(stations)
    .values({
      code: 'HWX',
      nameTh: 'สถานีทดสอบ',
      nameEn: 'Test Station',
      addressTh: 'ระยอง',
      addressEn: 'Rayong',
      phone: '038-000-001',
    })
    .returning()
  otherStation = apiAs(s, (await signInOfficer(s.db.db, { role: 'admin', stationId: other?.id ?? '' })).headers)
})

async function enrolAs(name: string, over: Record<string, unknown> = {}) {
  const { user, token } = s.person(name)
  await s.emulator.follow(user.userId)
  await s.emulator.waitForMessages(user.userId, 2)
  const res = await s.call('/api/liff/house-watch', { method: 'POST', token, body: enrolment(over) })
  expect(res.status, res.text).toBe(201)
  return { user, body: res.json() }
}

describe('house-watch settings API', () => {
  it('defaults until saved; bad values → 400; a viewer cannot change them; saved and audited', async () => {
    expect((await admin('GET', '/api/admin/house-watch/settings')).json).toEqual(DEFAULTS)
    const bad = [
      { ...DEFAULTS, shifts: [] },
      { ...DEFAULTS, shifts: [{ key: 'day', nameTh: 'เวร', nameEn: 'Day', start: '25:00' }] },
      { ...DEFAULTS, shifts: [DEFAULTS.shifts[0], { ...DEFAULTS.shifts[1], key: 'night' }] },
      { ...DEFAULTS, maxDays: 0 },
      { ...DEFAULTS, digestHour: 24 },
      { ...DEFAULTS, approval: 'sometimes' },
    ]
    for (const body of bad) {
      const res = await admin('PUT', '/api/admin/house-watch/settings', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    expect((await viewer('PUT', '/api/admin/house-watch/settings', DEFAULTS)).status).toBe(403)
    expect((await duty('PUT', '/api/admin/house-watch/settings', DEFAULTS)).status).toBe(403)
    const next = { ...DEFAULTS, approval: 'duty_officer', maxDays: 14 }
    const saved = await admin('PUT', '/api/admin/house-watch/settings', next)
    expect(saved.status, JSON.stringify(saved.json)).toBe(200)
    expect(saved.json).toEqual(next)
    expect((await duty('GET', '/api/admin/house-watch/settings')).json).toEqual(next)
    // Another station's admin has its own settings.
    expect((await otherStation('GET', '/api/admin/house-watch/settings')).json).toEqual(DEFAULTS)
    const audits = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'house_watch_settings.update'))
    expect(audits.at(-1)?.details).toMatchObject({ approval: { from: 'auto', to: 'duty_officer' } })
  })
})

describe('duty-officer approval', () => {
  it('waits as submitted (no point) → the duty officer approves: point made, owner messaged with the page', async () => {
    const { user, body } = await enrolAs('รอ อนุมัติ', { startsOn: day(2), endsOn: day(8) })
    expect(body).toMatchObject({ status: 'submitted', approved: false })
    const receipt = (await s.emulator.waitForMessages(user.userId, 3))[2]
    expect(JSON.stringify(receipt?.message)).toContain('เจ้าหน้าที่เวร')
    expect(await s.db.db.select().from(patrolPoints).where(eq(patrolPoints.caseId, body.caseId))).toEqual([])
    const [c] = await s.db.db.select().from(cases).where(eq(cases.id, body.caseId))
    expect(c?.dueAt).not.toBeNull()

    // The case page shows the summary, the phone masked and revealable.
    const detail = await duty('GET', `/api/admin/cases/${body.caseId}`)
    const text = JSON.stringify(detail.json)
    expect(text).toContain('การฝากบ้าน')
    expect(text).toContain('••••••')
    expect(text).not.toContain('0812345678')
    expect((detail.json as { case: { revealable: string[] } }).case.revealable).toContain('phone')

    expect((await viewer('POST', `/api/admin/cases/${body.caseId}/status`, { status: 'approved' })).status).toBe(403)
    expect((await otherStation('POST', `/api/admin/cases/${body.caseId}/status`, { status: 'approved' })).status).toBe(
      404,
    )
    const ok = await duty('POST', `/api/admin/cases/${body.caseId}/status`, { status: 'approved' })
    expect(ok.status, JSON.stringify(ok.json)).toBe(200)
    const [after] = await s.db.db.select().from(cases).where(eq(cases.id, body.caseId))
    expect(after?.status).toBe('approved') // the absence starts in two days
    const [point] = await s.db.db.select().from(patrolPoints).where(eq(patrolPoints.caseId, body.caseId))
    expect(point).toMatchObject({ kind: 'house', qrVersion: 1, code: body.referenceNumber.replace(/^RYG-/, '') })
    const [w] = await s.db.db.select().from(houseWatches).where(eq(houseWatches.caseId, body.caseId))
    expect(w?.approvedBy).not.toBeNull()
    const told = (await s.emulator.waitForMessages(user.userId, 4))[3]
    const message = JSON.stringify(told?.message)
    expect(message).toContain('อนุมัติการฝากบ้านแล้ว')
    expect(message).toContain(`/house-watch/${body.caseId}`)
  })

  it('a refusal needs the reason, which the owner is told; no point', async () => {
    const { user, body } = await enrolAs('ไม่ อนุมัติ', { address: { ...enrolment().address, houseNo: '99' } })
    const noReason = await duty('POST', `/api/admin/cases/${body.caseId}/status`, { status: 'rejected' })
    expect(noReason.status).toBe(400)
    const res = await duty('POST', `/api/admin/cases/${body.caseId}/status`, {
      status: 'rejected',
      message: 'หมุดไม่ตรงกับบ้านเลขที่ กรุณาส่งคำขอใหม่',
    })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const [w] = await s.db.db.select().from(houseWatches).where(eq(houseWatches.caseId, body.caseId))
    expect(w).toMatchObject({ endReason: 'rejected' })
    expect(await s.db.db.select().from(patrolPoints).where(eq(patrolPoints.caseId, body.caseId))).toEqual([])
    const told = (await s.emulator.waitForMessages(user.userId, 4))[3]
    expect(JSON.stringify(told?.message)).toContain('หมุดไม่ตรงกับบ้านเลขที่')
  })
})

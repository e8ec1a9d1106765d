import { readFileSync } from 'node:fs'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, cameras } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'

// Issue #15, points 1 and 6: the CSV import (bad rows by line, all or nothing, good rows, re-import by code), the
// counts after the sample import (132 / 86 / 198), list filters, create / edit / retire, who sees what.
const SAMPLE = readFileSync(new URL('../../../bot/cameras/seed/rayong-cameras.csv', import.meta.url), 'utf8')
const HEADER =
  'code,name,owner_type,owner_name,latitude,longitude,direction_deg,fov_deg,range_m,covers,retention_days,live_view,status'

let s: Stack
let admin: TestOfficer
let patrol: TestOfficer
beforeAll(async () => {
  s = await startStack()
  admin = await signInOfficer(s.db.db, { role: 'admin' })
  patrol = await signInOfficer(s.db.db, { role: 'patrol_officer' })
})
afterAll(async () => {
  await s?.close()
})

const as = (o: TestOfficer) => (method: 'GET' | 'POST' | 'PATCH', url: string, body?: object) =>
  s.app.inject({ method, url, headers: o.headers, ...(body ? { payload: body } : {}) })

describe('CSV import', () => {
  it('a file with bad rows: each reported by line with the reason, nothing saved', async () => {
    const csv = [
      HEADER,
      'T-1,แยกหนึ่ง,police,,12.68,101.27,0,90,40,,30,yes,active',
      'T-2,ผิดประเภท,neighbour,,12.68,101.27,0,90,40,,30,yes,active',
      'T-3,ผิดพิกัด,agency,,12.68,east,0,90,40,,14,no,active',
      'T-4,หน้าร้าน,เอกชน,ร้านป้า,12.681,101.271,45,90,20,หน้าร้าน,7,ไม่,ใช้งาน',
    ].join('\r\n')
    const res = await as(admin)('POST', '/api/admin/cameras/import', { csv: `\uFEFF${csv}` })
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ mode: 'all', saved: false, created: 0, updated: 0 })
    expect(body.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [3, 'T-2'],
      [4, 'T-3'],
    ])
    expect(body.problems[0].reason).toContain('owner_type')
    expect(body.problems[1].reason).toContain('longitude')
    const saved = await s.db.db.select().from(cameras).where(eq(cameras.code, 'T-1'))
    expect(saved).toEqual([])

    const good = await as(admin)('POST', '/api/admin/cameras/import', { csv, mode: 'good_rows' })
    expect(good.json()).toMatchObject({ mode: 'good_rows', saved: true, created: 2, updated: 0 })
    expect(good.json().problems).toHaveLength(2)
    const [t4] = await s.db.db.select().from(cameras).where(eq(cameras.code, 'T-4'))
    expect(t4).toMatchObject({ ownerType: 'private', liveView: false, status: 'active', verification: 'verified' })
    await s.db.db.delete(cameras).where(eq(cameras.stationId, admin.stationId))
  })

  it('the sample: 416 cameras, counts 132 / 86 / 198; a re-import updates by code', async () => {
    const first = await as(admin)('POST', '/api/admin/cameras/import', { csv: SAMPLE })
    expect(first.json()).toMatchObject({ saved: true, created: 416, updated: 0, problems: [] })
    const stats = (await as(patrol)('GET', '/api/admin/cameras/stats')).json()
    expect(stats.byOwnerType).toEqual({ police: 132, agency: 86, private: 198 })
    expect(stats.total).toBe(416)
    expect(stats.byStatus.active + stats.byStatus.offline).toBe(416)

    const changed = SAMPLE.replace(/^(RYG-P-001,)[^,]*/m, '$1แยกหน้าสถานี (แก้ไข)')
    const again = await as(admin)('POST', '/api/admin/cameras/import', { csv: changed })
    expect(again.json()).toMatchObject({ saved: true, created: 0, updated: 416 })
    const [p1] = await s.db.db.select().from(cameras).where(eq(cameras.code, 'RYG-P-001'))
    expect(p1?.name).toBe('แยกหน้าสถานี (แก้ไข)')
    expect((await as(admin)('GET', '/api/admin/cameras/stats')).json().total).toBe(416)
    const audits = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'camera.import'))
    expect(audits.length).toBeGreaterThanOrEqual(2)
  })

  it('needs cameras.edit: a patrol officer gets 403', async () => {
    const res = await as(patrol)('POST', '/api/admin/cameras/import', { csv: SAMPLE })
    expect(res.statusCode).toBe(403)
  })
})

describe('list, create, edit, retire', () => {
  it('filters by owner type, status and text', async () => {
    const agency = (await as(patrol)('GET', '/api/admin/cameras?ownerType=agency')).json()
    expect(agency.total).toBe(86)
    expect(agency.items.every((c: { ownerType: string }) => c.ownerType === 'agency')).toBe(true)
    const offline = (await as(patrol)('GET', '/api/admin/cameras?status=offline')).json()
    expect(offline.items.every((c: { status: string }) => c.status === 'offline')).toBe(true)
    const text = (await as(patrol)('GET', `/api/admin/cameras?q=${encodeURIComponent('RYG-V-01')}`)).json()
    expect(text.items.map((c: { code: string }) => c.code)).toEqual(
      Array.from({ length: 10 }, (_, i) => `RYG-V-01${i}`),
    )
  })

  it('create, edit, retire (audited); a taken code is 409', async () => {
    const created = await as(admin)('POST', '/api/admin/cameras', {
      code: 'RYG-P-900',
      name: 'แยกใหม่',
      ownerType: 'police',
      latitude: 12.682,
      longitude: 101.274,
      directionDeg: 180,
      fieldOfViewDeg: 90,
      retentionDays: 30,
      liveView: true,
    })
    expect(created.statusCode, created.body).toBe(201)
    const id = created.json().camera.id
    expect(
      (await as(admin)('POST', '/api/admin/cameras', { ...created.json().camera, id: undefined })).statusCode,
    ).toBe(409)
    const edited = await as(admin)('PATCH', `/api/admin/cameras/${id}`, { name: 'แยกใหม่ (หน้าตลาด)', status: 'offline' })
    expect(edited.json().camera).toMatchObject({ name: 'แยกใหม่ (หน้าตลาด)', status: 'offline' })
    const retired = await as(admin)('POST', `/api/admin/cameras/${id}/retire`)
    expect(retired.json().camera.status).toBe('removed')
    const actions = await s.db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'camera'), eq(auditLog.entityId, id)))
    expect(actions.map((a) => a.action).sort()).toEqual(['camera.create', 'camera.retire', 'camera.update'])
    expect((await as(patrol)('PATCH', `/api/admin/cameras/${id}`, { name: 'x' })).statusCode).toBe(403)
  })

  it('cameras.read sees verified cameras only; cameras.edit also the pending queue', async () => {
    const [pending] = await s.db.db
      .insert(cameras)
      .values({
        stationId: admin.stationId,
        code: 'RYG-L-PENDING1',
        name: 'กล้องรอตรวจ',
        ownerType: 'private',
        latitude: 12.68,
        longitude: 101.27,
        verification: 'pending',
      })
      .returning()
    const id = pending?.id ?? ''
    expect((await as(patrol)('GET', `/api/admin/cameras/${id}`)).statusCode).toBe(404)
    const seen = (await as(patrol)('GET', '/api/admin/cameras?verification=pending')).json()
    expect(seen.items.some((c: { id: string }) => c.id === id)).toBe(false)
    const queue = (await as(admin)('GET', '/api/admin/cameras?verification=pending')).json()
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(id)
    expect((await as(admin)('GET', '/api/admin/cameras/stats')).json().pending).toBeGreaterThanOrEqual(1)
  })
})

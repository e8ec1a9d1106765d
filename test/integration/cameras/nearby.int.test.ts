import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { camerasNear } from '../../../bot/cameras/nearby.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiAs, fileCase, station } from '../cases/fixtures.js'
import { east, insertCamera, LAT, LNG, north } from './camera-fixtures.js'

// Issue #15 point 3: cameras near a case. The test set sits around one point at known distances; this file owns the
// area (no other test of the file puts cameras there), so the expected order is exact.
let s: Stack
// The machine may be loaded: starting the stack (PGlite, migrations) gets more than the default minute.
beforeAll(async () => {
  s = await startStack()
}, 180_000)
afterAll(async () => {
  await s?.close()
})

const DAY = 86_400_000

describe('cameras near a point', () => {
  it('exact order by distance (ties by code); unverified, removed, other stations and far ones left out', async () => {
    const st = await station(s)
    const other = await station(s, 'BKK').catch(() => null)
    const add = (code: string, dN: number, dE: number, more = {}) =>
      insertCamera(s, st.id, { code, latitude: north(dN), longitude: east(dE), ...more })
    await add('N-050', 50, 0)
    await add('B-100', 0, -100)
    await add('A-100', 100, 0, { ownerType: 'agency', ownerName: 'เทศบาลนครระยอง', retentionDays: 30 })
    await add('S-120', -120, 0, { ownerType: 'private', retentionDays: 2 })
    await add('E-250', 0, 250, { retentionDays: null })
    await add('CORNER', 250, 250) // inside the bounding box, 354 m away
    await add('FAR', 800, 0)
    await add('PENDING', 10, 0, { verification: 'pending', ownerType: 'private' })
    await add('GONE', 20, 0, { status: 'removed' })
    await add('OFFLINE', 0, 280, { status: 'offline' })
    if (other) {
      await insertCamera(s, other.id, { code: 'OTHER', latitude: north(5), longitude: LNG })
    }
    const now = new Date()
    const at = new Date(now.getTime() - 3 * DAY)
    const list = await camerasNear(s.db.db, { stationId: st.id, lat: LAT, lng: LNG, radiusMeters: 300, at, now })
    expect(list.map((c) => c.code)).toEqual(['N-050', 'A-100', 'B-100', 'S-120', 'E-250', 'OFFLINE'])
    expect(list.map((c) => Math.round(c.distanceMeters))).toEqual([50, 100, 100, 120, 250, 280])
    expect(list.map((c) => c.retention)).toEqual(['inside', 'inside', 'inside', 'outside', 'unknown', 'inside'])
  })

  it('the case route: no location → null; the officer sets a pin (once); the list and the summary in Thai and English', async () => {
    const duty = apiAs(s, (await signInOfficer(s.db.db, { role: 'duty_officer' })).headers)
    const patrol = apiAs(s, (await signInOfficer(s.db.db, { role: 'patrol_officer' })).headers)
    const c = await fileCase(s, { kind: 'lost_document' })
    const before = await duty<{ location: unknown; items: unknown[] }>('GET', `/api/admin/cases/${c.id}/cameras`)
    expect(before.status, JSON.stringify(before.json)).toBe(200)
    expect(before.json.location).toBeNull()

    // A patrol officer reads cameras (cameras.read) but does not act on cases (cases.act).
    const denied = await patrol('PUT', `/api/admin/cases/${c.id}/location`, { latitude: LAT, longitude: LNG })
    expect(denied.status).toBe(403)
    const put = await duty('PUT', `/api/admin/cases/${c.id}/location`, { latitude: LAT, longitude: LNG })
    expect(put.status, JSON.stringify(put.json)).toBe(200)
    const again = await duty<{ error: { code: string } }>('PUT', `/api/admin/cases/${c.id}/location`, {
      latitude: LAT,
      longitude: LNG,
    })
    expect(again.status).toBe(409)
    expect(again.json.error.code).toBe('location_exists')

    const at = new Date(Date.now() - 3 * DAY - 60_000).toISOString()
    const res = await patrol<{
      items: { code: string; reach: string; retention: string; distanceMeters: number }[]
      summary: { th: string; en: string; inside: number; total: number }
    }>('GET', `/api/admin/cases/${c.id}/cameras?radius=300&at=${encodeURIComponent(at)}`)
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json.items.map((i) => i.code)).toEqual(['N-050', 'A-100', 'B-100', 'S-120', 'E-250', 'OFFLINE'])
    expect(res.json.items.map((i) => i.reach)).toEqual([
      'ccoc_task',
      'letter',
      'ccoc_task',
      'phone',
      'ccoc_task',
      'ccoc_task',
    ])
    expect(res.json.summary.en).toBe(
      'footage of 3 days ago: inside retention for 4 of 6 cameras (retention unknown for 1)',
    )
    expect(res.json.summary.th).toBe('ภาพเมื่อ 3 วันก่อน: ยังอยู่ในระยะเวลาเก็บภาพ 4 จาก 6 กล้อง (ไม่ทราบระยะเก็บ 1 กล้อง)')
    const narrow = await patrol<{ items: { code: string }[] }>('GET', `/api/admin/cases/${c.id}/cameras?radius=110`)
    expect(narrow.json.items.map((i) => i.code)).toEqual(['N-050', 'A-100', 'B-100'])
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Stack, startStack } from '../../helpers/stack.js'
import { client, signedInOfficer } from './auth.helpers.js'

let stack: Stack
let call: ReturnType<typeof client>
let admin: Awaited<ReturnType<typeof signedInOfficer>>

beforeAll(async () => {
  stack = await startStack({ worker: false })
  call = client(stack)
  admin = await signedInOfficer(stack, 'admin')
})
afterAll(async () => {
  await stack?.close()
})

describe('station information', () => {
  it('every officer reads the seeded station', async () => {
    const patrol = await signedInOfficer(stack, 'patrol_officer')
    const res = await call('/api/admin/station', { session: patrol.session })
    expect(res.status, res.text).toBe(200)
    expect(res.json().station).toMatchObject({
      code: 'RYG',
      nameTh: 'สถานีตำรวจภูธรเมืองระยอง',
      phone: '038-611-111',
      latitude: 12.6807,
      longitude: 101.2816,
      lineGroupId: null,
      personalDataRetentionDays: 365,
    })
    expect(res.json().station.landmarks.length).toBeGreaterThan(0)
  })

  it('an admin changes phones, hours, services, landmarks and location; the change is audited field by field', async () => {
    const body = {
      phones: [{ labelTh: 'ร้อยเวร', labelEn: 'Duty desk', number: '038-611-112' }],
      hoursTh: 'เปิดตลอด 24 ชั่วโมง ทุกวัน',
      servicesEn: 'Police reports\nLost documents',
      landmarks: [{ nameTh: 'หอนาฬิกา', nameEn: 'Clock tower', latitude: 12.68, longitude: 101.28 }],
      latitude: 12.681,
      longitude: 101.282,
      personalDataRetentionDays: 730,
    }
    const res = await call('/api/admin/station', { method: 'PUT', session: admin.session, body })
    expect(res.status, res.text).toBe(200)
    expect(res.json().station).toMatchObject(body)
    expect((await call('/api/admin/station', { session: admin.session })).json().station).toMatchObject(body)

    const audit = await call('/api/admin/audit?action=station.update', { session: admin.session })
    const entry = audit.json().items[0]
    expect(Object.keys(entry.details).sort()).toEqual(Object.keys(body).sort())
    expect(entry.details.hoursTh).toEqual({ from: 'เปิดให้บริการตลอด 24 ชั่วโมง', to: 'เปิดตลอด 24 ชั่วโมง ทุกวัน' })
  })

  it('validates: phone numbers, half a location, unknown fields, the code', async () => {
    const bad = [
      { phone: 'call us' },
      { latitude: 12.7 },
      { latitude: 95, longitude: 101 },
      { code: 'XYZ' },
      { lineGroupId: 'C0' },
      { addressTh: '' },
      { personalDataRetentionDays: 7 },
      { personalDataRetentionDays: 365.5 },
      { sosDueMinutes: 0 },
      { sosDueMinutes: 121 },
    ]
    for (const body of bad) {
      const res = await call('/api/admin/station', { method: 'PUT', session: admin.session, body })
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json().error.code).toBe('validation_failed')
    }
  })

  it('an admin sets the SOS due time (minutes to take an SOS case; 10 by default)', async () => {
    const before = await call('/api/admin/station', { session: admin.session })
    expect(before.json().station.sosDueMinutes).toBe(10)
    const res = await call('/api/admin/station', { method: 'PUT', session: admin.session, body: { sosDueMinutes: 5 } })
    expect(res.status, res.text).toBe(200)
    expect(res.json().station.sosDueMinutes).toBe(5)
    await call('/api/admin/station', { method: 'PUT', session: admin.session, body: { sosDueMinutes: 10 } })
  })
})

import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Api, apiAs } from '../cases/fixtures.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'
import { enrolment } from './fixtures-enrol.js'

// Issue #13, acceptance 1: a house outside the station's area gets the right station's contact. The area and the
// neighbouring stations (seeded approximately, their phones unknown) are the admin's to replace, validated and audited.
const s = lostDocumentStack()
let admin: Api
let supervisor: Api
let duty: Api

const PIN = { lat: 12.7137, lng: 101.1712 }
const square = (lat: number, lng: number, d: number) => [
  [
    [lng - d, lat - d],
    [lng + d, lat - d],
    [lng + d, lat + d],
    [lng - d, lat + d],
    [lng - d, lat - d],
  ],
]

beforeAll(async () => {
  admin = apiAs(s, (await signInOfficer(s.db.db, { role: 'admin' })).headers)
  supervisor = apiAs(s, (await signInOfficer(s.db.db, { role: 'supervisor' })).headers)
  duty = apiAs(s, (await signInOfficer(s.db.db, { role: 'duty_officer' })).headers)
})

describe("house-watch area API: the station's polygon and its neighbours", () => {
  it('reads the seeded area; refuses bad GeoJSON, bad phones and other roles; saves, audits, and the enrolment uses it', async () => {
    const seeded = await admin<{ jurisdiction: { type: string }; neighbours: { nameEn: string; phone: string }[] }>(
      'GET',
      '/api/admin/house-watch/area',
    )
    expect(seeded.status).toBe(200)
    expect(seeded.json.jurisdiction.type).toBe('Polygon')
    expect(seeded.json.neighbours.map((n) => n.nameEn)).toContain('Map Ta Phut Police Station')
    expect((await duty('GET', '/api/admin/house-watch/area')).status).toBe(403)

    const good = {
      jurisdiction: { type: 'Polygon', coordinates: square(12.68, 101.276, 0.012) },
      neighbours: [
        {
          nameTh: 'สถานีตำรวจภูธรมาบตาพุด',
          nameEn: 'Map Ta Phut Police Station',
          phone: '038-608-191',
          latitude: 12.7137,
          longitude: 101.1712,
        },
      ],
    }
    const open = {
      ...good,
      jurisdiction: { type: 'Polygon', coordinates: [square(12.68, 101.276, 0.01)[0]?.slice(0, 4)] },
    }
    const badPhone = { ...good, neighbours: [{ ...good.neighbours[0], phone: 'call us' }] }
    const badLat = { ...good, neighbours: [{ ...good.neighbours[0], latitude: 123 }] }
    for (const body of [open, badPhone, badLat, { ...good, jurisdiction: { type: 'Point', coordinates: [1, 2] } }]) {
      const res = await admin<{ error: { code: string } }>('PUT', '/api/admin/house-watch/area', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json.error.code).toBe('validation_failed')
    }
    expect((await duty('PUT', '/api/admin/house-watch/area', good)).status).toBe(403)

    const saved = await supervisor<typeof good>('PUT', '/api/admin/house-watch/area', good)
    expect(saved.status).toBe(200)
    expect(saved.json.neighbours).toEqual([{ ...good.neighbours[0], area: null }])
    const audits = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'house_watch_area.update')))
    expect(audits).toHaveLength(1)

    // A house near Map Ta Phut is answered with the number the admin entered.
    const { token } = s.person('นอก เขต')
    const res = await s.call('/api/liff/house-watch', {
      method: 'POST',
      token,
      body: enrolment({ location: { ...PIN, source: 'pin' } }),
    })
    expect(res.status, res.text).toBe(422)
    expect(res.json().error.details.station).toMatchObject({
      nameEn: 'Map Ta Phut Police Station',
      phone: '038-608-191',
    })
    expect(res.json().error.messageTh).toContain('038-608-191')
  })
})

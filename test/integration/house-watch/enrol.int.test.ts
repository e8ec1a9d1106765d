import { and, count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  attachments,
  caseEvents,
  cases,
  consents,
  houseWatches,
  neighbourStations,
  patrolPoints,
} from '../../../db/schema/index.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'
import { day, enrolment, IN_ZONE, NEAR_MAP_TA_PHUT, TINY_PNG } from './fixtures-enrol.js'

// Issue #13, acceptance 1: enrolment through the citizen LIFF API (ID token verified), the jurisdiction check with
// the right station named, a second request for the same house extending the first, and idempotent retries.
const s = lostDocumentStack()
const caseCount = async () =>
  (await s.db.db.select({ n: count() }).from(cases).where(eq(cases.kind, 'house_watch')))[0]?.n

async function enrol(token: string, body: unknown, key?: string) {
  return s.call('/api/liff/house-watch', {
    method: 'POST',
    token,
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  })
}

describe('LIFF: enrolling a house', () => {
  it('without a verified ID token: 401', async () => {
    expect((await s.call('/api/liff/house-watch', { method: 'POST', body: enrolment() })).status).toBe(401)
    expect((await s.call('/api/liff/house-watch/form')).status).toBe(401)
  })

  it('the form: station, longest watch, consent version, the zone to draw', async () => {
    const { token } = s.person('ฟอร์ม ทดสอบ')
    const res = await s.call('/api/liff/house-watch/form', { token })
    expect(res.status, res.text).toBe(200)
    const form = res.json()
    expect(form).toMatchObject({ maxDays: 30, approval: 'auto', today: day(0), prefill: { ownerName: 'ฟอร์ม ทดสอบ' } })
    expect(form.jurisdiction.type).toBe('Polygon')
    expect(form.center.lat).toBeCloseTo(12.68, 1)
  })

  it('valid: a case RYG-HW-…, approved at once (auto), the patrol point, phone encrypted, consent, receipt in chat', async () => {
    const { user, token } = s.person('สมชาย ใจดี')
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    const res = await enrol(token, enrolment({ photo: { contentType: 'image/png', data: TINY_PNG } }))
    expect(res.status, res.text).toBe(201)
    const body = res.json()
    expect(body.referenceNumber).toMatch(/^RYG-HW-25\d\d-\d{6}$/)
    expect(body).toMatchObject({ outcome: 'created', status: 'active', approved: true, startsOn: day(0) })
    expect(body.ownerPageUrl).toMatch(new RegExp(`/house-watch/${body.caseId}$`))

    const [w] = await s.db.db.select().from(houseWatches).where(eq(houseWatches.caseId, body.caseId))
    expect(w).toMatchObject({ ownerName: 'สมชาย ใจดี', phoneLast: '5678', notify: 'daily_digest', channel: 'liff' })
    expect(w?.phoneEnc).not.toContain('0812345678')
    expect(s.deps.cipher.decrypt(w?.phoneEnc ?? '')).toBe('0812345678')
    expect(s.deps.cipher.decrypt(w?.emergencyPhoneEnc ?? '')).toBe('0898765432')
    expect(w?.address).toMatchObject({ houseNo: '12/3', postcode: '21000' })
    expect(w?.approvedAt).not.toBeNull()
    const [photo] = await s.db.db
      .select()
      .from(attachments)
      .where(eq(attachments.id, w?.housePhotoId ?? ''))
    expect(photo?.bytes).toBeNull()
    expect(s.deps.cipher.decryptBytes(photo?.bytesEnc ?? '').toString('base64')).toBe(TINY_PNG)

    const [c] = await s.db.db.select().from(cases).where(eq(cases.id, body.caseId))
    expect(c?.searchHashes).toContain(s.deps.hasher.hash('0812345678', 'phone'))
    const [point] = await s.db.db.select().from(patrolPoints).where(eq(patrolPoints.caseId, body.caseId))
    expect(point).toMatchObject({ kind: 'house', qrVersion: 1, latitude: IN_ZONE.lat, active: true })
    expect(point?.code).toBe(body.referenceNumber.replace(/^RYG-/, ''))
    const consent = await s.db.db.select().from(consents).where(eq(consents.purpose, 'house_watch'))
    expect(consent.some((k) => k.version === 'house-watch-2026-12')).toBe(true)

    const receipt = (await s.emulator.waitForMessages(user.userId, 3))[2]
    const text = JSON.stringify(receipt?.message)
    expect(text).toContain(body.referenceNumber)
    expect(text).toContain('อนุมัติแล้ว')
    expect(text).toContain(`/house-watch/${body.caseId}`)
  })

  it.each([
    ['ownerName', { ownerName: '' }, 'ownerName.required'],
    ['phone', { phone: '12345' }, 'phone.invalid'],
    [
      'address.houseNo',
      { address: { subdistrict: 'ท่าประดู่', district: 'เมือง', province: 'ระยอง', postcode: '21000' } },
      'address.houseNo.required',
    ],
    ['address.postcode', { address: { ...enrolment().address, postcode: '210' } }, 'address.postcode.invalid'],
    ['location', { location: null }, 'location.required'],
    ['location', { location: { lat: 999, lng: 101, source: 'gps' } }, 'location.invalid'],
    ['startsOn', { startsOn: day(-1) }, 'startsOn.past'],
    ['startsOn', { startsOn: '2026-02-30' }, 'startsOn.invalid'],
    ['endsOn', { startsOn: day(3), endsOn: day(2) }, 'endsOn.beforeStart'],
    ['endsOn', { endsOn: day(30) }, 'endsOn.tooLong'],
    ['emergencyName', { emergencyName: ' ' }, 'emergencyName.required'],
    ['emergencyPhone', { emergencyPhone: 'abc' }, 'emergencyPhone.invalid'],
    ['notes', { notes: 'ก'.repeat(1001) }, 'notes.tooLong'],
    ['notify', { notify: 'sms' }, 'notify.invalid'],
    ['consent', { consent: false }, 'consent.required'],
    ['consentVersion', { consentVersion: 'old' }, 'consentVersion.stale'],
    ['photo', { photo: { contentType: 'text/plain', data: 'aGVsbG8=' } }, 'photo.type'],
  ])('invalid %s → 400 with %s, nothing saved', async (field, over, code) => {
    const { token } = s.person('ผิด ช่อง')
    const before = await caseCount()
    const res = await enrol(token, enrolment(over))
    expect(res.status, res.text).toBe(400)
    const error = res.json().error
    expect(error.code).toBe('validation_failed')
    expect(error.details).toContainEqual(expect.objectContaining({ field, code }))
    expect(error.details.map((d: { code: string }) => d.code)).toContain(code)
    expect(error.details[0].messageTh).toBeTruthy()
    expect(await caseCount()).toBe(before)
  })

  it('outside the zone: 422 naming the nearest neighbour with its phone, no case; a neighbour whose area holds the pin wins', async () => {
    const { token } = s.person('นอก เขต')
    const before = await caseCount()
    const res = await enrol(token, enrolment({ location: { ...NEAR_MAP_TA_PHUT, source: 'pin' } }))
    expect(res.status, res.text).toBe(422)
    const error = res.json().error
    expect(error.code).toBe('outside_jurisdiction')
    expect(error.messageTh).toContain('สถานีตำรวจภูธรมาบตาพุด')
    expect(error.message).toContain('Map Ta Phut Police Station')
    expect(error.details.station).toMatchObject({ nameEn: 'Map Ta Phut Police Station', phone: '191' })
    expect(await caseCount()).toBe(before)

    // A station whose drawn area holds the pin is named even though another is nearer.
    const [ryg] = await s.db.db.select({ stationId: neighbourStations.stationId }).from(neighbourStations).limit(1)
    const { lat, lng } = NEAR_MAP_TA_PHUT
    await s.db.db.insert(neighbourStations).values({
      stationId: ryg?.stationId ?? '',
      nameTh: 'สถานีตำรวจทดสอบพื้นที่',
      nameEn: 'Area Test Station',
      phone: '038-000-000',
      latitude: 13.5,
      longitude: 100.5,
      area: {
        type: 'Polygon',
        coordinates: [
          [
            [lng - 0.01, lat - 0.01],
            [lng + 0.01, lat - 0.01],
            [lng + 0.01, lat + 0.01],
            [lng - 0.01, lat - 0.01],
          ],
        ],
      },
    })
    const again = await enrol(token, enrolment({ location: { ...NEAR_MAP_TA_PHUT, source: 'pin' } }))
    expect(again.json().error.details.station).toEqual({
      nameTh: 'สถานีตำรวจทดสอบพื้นที่',
      nameEn: 'Area Test Station',
      phone: '038-000-000',
    })
    await s.db.db.delete(neighbourStations).where(eq(neighbourStations.nameEn, 'Area Test Station'))
  })

  it('the same house again while watched: extended (dates widened, counted, on the timeline), not a second case', async () => {
    const { token } = s.person('ซ้ำ บ้าน')
    const first = (await enrol(token, enrolment({ startsOn: day(2), endsOn: day(5) }))).json()
    const before = await caseCount()
    const second = await enrol(
      token,
      enrolment({
        startsOn: day(1),
        endsOn: day(9),
        notify: 'each_visit',
        location: { lat: 12.67952, lng: 101.27602, source: 'pin' },
      }),
    )
    expect(second.status, second.text).toBe(200)
    expect(second.json()).toMatchObject({ outcome: 'extended', caseId: first.caseId, startsOn: day(1), endsOn: day(9) })
    expect(await caseCount()).toBe(before)
    const [w] = await s.db.db.select().from(houseWatches).where(eq(houseWatches.caseId, first.caseId))
    expect(w).toMatchObject({ startsOn: day(1), endsOn: day(9), extendedCount: 1, notify: 'each_visit' })
    const events = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, first.caseId))
    expect(events.find((e) => e.data?.houseWatch === 'extended')?.data).toMatchObject({
      from: { startsOn: day(2), endsOn: day(5) },
      to: { startsOn: day(1), endsOn: day(9) },
    })
  })

  it('a retry with the same key answers the same case; another citizen with that key and house gets their own', async () => {
    const a = s.person('ลอง ซ้ำ')
    const b = s.person('คน อื่น')
    const body = enrolment({ address: { ...enrolment().address, houseNo: '77' } })
    const first = await enrol(a.token, body, 'retry-key-0001')
    const again = await enrol(a.token, body, 'retry-key-0001')
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.json()).toMatchObject({ outcome: 'repeat', caseId: first.json().caseId })
    const other = await enrol(b.token, body, 'retry-key-0001')
    expect(other.status).toBe(201)
    expect(other.json().caseId).not.toBe(first.json().caseId)
    const mine = await s.db.db
      .select({ n: count() })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, first.json().caseId), eq(caseEvents.type, 'note')))
    expect(mine[0]?.n).toBe(0) // B's request did not extend A's watch
  })
})

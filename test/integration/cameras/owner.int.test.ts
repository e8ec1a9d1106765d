import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CAMERA_CONSENT_VERSION } from '../../../bot/contracts/camera-registry.js'
import { eraseCitizen } from '../../../bot/privacy/erasure.js'
import { cameras, consents } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { befriend } from '../cases/fixtures.js'

// Issue #15, points 2 and 6: a private owner registers cameras from the citizen LIFF app (pending until verified),
// an officer verifies or rejects (the owner is told in LINE), the owner edits and reports offline / removed; another
// citizen gets a 404; the cameras are in the owner's data export and leave with an erasure.
let s: Stack
let editor: TestOfficer
let reader: TestOfficer
beforeAll(async () => {
  s = await startStack()
  editor = await signInOfficer(s.db.db, { role: 'ccoc_operator' })
  reader = await signInOfficer(s.db.db, { role: 'patrol_officer' })
})
afterAll(async () => {
  await s?.close()
})

function citizen(userId: string) {
  const authorization = `Bearer ${s.emulator.issueIdToken(userId)}`
  return (method: 'GET' | 'POST' | 'PUT', url: string, body?: object) =>
    s.app.inject({ method, url, headers: { authorization }, ...(body ? { payload: body } : {}) })
}
const officer = (o: TestOfficer) => (method: 'GET' | 'POST', url: string, body?: object) =>
  s.app.inject({ method, url, headers: o.headers, ...(body ? { payload: body } : {}) })

const shopCamera = {
  name: 'หน้าร้านกาแฟ ซอย 5',
  latitude: 12.6812,
  longitude: 101.2734,
  directionDeg: 135,
  fieldOfViewDeg: 90,
  covers: 'หน้าร้านและถนนราษฎร์บำรุง',
  retentionDays: 10,
  contactPreference: 'line',
  phone: '081-234-5678',
  consentVersion: CAMERA_CONSENT_VERSION,
}

describe("a private owner's cameras", () => {
  it('without an ID token: 401', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/liff/cameras/mine' })).statusCode).toBe(401)
  })

  it('register (pending), see it, the consent recorded; officers: only editors see it until verified', async () => {
    const { user, citizen: c } = await befriend(s, 'ป้าแดง ร้านกาแฟ')
    const call = citizen(user.userId)
    const mine0 = (await call('GET', '/api/liff/cameras/mine')).json()
    expect(mine0.cameras).toEqual([])
    expect(mine0.consent.version).toBe(CAMERA_CONSENT_VERSION)
    expect(mine0.consent.th).toContain('ปฏิเสธได้ทุกครั้ง')
    expect(mine0.consent.en).toContain('can always refuse')

    const res = await call('POST', '/api/liff/cameras', shopCamera)
    expect(res.statusCode, res.body).toBe(201)
    const cam = res.json().camera
    expect(cam).toMatchObject({ verification: 'pending', status: 'active', phone: '0812345678', directionDeg: 135 })
    expect(cam.code).toMatch(/^RYG-L-[A-Z0-9]{8}$/)
    const [row] = await s.db.db.select().from(cameras).where(eq(cameras.id, cam.id))
    expect(row?.contactPhoneEnc).not.toContain('0812345678')
    expect(row).toMatchObject({ ownerType: 'private', citizenId: c.id, consentVersion: CAMERA_CONSENT_VERSION })
    const given = await s.db.db.select().from(consents).where(eq(consents.citizenId, c.id))
    expect(given.map((g) => g.purpose)).toContain('cameras')

    const second = await call('POST', '/api/liff/cameras', { ...shopCamera, name: 'ข้างร้าน', directionDeg: 270 })
    expect(second.statusCode).toBe(201)
    expect((await call('GET', '/api/liff/cameras/mine')).json().cameras).toHaveLength(2)

    expect((await officer(reader)('GET', `/api/admin/cameras/${cam.id}`)).statusCode).toBe(404)
    const queue = (await officer(editor)('GET', '/api/admin/cameras?verification=pending')).json()
    expect(queue.items.find((x: { id: string }) => x.id === cam.id)).toMatchObject({ fromLine: true, hasPhone: true })
  })

  it('an outdated consent version is refused (409); phone preference needs a phone (400)', async () => {
    const { user } = await befriend(s, 'ลุงชัย')
    const call = citizen(user.userId)
    const old = await call('POST', '/api/liff/cameras', { ...shopCamera, consentVersion: 'cameras-2020-v0' })
    expect(old.statusCode).toBe(409)
    expect(old.json().error.code).toBe('consent_outdated')
    const noPhone = await call('POST', '/api/liff/cameras', { ...shopCamera, contactPreference: 'phone', phone: null })
    expect(noPhone.statusCode).toBe(400)
    const badPhone = await call('POST', '/api/liff/cameras', { ...shopCamera, phone: '12345' })
    expect(badPhone.statusCode).toBe(400)
  })

  it('verified: the owner is told in LINE (Thai then English) and every officer sees it', async () => {
    const { user } = await befriend(s, 'คุณสมชาย มินิมาร์ท')
    const cam = (await citizen(user.userId)('POST', '/api/liff/cameras', shopCamera)).json().camera
    const res = await officer(editor)('POST', `/api/admin/cameras/${cam.id}/verify`, { decision: 'verify' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ ownerTold: true, camera: { verification: 'verified' } })
    const told = (await s.emulator.waitForMessages(user.userId, 3))[2]
    const text = JSON.stringify(told?.message)
    expect(text).toContain('ตำรวจยืนยันกล้อง')
    expect(text).toContain('you can always refuse')
    expect(text.indexOf('ตำรวจ')).toBeLessThan(text.indexOf('The police'))
    expect((await officer(reader)('GET', `/api/admin/cameras/${cam.id}`)).statusCode).toBe(200)
    expect((await citizen(user.userId)('GET', `/api/liff/cameras/${cam.id}`)).json().camera.verification).toBe(
      'verified',
    )
    // The phone only through the audited reveal.
    const phone = await officer(reader)('POST', `/api/admin/cameras/${cam.id}/phone`)
    expect(phone.json()).toEqual({ phone: '0812345678' })
  })

  it('rejected with a reason (told in LINE); the owner edits it and it goes back to the queue', async () => {
    const { user } = await befriend(s, 'บ้านคุณนิด')
    const call = citizen(user.userId)
    const cam = (await call('POST', '/api/liff/cameras', shopCamera)).json().camera
    const res = await officer(editor)('POST', `/api/admin/cameras/${cam.id}/verify`, {
      decision: 'reject',
      note: 'ตำแหน่งอยู่นอกเขตสถานี',
    })
    expect(res.json().camera.verification).toBe('rejected')
    const told = JSON.stringify((await s.emulator.waitForMessages(user.userId, 3))[2]?.message)
    expect(told).toContain('ตำแหน่งอยู่นอกเขตสถานี')
    const edited = await call('PUT', `/api/liff/cameras/${cam.id}`, {
      ...shopCamera,
      latitude: 12.6801,
      covers: 'หน้าบ้าน',
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json().camera).toMatchObject({ verification: 'pending', latitude: 12.6801, covers: 'หน้าบ้าน' })
  })

  it('report offline, removed, working again', async () => {
    const { user } = await befriend(s, 'ร้านขายยา')
    const call = citizen(user.userId)
    const cam = (await call('POST', '/api/liff/cameras', shopCamera)).json().camera
    for (const status of ['offline', 'removed', 'active'] as const) {
      const res = await call('POST', `/api/liff/cameras/${cam.id}/status`, { status })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().camera.status).toBe(status)
    }
  })

  it("another citizen never sees the owner's camera: 404 on read, edit and report", async () => {
    const owner = await befriend(s, 'เจ้าของ')
    const other = await befriend(s, 'คนอื่น')
    const cam = (await citizen(owner.user.userId)('POST', '/api/liff/cameras', shopCamera)).json().camera
    const call = citizen(other.user.userId)
    expect((await call('GET', `/api/liff/cameras/${cam.id}`)).statusCode).toBe(404)
    expect((await call('PUT', `/api/liff/cameras/${cam.id}`, shopCamera)).statusCode).toBe(404)
    expect((await call('POST', `/api/liff/cameras/${cam.id}/status`, { status: 'removed' })).statusCode).toBe(404)
    expect((await call('GET', '/api/liff/cameras/mine')).json().cameras).toEqual([])
    const [row] = await s.db.db.select().from(cameras).where(eq(cameras.id, cam.id))
    expect(row?.status).toBe('active')
  })

  it("in the owner's data export; an erasure removes the link, phone and words", async () => {
    const { user, citizen: c } = await befriend(s, 'ผู้ขอลบ')
    const cam = (await citizen(user.userId)('POST', '/api/liff/cameras', shopCamera)).json().camera
    const exported = (await citizen(user.userId)('GET', '/api/liff/me/export')).json()
    expect(exported.cameras).toEqual([expect.objectContaining({ code: cam.code, phone: '0812345678' })])
    const removed = await s.db.db.transaction((tx) => eraseCitizen(tx, c, s.deps.privacy.parts, new Date()))
    expect(removed.cameras).toBe(1)
    const [row] = await s.db.db.select().from(cameras).where(eq(cameras.id, cam.id))
    expect(row).toMatchObject({ citizenId: null, contactPhoneEnc: null, covers: null, status: 'removed' })
  })
})

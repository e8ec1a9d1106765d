import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { type citizens, householdMembers, households } from '../../../db/schema/index.js'
import { enrolment } from '../house-watch/fixtures-enrol.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'
import { householdForm, NEAR_MAP_TA_PHUT } from './fixtures.js'

// Issue #14, point 1 (the citizen's side): register, see, edit, invite and join, leave; a pin outside the station's
// area refused with the right station; the ID token verified; house-watch enrolment joining or creating a household.
const s = lostDocumentStack()
const get = (token: string) => s.call('/api/liff/household', { token })
const register = (token: string, body: unknown = householdForm()) =>
  s.call('/api/liff/household', { method: 'POST', token, body })

describe('LIFF: my household', () => {
  it('without a verified ID token: 401', async () => {
    expect((await s.call('/api/liff/household')).status).toBe(401)
    expect((await s.call('/api/liff/household', { method: 'POST', body: householdForm() })).status).toBe(401)
    expect((await s.call('/api/liff/household', { token: 'forged' })).status).toBe(401)
  })

  it('none yet: the form facts (station, area, centre)', async () => {
    const { token } = s.person('ยังไม่มีบ้าน')
    const res = await get(token)
    expect(res.status, res.text).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ household: null, announcementsOff: false })
    expect(body.jurisdiction.type).toBe('Polygon')
    expect(body.center.lat).toBeCloseTo(12.68, 1)
  })

  it('register → the owner sees it with an invite code and link; a second registration is refused', async () => {
    const { token } = s.person('เจ้าของบ้าน')
    const res = await register(token)
    expect(res.status, res.text).toBe(201)
    const h = res.json().household
    expect(h).toMatchObject({ role: 'owner', source: 'liff', members: 4, lineUsers: 1, language: 'th' })
    expect(h.invite.code).toMatch(/^[A-Z2-9]{8}$/)
    expect(h.invite.url).toBe(`https://liff.line.me/emu-citizen/household?code=${h.invite.code}`)
    expect(h.address.soi).toBe('ยมจินดา 2')
    const again = await register(token)
    expect(again.status).toBe(409)
    expect(again.json().error.code).toBe('already_member')
  })

  it('problems named by field; nothing stored', async () => {
    const { user, token } = s.person('กรอกไม่ครบ')
    const res = await register(token, householdForm({ members: 0, address: { houseNo: '' }, topics: [] }))
    expect(res.status).toBe(400)
    const fields = res.json().error.details.map((d: { field: string }) => d.field)
    expect(fields).toEqual(expect.arrayContaining(['address.houseNo', 'members', 'topics']))
    // Checked before anything is written: not even the citizen's row.
    expect(await s.citizenOf(user.userId)).toBeUndefined()
  })

  it('a pin outside the station area: 422 naming the right station, nothing stored', async () => {
    const { token } = s.person('นอกเขต')
    const res = await register(token, householdForm({ location: NEAR_MAP_TA_PHUT }))
    expect(res.status, res.text).toBe(422)
    const err = res.json().error
    expect(err.code).toBe('outside_jurisdiction')
    expect(err.messageTh).toContain('นอกเขตพื้นที่')
    expect(err.details.station.nameTh).toContain('มาบตาพุด')
    expect((await get(token)).json().household).toBeNull()
  })

  it('edit (the owner): address, pin, people, topics; a member may not edit', async () => {
    const owner = s.person('แก้ไขบ้าน')
    const code = (await register(owner.token)).json().household.invite.code
    const res = await s.call('/api/liff/household', {
      method: 'PUT',
      token: owner.token,
      body: householdForm({
        members: 2,
        language: 'en',
        topics: ['scam_warning'],
        address: { ...householdForm().address, houseNo: '14' },
      }),
    })
    expect(res.status, res.text).toBe(200)
    expect(res.json().household).toMatchObject({ members: 2, language: 'en', topics: ['scam_warning'] })
    const member = s.person('สมาชิก')
    expect(
      (await s.call('/api/liff/household/join', { method: 'POST', token: member.token, body: { code } })).status,
    ).toBe(200)
    const denied = await s.call('/api/liff/household', { method: 'PUT', token: member.token, body: householdForm() })
    expect(denied.status).toBe(403)
    expect(denied.json().error.code).toBe('not_owner')
  })

  it('invite: preview without names, join by code (any case, spaces), member count, no invite for members', async () => {
    const owner = s.person('เจ้าของ เชิญ')
    const code: string = (await register(owner.token)).json().household.invite.code
    const joiner = s.person('ลูกสาว')
    const preview = await s.call(`/api/liff/household/invite?code=${code.toLowerCase()}`, { token: joiner.token })
    expect(preview.status, preview.text).toBe(200)
    expect(preview.json()).toEqual({ soi: 'ยมจินดา 2', subdistrict: 'ท่าประดู่', members: 4, lineUsers: 1 })
    expect(preview.text).not.toContain('เจ้าของ')
    const typed = `${code.slice(0, 4)} ${code.slice(4).toLowerCase()}`
    const joined = await s.call('/api/liff/household/join', {
      method: 'POST',
      token: joiner.token,
      body: { code: typed },
    })
    expect(joined.status, joined.text).toBe(200)
    expect(joined.json().household).toMatchObject({ role: 'member', lineUsers: 2, invite: null })
    // Joining again is a no-op; a wrong code is a 404.
    expect(
      (await s.call('/api/liff/household/join', { method: 'POST', token: joiner.token, body: { code } })).status,
    ).toBe(200)
    const wrong = await s.call('/api/liff/household/join', {
      method: 'POST',
      token: s.person('x').token,
      body: { code: 'ZZZZZZZZ' },
    })
    expect(wrong.status).toBe(404)
    expect(wrong.json().error.code).toBe('invite_not_found')
    expect((await get(owner.token)).json().household.lineUsers).toBe(2)
  })

  it('leave: the owner leaving hands it to the next member; the last member leaving removes it', async () => {
    const owner = s.person('เจ้าของ ย้ายออก')
    const created = (await register(owner.token)).json().household
    const other = s.person('ผู้อยู่ต่อ')
    await s.call('/api/liff/household/join', {
      method: 'POST',
      token: other.token,
      body: { code: created.invite.code },
    })
    const left = await s.call('/api/liff/household/leave', { method: 'POST', token: owner.token })
    expect(left.status, left.text).toBe(200)
    expect(left.json().household).toBeNull()
    const theirs = (await get(other.token)).json().household
    expect(theirs).toMatchObject({ id: created.id, role: 'owner', lineUsers: 1 })
    expect(theirs.invite.code).toBe(created.invite.code)
    await s.call('/api/liff/household/leave', { method: 'POST', token: other.token })
    expect(await s.db.db.select().from(households).where(eq(households.id, created.id))).toEqual([])
  })

  it('the announcement switch from settings sets and clears citizens.announcements_opted_out_at', async () => {
    const { user, token } = s.person('ตั้งค่า ข่าวสาร')
    const off = await s.call('/api/liff/announcements', { method: 'PUT', token, body: { off: true } })
    expect(off.json()).toEqual({ announcementsOff: true })
    expect((await s.citizenOf(user.userId))?.announcementsOptedOutAt).toBeInstanceOf(Date)
    expect((await get(token)).json().announcementsOff).toBe(true)
    await s.call('/api/liff/announcements', { method: 'PUT', token, body: { off: false } })
    expect((await s.citizenOf(user.userId))?.announcementsOptedOutAt).toBeNull()
  })
})

describe('house watch puts the owner in a household', () => {
  const enrol = (token: string, over: Record<string, unknown> = {}) =>
    s.call('/api/liff/house-watch', { method: 'POST', token, body: enrolment(over) })
  const householdsOf = async (userId: string) => {
    const c = await s.citizenOf(userId)
    return s.db.db
      .select({ h: households, role: householdMembers.role })
      .from(householdMembers)
      .innerJoin(households, eq(households.id, householdMembers.householdId))
      .where(eq(householdMembers.citizenId, c?.id ?? ''))
  }

  it('no household yet: one is created from the enrolment (source house_watch, address and pin)', async () => {
    const { user, token } = s.person('ฝากบ้าน ใหม่')
    const res = await enrol(token, { address: { ...enrolment().address, houseNo: '77' } })
    expect(res.status, res.text).toBe(201)
    const [row, ...more] = await householdsOf(user.userId)
    expect(more).toEqual([])
    expect(row).toMatchObject({ role: 'owner', h: { source: 'house_watch', subdistrict: 'ท่าประดู่', soi: 'ยมจินดา 2' } })
    expect(row?.h.address.houseNo).toBe('77')
    expect(row?.h.latitude).toBeCloseTo(12.6795, 3)
  })

  it('a household registered at the same address (a family member) is joined', async () => {
    const family = s.person('ภรรยา')
    const registered = (
      await register(
        family.token,
        householdForm({ address: { ...householdForm().address, houseNo: '88', moo: 'หมู่ที่ 4', soi: 'ซ.ยมจินดา ๒' } }),
      )
    ).json().household
    const { user, token } = s.person('สามี ฝากบ้าน')
    expect((await enrol(token, { address: { ...enrolment().address, houseNo: '88' } })).status).toBe(201)
    const rows = await householdsOf(user.userId)
    expect(rows.map((r) => [r.h.id, r.role])).toEqual([[registered.id, 'member']])
  })

  it('the citizen already in a household keeps it (no second one)', async () => {
    const { user, token } = s.person('มีบ้านแล้ว')
    const mine = (await register(token)).json().household
    expect((await enrol(token, { address: { ...enrolment().address, houseNo: '5' } })).status).toBe(201)
    expect((await householdsOf(user.userId)).map((r) => r.h.id)).toEqual([mine.id])
  })

  it('export and erasure: the export carries the household; erasure removes it with its last member', async () => {
    const { user, token } = s.person('ขอลบข้อมูล')
    const mine = (await register(token)).json().household
    const other = s.person('ผู้ร่วมบ้าน')
    const shared = (
      await register(other.token, householdForm({ address: { ...householdForm().address, houseNo: '99' } }))
    ).json().household
    const c = (await s.citizenOf(user.userId)) as typeof citizens.$inferSelect
    await s.db.db.insert(householdMembers).values({ householdId: shared.id, citizenId: c.id, role: 'member' })
    const section = s.deps.privacy.exportSections.find((x) => x.name === 'households')
    const exported = await s.db.db.transaction(async (tx) => section?.collect(tx, c))
    expect(exported).toMatchObject({
      announcementsOffSince: null,
      households: [
        { role: 'owner', members: 4, address: { houseNo: '12/3' } },
        { role: 'member', lineUsers: 2 },
      ],
    })
    expect(JSON.stringify(section?.blocks(exported))).toContain('บ้านของฉัน')
    const part = s.deps.privacy.parts.find((p) => p.name === 'households')
    const removed = await s.db.db.transaction(async (tx) => part?.eraseCitizen?.(tx, c, new Date()))
    expect(removed).toEqual({ household_members: 2, households: 1 })
    expect(await s.db.db.select().from(households).where(eq(households.id, mine.id))).toEqual([])
    expect((await get(other.token)).json().household).toMatchObject({ id: shared.id, lineUsers: 1 })
  })
})

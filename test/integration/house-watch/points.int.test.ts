import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { type Api, apiAs, befriend } from '../cases/fixtures.js'
import { approvedWatch, endWatch } from './checkin-fixtures.js'

// Red boxes 4.0 (issue #13, point 8) and QR stickers (point 3): the registry API, who may use it, the officer's and
// the owner's sticker PDFs, parsed with pdftotext and rendered with pdftoppm (PNGs kept for a person to look at).
const hasPoppler = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm')
const SHOTS = '/tmp/shots-hw-checkin'
let s: Stack
let admin: Api
let adminId: string

beforeAll(async () => {
  s = await startStack()
  mkdirSync(SHOTS, { recursive: true })
  const officer = await signInOfficer(s.db.db, { role: 'admin' })
  admin = apiAs(s, officer.headers)
  adminId = officer.id
})
afterAll(async () => {
  await s?.close()
})

const box = {
  code: 'rb-007',
  nameTh: 'ตู้แดงหน้าตลาดบ้านเพ',
  nameEn: 'Red box, Ban Phe market',
  latitude: 12.68,
  longitude: 101.28,
}

async function pdfText(name: string, bytes: Buffer): Promise<string> {
  const file = join(SHOTS, `${name}.pdf`)
  writeFileSync(file, bytes)
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8')
  const render = spawnSync('pdftoppm', ['-r', '110', '-png', '-singlefile', file, join(SHOTS, name)])
  expect(render.status, render.stderr.toString()).toBe(0)
  return text
}

describe('red boxes registry', () => {
  it('creates, lists, edits, refuses a taken code, retires and reissues, each audited', async () => {
    const created = await admin('POST', '/api/admin/patrol/points', box)
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect(created.json).toMatchObject({ kind: 'red_box', code: 'RB-007', active: true, qrVersion: 1 })
    const id = String(created.json.id)
    const again = await admin('POST', '/api/admin/patrol/points', { ...box, code: 'RB-007' })
    expect(again.status).toBe(409)
    expect(again.json).toMatchObject({ error: { code: 'code_taken' } })
    const bad = await admin('POST', '/api/admin/patrol/points', { ...box, code: 'RB 7!', latitude: 120 })
    expect(bad.status).toBe(400)

    const edited = await admin('PATCH', `/api/admin/patrol/points/${id}`, { nameEn: 'Red box, market gate' })
    expect(edited.json).toMatchObject({ nameEn: 'Red box, market gate', code: 'RB-007' })
    const list = await admin<{ items: { code: string }[] }>('GET', '/api/admin/patrol/points?kind=red_box')
    expect(list.json.items.map((p) => p.code)).toContain('RB-007')
    const retired = await admin('PATCH', `/api/admin/patrol/points/${id}`, { active: false })
    expect(retired.json.active).toBe(false)
    const reissued = await admin('POST', `/api/admin/patrol/points/${id}/reissue`)
    expect(reissued.json.qrVersion).toBe(2)

    const actions = await s.db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.officerId, adminId)))
    expect(actions.map((a) => a.action).sort()).toEqual([
      'patrol_point.create',
      'patrol_point.reissue',
      'patrol_point.retire',
      'patrol_point.update',
    ])
  })

  it('a house point is edited with its watch, not here; a patrol officer, a viewer and a citizen cannot use the registry', async () => {
    const { citizen, user } = await befriend(s, 'เจ้าของบ้าน')
    const { point } = await approvedWatch(s, { citizenId: citizen.id, code: 'HW-2569-000201' })
    const house = await admin('PATCH', `/api/admin/patrol/points/${point.id}`, { nameTh: 'x' })
    expect(house.json).toMatchObject({ error: { code: 'not_red_box' } })
    for (const role of ['patrol_officer', 'viewer', 'duty_officer'] as const) {
      const o = apiAs(s, (await signInOfficer(s.db.db, { role })).headers)
      expect((await o('GET', '/api/admin/patrol/points')).status).toBe(403)
      expect((await o('POST', '/api/admin/patrol/points', { ...box, code: 'RB-100' })).status).toBe(403)
      expect((await o('GET', `/api/admin/patrol/points/${point.id}/sticker.pdf`)).status).toBe(403)
    }
    // A citizen's LINE ID token is no officer session.
    const token = s.emulator.issueIdToken(user.userId)
    const asCitizen = apiAs(s, { authorization: `Bearer ${token}` })
    expect((await asCitizen('GET', '/api/admin/patrol/points')).status).toBe(401)
    expect(
      (
        await asCitizen('POST', '/api/admin/patrol/check-ins', {
          code: 'HW-2569-000201',
          position: null,
          result: 'normal',
        })
      ).status,
    ).toBe(401)
  })
})

describe('stickers', () => {
  it("the officer prints a red box's sticker (audited); the PDF reads and renders", async () => {
    const created = await admin('POST', '/api/admin/patrol/points', { ...box, code: 'RB-008' })
    const res = await fetch(`${s.baseUrl}/api/admin/patrol/points/${created.json.id}/sticker.pdf`, {
      headers: (await signInOfficer(s.db.db, { role: 'supervisor' })).headers,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await res.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    if (hasPoppler) {
      const text = await pdfText('sticker-red-box', bytes)
      expect(text).toContain('RB-008')
      expect(text).toContain('ตู้แดงหน้าตลาดบ้านเพ')
      expect(text).toContain('สถานีตำรวจภูธรเมืองระยอง')
      expect(text).toContain('Patrol officers')
    }
    const [entry] = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(created.json.id)), eq(auditLog.action, 'patrol_point.sticker')))
    expect(entry).toBeDefined()
  })

  it('the owner downloads their own running watch sticker; another citizen, an ended watch, junk: 404', async () => {
    const owner = await befriend(s, 'เจ้าของบ้าน 2')
    const other = await befriend(s, 'เพื่อนบ้าน')
    const { case: c } = await approvedWatch(s, { citizenId: owner.citizen.id, code: 'HW-2569-000202' })
    const get = (userId: string, caseId = c.id) =>
      fetch(`${s.baseUrl}/api/liff/house-watch/${caseId}/sticker.pdf`, {
        headers: { authorization: `Bearer ${s.emulator.issueIdToken(userId)}` },
      })
    const mine = await get(owner.user.userId)
    expect(mine.status).toBe(200)
    const bytes = Buffer.from(await mine.arrayBuffer())
    if (hasPoppler) {
      const text = await pdfText('sticker-house', bytes)
      expect(text).toContain('HW-2569-000202')
      expect(text).toContain(c.referenceNumber)
      expect(text).toContain('ห้ามส่งต่อ')
      expect(text).not.toContain('สมหญิง') // the owner's name never faces the road
    }
    expect((await get(other.user.userId)).status).toBe(404)
    expect((await get(owner.user.userId, 'not-a-case')).status).toBe(404)
    expect((await fetch(`${s.baseUrl}/api/liff/house-watch/${c.id}/sticker.pdf`)).status).toBe(401)
    await endWatch(s, c.id)
    expect((await get(owner.user.userId)).status).toBe(404)
  })
})

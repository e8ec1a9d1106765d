import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerFootageRequest } from '../../../bot/cameras/requests/answer.js'
import { createFootageSchedule } from '../../../bot/cameras/requests/reminders.js'
import { createLogger } from '../../../bot/logger.js'
import { auditLog, caseEvents, footageRequests, outboundMessages } from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiAs, befriend, fileCase, station } from '../cases/fixtures.js'
import { insertCamera, LAT, LNG, north, prefix } from './camera-fixtures.js'

// Issue #15 point 4 and its tests (point 6): footage requests by owner type; the owner's answer through the emulator
// (the Flex card out, the postback in); another citizen cannot answer; the letter PDF; the CCOC task; reminders with
// a controllable clock.
let s: Stack
// The machine may be loaded: starting the stack (PGlite, migrations) gets more than the default minute.
beforeAll(async () => {
  s = await startStack()
}, 180_000)
afterAll(async () => {
  await s?.close()
})

const HOUR = 3_600_000
type Created = {
  items: { id: string; cameraId: string; channel: string; letterNumber: string | null; assigneeId: string | null }[]
}

async function setup() {
  const st = await station(s)
  const p = prefix()
  const officer = await signInOfficer(s.db.db, { role: 'duty_officer', displayName: 'ร.ต.ท. ขอภาพ' })
  const ccoc = await signInOfficer(s.db.db, { role: 'ccoc_operator', displayName: 'จ.ส.ต. ศูนย์ซีซีโอซี' })
  const owner = await befriend(s, 'ร้านทองใจดี')
  const c = await fileCase(s, { kind: 'sos' }, { latitude: LAT, longitude: LNG })
  const cam = {
    line: await insertCamera(s, st.id, {
      code: `${p}-PV-1`,
      name: 'หน้าร้านทองใจดี',
      ownerType: 'private',
      citizenId: owner.citizen.id,
      latitude: north(40),
    }),
    phone: await insertCamera(s, st.id, {
      code: `${p}-PV-2`,
      ownerType: 'private',
      contactPreference: 'phone',
      latitude: north(60),
    }),
    agency: await insertCamera(s, st.id, {
      code: `${p}-AG-1`,
      name: 'แยกตลาดเทศบาล',
      ownerType: 'agency',
      ownerName: 'เทศบาลนครระยอง',
      covers: 'หน้าตลาดและทางม้าลาย',
      latitude: north(80),
    }),
    police: await insertCamera(s, st.id, { code: `${p}-PO-1`, ownerType: 'police', latitude: north(90) }),
  }
  return { st, officer, ccoc, owner, c, cam, api: apiAs(s, officer.headers), ccocApi: apiAs(s, ccoc.headers) }
}

describe('footage requests', () => {
  it('one request per camera by owner type; the owner answers from the LINE card (postback) → status and timeline', async () => {
    const { officer, owner, c, cam, api, ccoc } = await setup()
    const windowFrom = new Date('2026-12-01T13:00:00Z').toISOString()
    const windowTo = new Date('2026-12-01T15:30:00Z').toISOString()
    const res = await api<Created>('POST', `/api/admin/cases/${c.id}/footage-requests`, {
      cameraIds: [cam.line.id, cam.phone.id, cam.agency.id, cam.police.id],
      windowFrom,
      windowTo,
      ask: 'ภาพรถจักรยานยนต์สีแดงผ่านหน้าร้าน',
    })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const by = Object.fromEntries(res.json.items.map((r) => [r.cameraId, r]))
    expect(by[cam.line.id]?.channel).toBe('line')
    expect(by[cam.phone.id]?.channel).toBe('ccoc_task')
    expect(by[cam.agency.id]?.channel).toBe('letter')
    expect(by[cam.agency.id]?.letterNumber).toMatch(/^RYG \d+\/25\d\d$/)
    expect(by[cam.police.id]?.channel).toBe('ccoc_task')
    // The police camera's task goes to a CCOC operator (the one with the fewest open tasks: this file's only one).
    expect(by[cam.police.id]?.assigneeId).toBe(ccoc.id)
    expect(by[cam.phone.id]?.assigneeId).toBeNull()

    // The card reached the owner, valid per LINE's spec (the emulator validated it).
    const msgs = await s.emulator.waitForMessages(owner.user.userId, 3)
    const card = msgs[2]?.message as unknown as {
      type: string
      altText: string
      contents: {
        body: unknown
        footer: { contents: { action: { type: string; data?: string; uri?: string; label: string } }[] }
      }
    }
    expect(card.type).toBe('flex')
    const body = JSON.stringify(card.contents.body)
    expect(body).toContain(c.referenceNumber)
    expect(body).toContain('หน้าร้านทองใจดี')
    expect(body).toContain('1 ธ.ค. 2569 20:00 น. – 22:30 น.')
    expect(body).toContain('ภาพรถจักรยานยนต์สีแดงผ่านหน้าร้าน')
    const actions = card.contents.footer.contents.map((b) => b.action)
    expect(actions.map((a) => a.label)).toEqual([
      'มีภาพ',
      'ไม่มีการบันทึก',
      'ถูกบันทึกทับแล้ว',
      'ไม่สะดวกให้ข้อมูล',
      'ตอบ / ส่งไฟล์ภาพ',
    ])
    const lineId = by[cam.line.id]?.id ?? ''
    expect(actions[4]?.uri).toContain(`/footage/${lineId}`)

    // Postback in: "มีภาพ" → have_it, the thanks, the timeline entry.
    await s.emulator.sendPostback(owner.user.userId, actions[0]?.data ?? '')
    const reply = (await s.emulator.waitForMessages(owner.user.userId, 4))[3]
    expect(String(reply?.message.text)).toContain('บันทึกคำตอบ "มีภาพ"')
    const [row] = await s.db.db.select().from(footageRequests).where(eq(footageRequests.id, lineId))
    expect(row?.status).toBe('have_it')
    expect(row?.answeredAt).not.toBeNull()
    const entries = await s.db.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'footage_request')))
    expect(entries).toHaveLength(5) // four sent, one answer
    expect(entries.find((e) => e.actorType === 'citizen')?.data).toMatchObject({ requestId: lineId, answer: 'have_it' })
    const audits = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'footage.request'), eq(auditLog.entityId, c.id)))
    expect(audits).toHaveLength(1)
    expect(audits[0]?.officerId).toBe(officer.id)

    // The case's list shows every request with its status.
    const list = await api<{ items: { id: string; status: string }[] }>(
      'GET',
      `/api/admin/footage-requests?caseId=${c.id}`,
    )
    expect(list.json.items.find((i) => i.id === lineId)?.status).toBe('have_it')
    expect(list.json.items).toHaveLength(4)
  })

  it('a citizen cannot answer a request not addressed to them (postback or function): not found, nothing changes', async () => {
    const { c, cam, api } = await setup()
    const res = await api<Created>('POST', `/api/admin/cases/${c.id}/footage-requests`, {
      cameraIds: [cam.line.id],
      windowFrom: new Date(Date.now() - 5 * HOUR).toISOString(),
      windowTo: new Date(Date.now() - 4 * HOUR).toISOString(),
      ask: 'ภาพหน้าร้าน',
    })
    const id = res.json.items[0]?.id ?? ''
    const stranger = await befriend(s, 'คนอื่น ไม่เกี่ยว')
    await s.emulator.sendPostback(stranger.user.userId, `a=fr&r=${id}&x=refused`)
    const reply = (await s.emulator.waitForMessages(stranger.user.userId, 3))[2]
    expect(String(reply?.message.text)).toContain('ไม่พบคำขอนี้')
    expect(
      await answerFootageRequest(s.db.db, { requestId: id, citizenId: stranger.citizen.id, answer: 'refused' }),
    ).toEqual({
      ok: false,
      code: 'not_found',
    })
    const [row] = await s.db.db.select().from(footageRequests).where(eq(footageRequests.id, id))
    expect(row?.status).toBe('open')
    // A cancelled request is closed to its own owner too.
    expect((await api('PATCH', `/api/admin/footage-requests/${id}`, { status: 'cancelled' })).status).toBe(200)
    const owner = await s.db.db.select().from(footageRequests).where(eq(footageRequests.id, id))
    expect(owner[0]?.status).toBe('cancelled')
  })

  it('the agency letter: a PDF with the number, the case and the camera (rendered with pdftoppm)', async () => {
    const { c, cam, api } = await setup()
    const res = await api<Created>('POST', `/api/admin/cases/${c.id}/footage-requests`, {
      cameraIds: [cam.agency.id],
      windowFrom: '2026-12-01T13:00:00+07:00',
      windowTo: '2026-12-01T14:00:00+07:00',
      ask: 'ภาพทางม้าลายหน้าตลาด',
    })
    const r = res.json.items[0]
    const pdf = await fetch(`${s.baseUrl}/api/admin/footage-requests/${r?.id}/letter.pdf`, {
      headers: (await signInOfficer(s.db.db, { role: 'supervisor' })).headers,
    })
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const bytes = Buffer.from(await pdf.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const dir = mkdtempSync(join(tmpdir(), 'letter-'))
    writeFileSync(join(dir, 'letter.pdf'), bytes)
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toContain(r?.letterNumber ?? 'no number')
    expect(text).toContain(c.referenceNumber)
    expect(text).toContain('ขอความอนุเคราะห์ภาพจากกล้องวงจรปิด')
    expect(text).toContain('แยกตลาดเทศบาล')
    expect(text).toContain('เทศบาลนครระยอง')
    execFileSync('pdftoppm', ['-r', '60', '-png', '-singlefile', join(dir, 'letter.pdf'), join(dir, 'letter')])
    if (process.env.LETTER_OUT) {
      writeFileSync(process.env.LETTER_OUT, bytes)
    }
    // A patrol officer (no footage.request) cannot print it.
    const patrol = await signInOfficer(s.db.db, { role: 'patrol_officer' })
    const denied = await fetch(`${s.baseUrl}/api/admin/footage-requests/${r?.id}/letter.pdf`, {
      headers: patrol.headers,
    })
    expect(denied.status).toBe(403)
  })

  it('reminders with a controllable clock: the morning of the day before the deadline, once; none once answered', async () => {
    const { c, cam, api, owner } = await setup()
    const deadlineAt = '2030-01-15T17:00:00+07:00'
    const res = await api<Created>('POST', `/api/admin/cases/${c.id}/footage-requests`, {
      cameraIds: [cam.line.id],
      windowFrom: '2026-12-01T13:00:00+07:00',
      windowTo: '2026-12-01T14:00:00+07:00',
      ask: 'ภาพหน้าร้าน',
      deadlineAt,
    })
    expect(res.status, JSON.stringify(res.json)).toBe(201)
    const id = res.json.items[0]?.id ?? ''
    await s.emulator.waitForMessages(owner.user.userId, 3)
    const clock = { now: new Date('2030-01-14T08:30:00+07:00') }
    const make = () =>
      createFootageSchedule({
        db: s.db.db,
        logger: createLogger('silent'),
        liffUrl: (p) => `https://liff.line.me/x/${p}`,
        now: () => clock.now,
      })
    const [a, b] = [make(), make()]
    expect((await a.tick()).reminders).toBe(0) // before 09:00 Bangkok
    clock.now = new Date('2030-01-14T09:05:00+07:00')
    const both = await Promise.all([a.tick(), b.tick()])
    expect(both[0].reminders + both[1].reminders).toBe(1)
    expect((await a.tick()).reminders).toBe(0)
    const reminded = await s.db.db
      .select()
      .from(outboundMessages)
      .where(and(eq(outboundMessages.to, owner.user.userId), eq(outboundMessages.purpose, 'footage_reminder')))
    expect(reminded).toHaveLength(1)
    const msg = (await s.emulator.waitForMessages(owner.user.userId, 4))[3]?.message as unknown as { altText: string }
    expect(msg.altText).toContain('เตือน: ครบกำหนดตอบพรุ่งนี้')

    // Moving the deadline re-arms it; an answered request gets none.
    await api('PATCH', `/api/admin/footage-requests/${id}`, { deadlineAt: '2030-01-20T17:00:00+07:00' })
    await answerFootageRequest(s.db.db, { requestId: id, citizenId: owner.citizen.id, answer: 'nothing_recorded' })
    clock.now = new Date('2030-01-19T10:00:00+07:00')
    expect((await a.tick()).reminders).toBe(0)
  })
})

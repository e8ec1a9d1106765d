import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, caseEvents, cases, inboundEvents, lineGroups, outboundMessages } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { type Api, apiAs, befriend, fileCase } from './fixtures.js'

const XSS = '<img src=x onerror=alert(1)>'

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v !== undefined) {
      return v
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Officers act on cases; the citizen hears of it in LINE (reply while a token is fresh, else push). */
describe('case actions through the LINE emulator', () => {
  let s: Stack
  let me: TestOfficer
  let api: Api
  beforeAll(async () => {
    s = await startStack()
    me = await signInOfficer(s.db.db, { role: 'duty_officer', displayName: 'ด.ต. สมศักดิ์' })
    api = apiAs(s, me.headers)
  })
  afterAll(async () => {
    await s.close()
  })

  const texts = (chatId: string) => s.emulator.messagesTo(chatId).map((m) => m.message.text as string | undefined)

  it('moves the status and pushes the templated message when no reply token is fresh', async () => {
    const { user, citizen } = await befriend(s, 'มานี')
    const c = await fileCase(s, { citizenId: citizen.id })
    const res = await api<{ case: { status: string; firstResponseAt: string }; event: Record<string, unknown> }>(
      'POST',
      `/api/admin/cases/${c.id}/status`,
      { status: 'in_review', message: 'ขอบคุณที่แจ้ง' },
    )
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json.case.status).toBe('in_review')
    expect(res.json.case.firstResponseAt).toEqual(expect.any(String))
    expect(res.json.event).toMatchObject({
      type: 'status',
      fromStatus: 'submitted',
      toStatus: 'in_review',
      body: 'ขอบคุณที่แจ้ง',
      officer: { id: me.id, displayName: 'ด.ต. สมศักดิ์' },
    })
    const got = await s.emulator.waitForMessages(user.userId, 3) // greeting (2) + the update
    expect(got[2]?.via).toBe('push')
    expect(got[2]?.message.text).toContain(c.referenceNumber)
    expect(got[2]?.message.text).toContain('ขอบคุณที่แจ้ง')
    const [audit] = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.status'), eq(auditLog.entityId, c.id)))
    expect(audit?.details).toEqual({ from: 'submitted', to: 'in_review', withMessage: true })
  })

  it("replies with the citizen's unused reply token while it is fresh", async () => {
    const { user, citizen } = await befriend(s, 'Anna', 'en')
    const c = await fileCase(s, { kind: 'sos', citizenId: citizen.id })
    // An event the bot stores without answering (a beacon): its reply token is still unused.
    const webhookEventId = randomUUID().replaceAll('-', '').toUpperCase()
    await s.emulator.deliver([
      {
        type: 'beacon',
        mode: 'active',
        timestamp: Date.now(),
        source: { type: 'user', userId: user.userId },
        webhookEventId,
        deliveryContext: { isRedelivery: false },
        replyToken: randomUUID().replaceAll('-', ''),
        beacon: { hwid: 'd41d8cd98f', type: 'enter' },
      },
    ])
    await until('the beacon to be processed', async () => {
      const [e] = await s.db.db.select().from(inboundEvents).where(eq(inboundEvents.webhookEventId, webhookEventId))
      return e?.status === 'processed' ? e : undefined
    })
    const res = await api('POST', `/api/admin/cases/${c.id}/status`, { status: 'dispatched' })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const got = await s.emulator.waitForMessages(user.userId, 3)
    expect(got[2]?.via).toBe('reply')
    expect(got[2]?.message.text).toContain(c.referenceNumber)
  })

  it('refuses a move the kind does not allow with a 400 JSON error, changing nothing', async () => {
    const c = await fileCase(s, { kind: 'sos' })
    const res = await api('POST', `/api/admin/cases/${c.id}/status`, { status: 'issued' })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.json).toMatchObject({
      error: { code: 'invalid_status_move', details: { from: 'new', to: 'issued', allowed: expect.any(Array) } },
      reqId: expect.any(String),
    })
    const [row] = await s.db.db.select().from(cases).where(eq(cases.id, c.id))
    expect(row?.status).toBe('new')
    expect(await s.db.db.$count(caseEvents, eq(caseEvents.caseId, c.id))).toBe(1)
  })

  it('keeps notes internal: on the timeline, never in LINE', async () => {
    const { user, citizen } = await befriend(s, 'ชูใจ')
    const c = await fileCase(s, { kind: 'consultation', citizenId: citizen.id })
    const before = await s.db.db.$count(outboundMessages)
    const res = await api<{ event: Record<string, unknown> }>('POST', `/api/admin/cases/${c.id}/notes`, { body: XSS })
    expect(res.status).toBe(200)
    expect(res.json.event).toMatchObject({ type: 'note', internal: true, body: XSS })
    await new Promise((r) => setTimeout(r, 300))
    expect(await s.db.db.$count(outboundMessages)).toBe(before)
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(2) // the greeting only
  })

  it("sends an officer's message to the citizen and records it as message_out", async () => {
    const { user, citizen } = await befriend(s, 'ปิติ')
    const c = await fileCase(s, { kind: 'consultation', citizenId: citizen.id })
    await s.db.db.insert(caseEvents).values({ caseId: c.id, type: 'message_in', actorType: 'citizen', body: XSS })
    const res = await api<{ event: Record<string, unknown> }>('POST', `/api/admin/cases/${c.id}/messages`, {
      body: 'สวัสดีครับ เจ้าหน้าที่รับเรื่องแล้ว',
    })
    expect(res.status).toBe(200)
    expect(res.json.event).toMatchObject({ type: 'message_out', internal: false, actorType: 'officer' })
    await s.emulator.waitForMessages(user.userId, 3)
    expect(texts(user.userId)[2]).toBe('สวัสดีครับ เจ้าหน้าที่รับเรื่องแล้ว')
    const view = await api<{ events: { type: string; body: string | null }[] }>('GET', `/api/admin/cases/${c.id}`)
    // A consultation's first answer also takes it up (waiting → in_progress: bot/consultation/messages/answer.ts).
    expect(view.json.events.map((e) => e.type)).toEqual(['created', 'message_in', 'message_out', 'status'])
    expect(view.json.events[1]?.body).toBe(XSS) // the citizen's words, verbatim, as text
  })

  it('assigns, claims and unassigns, within the station only', async () => {
    const c = await fileCase(s)
    const colleague = await signInOfficer(s.db.db, { role: 'duty_officer', displayName: 'ส.ต.อ. เพื่อน' })
    const path = `/api/admin/cases/${c.id}/assign`
    expect((await api('POST', path, { officerId: 'me' })).json).toMatchObject({ case: { assignee: { id: me.id } } })
    expect((await api('POST', path, { officerId: colleague.id })).json).toMatchObject({
      case: { assignee: { id: colleague.id, displayName: 'ส.ต.อ. เพื่อน' } },
    })
    expect((await api('POST', path, { officerId: null })).json).toMatchObject({ case: { assignee: null } })
    expect((await api('POST', path, { officerId: randomUUID() })).status).toBe(400)
    const patrol = await signInOfficer(s.db.db, { role: 'patrol_officer' })
    expect((await apiAs(s, patrol.headers)('POST', path, { officerId: 'me' })).status).toBe(403)
    const actions = await s.db.db.select().from(auditLog).where(eq(auditLog.entityId, c.id))
    expect(actions.filter((a) => a.action === 'case.assign')).toHaveLength(3)
  })

  it("posts new cases to the station's LINE group as a Flex card that opens the case in the admin LIFF", async () => {
    const admin = await signInOfficer(s.db.db, { role: 'admin' })
    const member = s.emulator.createUser({ displayName: 'ร.ต.อ. เวร' })
    const group = s.emulator.createGroup({ groupName: 'เวร สภ.เมืองระยอง', memberIds: [member.userId] })
    await s.emulator.joinGroup(group.groupId)
    await until('the group to be recorded', async () => {
      const [g] = await s.db.db.select().from(lineGroups).where(eq(lineGroups.groupId, group.groupId))
      return g
    })
    const bind = await apiAs(s, admin.headers)('PUT', `/api/admin/groups/${group.groupId}/binding`, { bound: true })
    expect(bind.status, JSON.stringify(bind.json)).toBe(200)
    const c = await fileCase(s, { kind: 'sos', priority: 'urgent', summary: XSS })
    // The group may also hold the bot's hello from joining; the alert is the Flex message naming the case.
    const card = await until('the alert card', async () =>
      s.emulator
        .messagesTo(group.groupId)
        .find((m) => m.message.type === 'flex' && JSON.stringify(m.message).includes(c.referenceNumber)),
    )
    expect(card?.via).toBe('push')
    expect(card?.message.type).toBe('flex')
    const json = JSON.stringify(card?.message)
    expect(json).toContain(c.referenceNumber)
    expect(json).toContain(`https://liff.line.me/${s.deps.config.line.liffIdAdmin}/cases/${c.id}`)
    expect(json).toContain(JSON.stringify(XSS).slice(1, -1)) // a Flex text component: shown as text by LINE
  })
})

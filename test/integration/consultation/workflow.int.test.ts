import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeConsultation, recordRating, recordRatingComment } from '../../../bot/consultation/workflow/close.js'
import { escalateMissedFirstResponses } from '../../../bot/consultation/workflow/escalation.js'
import { auditLog, caseEvents, cases, citizens, outboundMessages, stations } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { type Api, apiAs, befriend, fileCase } from '../cases/fixtures.js'
import { bindStationGroup, caseRow, consultationRow, insertConsultation } from './fixtures-flow.js'

type QuickReply = { items: { action: { type: string; label?: string; data?: string; displayText?: string } }[] }
const HOUR = 3_600_000

// Issue #12, the workflow: close (summary, rating), the SLA's escalation to the station's group, transfer with a
// note, conversion to another kind; through the admin API and the LINE emulator, with a controllable clock where
// time matters (the functions take `now`).
let s: Stack
let officer: TestOfficer
let colleague: TestOfficer
let viewer: TestOfficer
let api: Api
let groupId: string
beforeAll(async () => {
  s = await startStack()
  officer = await signInOfficer(s.db.db, { role: 'legal_advisor', displayName: 'ร.ต.ท. ที่ปรึกษา' })
  colleague = await signInOfficer(s.db.db, { role: 'duty_officer', displayName: 'ด.ต. เวร' })
  viewer = await signInOfficer(s.db.db, { role: 'viewer' })
  api = apiAs(s, officer.headers)
  groupId = await bindStationGroup(s)
})
afterAll(async () => {
  await s?.close()
})

const deps = () => ({ audit: s.deps.officers.audit, cipher: s.deps.cipher })

async function events(caseId: string) {
  return s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.id)
}
async function auditActions(caseId: string) {
  const rows = await s.db.db.select().from(auditLog).where(eq(auditLog.entityId, caseId))
  return rows
}
function quickReplyOf(m: { message: Record<string, unknown> } | undefined): QuickReply['items'] {
  return (m?.message.quickReply as QuickReply | undefined)?.items ?? []
}

describe('close and rating', () => {
  it('an officer closes with a summary sent: the citizen gets it, then the 1–5 question with postbacks', async () => {
    const { user, citizen } = await befriend(s, 'สมหญิง ปรึกษา')
    const { case: c } = await insertConsultation(s, { citizenId: citizen.id })
    const before = s.emulator.messagesTo(user.userId).length

    const res = await api('POST', `/api/admin/consultations/${c.id}/close`, {
      summary: 'ให้แจ้งความที่สถานีพร้อมหลักฐานการโอนเงิน',
      sendSummary: true,
    })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json).toMatchObject({ caseId: c.id, status: 'closed', summarySent: true, ratingAsked: true })

    const [summary, question] = (await s.emulator.waitForMessages(user.userId, before + 2)).slice(before)
    expect(summary?.message.text).toContain(c.referenceNumber)
    expect(summary?.message.text).toContain('ให้แจ้งความที่สถานีพร้อมหลักฐานการโอนเงิน')
    expect(question?.message.text).toContain('1–5')
    const items = quickReplyOf(question)
    expect(items).toHaveLength(5)
    expect(items.map((i) => i.action.type)).toEqual(Array(5).fill('postback'))
    expect(items.map((i) => new URLSearchParams(i.action.data).get('r'))).toEqual(['5', '4', '3', '2', '1'])
    const data = new URLSearchParams(items[0]?.action.data)
    expect(Object.fromEntries(data)).toEqual({ a: 'con-rate', c: c.id, r: '5' })
    expect(items[0]?.action.displayText).toBe('ให้คะแนน 5 ดาว')
    expect(items.every((i) => (i.action.label?.length ?? 0) <= 20)).toBe(true)

    const row = await caseRow(s, c.id)
    expect(row).toMatchObject({ status: 'closed' })
    expect(row?.resolvedAt).not.toBeNull()
    const k = await consultationRow(s, c.id)
    expect(k).toMatchObject({ closedBy: 'officer', nextResponseDueAt: null, rating: null })
    expect(k?.closingSummaryEnc).not.toContain('หลักฐาน')
    expect(s.deps.cipher.decrypt(k?.closingSummaryEnc ?? '')).toBe('ให้แจ้งความที่สถานีพร้อมหลักฐานการโอนเงิน')
    expect(k?.ratingExpiresAt && k.ratingAskedAt ? k.ratingExpiresAt.getTime() - k.ratingAskedAt.getTime() : 0).toBe(
      24 * HOUR,
    )
    const closed = (await events(c.id)).find((e) => e.type === 'status' && e.toStatus === 'closed')
    expect(closed).toMatchObject({ actorType: 'officer', officerId: officer.id, fromStatus: 'waiting' })
    expect(closed?.data).toMatchObject({ closedBy: 'officer', summary: true, summarySent: true, ratingAsked: true })
    expect((await auditActions(c.id)).map((a) => a.action)).toContain('consultation.close')

    const again = await api('POST', `/api/admin/consultations/${c.id}/close`, {})
    expect(again.status).toBe(409)
    expect((again.json as { error: { code: string } }).error.code).toBe('consultation_closed')
  })

  it('without a summary only the rating question goes out; a summary not to send is kept, not sent', async () => {
    const { user, citizen } = await befriend(s, 'Jane Asker', 'en')
    const first = await insertConsultation(s, { citizenId: citizen.id, language: 'en' })
    const before = s.emulator.messagesTo(user.userId).length
    const res = await api('POST', `/api/admin/consultations/${first.case.id}/close`, {})
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json).toMatchObject({ summarySent: false, ratingAsked: true })
    const [question] = (await s.emulator.waitForMessages(user.userId, before + 1)).slice(before)
    expect(question?.message.text).toContain('rate this consultation')
    expect(quickReplyOf(question)[0]?.action.displayText).toBe('Rated 5 stars')
    expect((await consultationRow(s, first.case.id))?.closingSummaryEnc).toBeNull()

    const second = await insertConsultation(s, { citizenId: citizen.id, language: 'en' })
    const res2 = await api('POST', `/api/admin/consultations/${second.case.id}/close`, {
      summary: 'internal wrap-up only',
    })
    expect(res2.json).toMatchObject({ summarySent: false, ratingAsked: true })
    const [only, extra] = (await s.emulator.waitForMessages(user.userId, before + 2)).slice(before + 1)
    expect(only?.message.text).toContain('rate this consultation')
    expect(extra).toBeUndefined()
    const k = await consultationRow(s, second.case.id)
    expect(s.deps.cipher.decrypt(k?.closingSummaryEnc ?? '')).toBe('internal wrap-up only')
  })

  it('a citizen who blocked the OA gets nothing: no summary, no question, no outbox row', async () => {
    const { citizen } = await befriend(s, 'ผู้บล็อก')
    await s.db.db.update(citizens).set({ followState: 'blocked' }).where(eq(citizens.id, citizen.id))
    const { case: c } = await insertConsultation(s, { citizenId: citizen.id })
    const res = await api('POST', `/api/admin/consultations/${c.id}/close`, { summary: 'สรุป', sendSummary: true })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json).toMatchObject({ summarySent: false, ratingAsked: false })
    const rows = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.to, citizen.lineUserId))
    expect(rows.filter((r) => r.purpose === 'consultation-close')).toHaveLength(0)
    expect((await consultationRow(s, c.id))?.ratingAskedAt).toBeNull()
  })

  it('the citizen ending it gets the question in the same turn (returned, not pushed through the outbox)', async () => {
    const { citizen } = await befriend(s, 'ผู้จบเอง')
    const { case: c } = await insertConsultation(s, { citizenId: citizen.id })
    const now = new Date()
    const r = await s.db.db.transaction((tx) => closeConsultation(tx, deps(), { caseId: c.id, by: 'citizen', now }))
    expect(r.outboundIds).toEqual([])
    expect(r.messages).toHaveLength(1)
    expect(quickReplyOf({ message: r.messages[0] as never })).toHaveLength(5)
    expect((await consultationRow(s, c.id))?.closedBy).toBe('citizen')
    const rows = await s.db.db
      .select()
      .from(outboundMessages)
      .where(and(eq(outboundMessages.to, citizen.lineUserId), eq(outboundMessages.purpose, 'consultation-close')))
    expect(rows).toHaveLength(0)
  })

  it('recordRating: valid once, a second tap and an expired question ignored, 1–5 only', async () => {
    const { citizen } = await befriend(s, 'ผู้ให้คะแนน')
    const t0 = new Date('2026-12-01T03:00:00Z')
    const open = async () => {
      const { case: c } = await insertConsultation(s, { citizenId: citizen.id, now: t0 })
      await s.db.db.transaction((tx) =>
        closeConsultation(tx, deps(), {
          caseId: c.id,
          by: 'officer',
          officer: { officerId: officer.id, stationId: officer.stationId, displayName: 'x' },
          now: t0,
        }),
      )
      return c.id
    }
    const rate = (caseId: string, rating: number, now: Date, comment?: string) =>
      s.db.db.transaction((tx) => recordRating(tx, { caseId, rating, comment, now }, { cipher: s.deps.cipher }))

    const a = await open()
    expect(await rate(a, 0, new Date(t0.getTime() + HOUR))).toEqual({ recorded: false, reason: 'out_of_range' })
    expect(await rate(a, 6, new Date(t0.getTime() + HOUR))).toEqual({ recorded: false, reason: 'out_of_range' })
    expect(await rate(a, 2.5, new Date(t0.getTime() + HOUR))).toEqual({ recorded: false, reason: 'out_of_range' })
    expect(await rate(a, 4, new Date(t0.getTime() + HOUR), 'ตอบเร็วดี')).toEqual({ recorded: true })
    expect(await rate(a, 1, new Date(t0.getTime() + 2 * HOUR))).toEqual({ recorded: false, reason: 'already_rated' })
    const k = await consultationRow(s, a)
    expect(k?.rating).toBe(4)
    expect(s.deps.cipher.decrypt(k?.ratingCommentEnc ?? '')).toBe('ตอบเร็วดี')
    const note = (await events(a)).find((e) => e.type === 'note' && e.actorType === 'citizen')
    expect(note).toMatchObject({ internal: true, data: { rating: 4, comment: true } })

    const b = await open()
    expect(await rate(b, 5, new Date(t0.getTime() + 25 * HOUR))).toEqual({ recorded: false, reason: 'expired' })
    expect((await consultationRow(s, b))?.rating).toBeNull()

    const c = await open()
    expect(await rate(c, 5, new Date(t0.getTime() + 23 * HOUR))).toEqual({ recorded: true })
    const comment = (text: string, h: number) =>
      s.db.db.transaction((tx) =>
        recordRatingComment(
          tx,
          { cipher: s.deps.cipher },
          { caseId: c, comment: text, now: new Date(t0.getTime() + h * HOUR) },
        ),
      )
    expect(await comment('ขอบคุณครับ', 23.5)).toBe(true)
    expect(await comment('อีกครั้ง', 23.6)).toBe(false)

    // Another citizen's tap (forged postback) or a malformed ID: nothing to record.
    const e = await open()
    const other = await befriend(s, 'ผู้อื่น')
    const foreign = await s.db.db.transaction((tx) =>
      recordRating(tx, { caseId: e, rating: 1, now: new Date(t0.getTime() + HOUR), citizenId: other.citizen.id }),
    )
    expect(foreign).toEqual({ recorded: false, reason: 'not_asked' })
    expect(await rate('not-a-uuid', 3, new Date(t0.getTime() + HOUR))).toEqual({ recorded: false, reason: 'not_asked' })
    const own = await s.db.db.transaction((tx) =>
      recordRating(tx, { caseId: e, rating: 3, now: new Date(t0.getTime() + HOUR), citizenId: citizen.id }),
    )
    expect(own).toEqual({ recorded: true })

    // Never asked (still open): nothing to record.
    const { case: d } = await insertConsultation(s, { citizenId: citizen.id })
    expect(await rate(d.id, 5, new Date())).toEqual({ recorded: false, reason: 'not_asked' })
  })

  it('a re-opened consultation already rated is told it ended, not asked again; the status route closes too', async () => {
    const { user, citizen } = await befriend(s, 'ผู้กลับมาถาม')
    const { case: c } = await insertConsultation(s, { citizenId: citizen.id })
    const start = s.emulator.messagesTo(user.userId).length
    expect((await api('POST', `/api/admin/cases/${c.id}/status`, { status: 'in_progress' })).status).toBe(200)
    await s.emulator.waitForMessages(user.userId, start + 1) // the status template ("กำลังดำเนินการ")
    const before = start + 1
    // The inbox's generic status route: the officer's message is the summary, sent.
    const closed = await api('POST', `/api/admin/cases/${c.id}/status`, { status: 'closed', message: 'สรุปสั้น ๆ' })
    expect(closed.status, JSON.stringify(closed.json)).toBe(200)
    const sent = (await s.emulator.waitForMessages(user.userId, before + 2)).slice(before)
    expect(sent[0]?.message.text).toContain('สรุปสั้น ๆ')
    expect(quickReplyOf(sent[1])).toHaveLength(5)
    expect((await consultationRow(s, c.id))?.closedBy).toBe('officer')
    const now = new Date()
    await s.db.db.transaction((tx) => recordRating(tx, { caseId: c.id, rating: 5, now }))

    const reopened = await api('POST', `/api/admin/cases/${c.id}/status`, { status: 'waiting' })
    expect(reopened.status, JSON.stringify(reopened.json)).toBe(200)
    expect(await consultationRow(s, c.id)).toMatchObject({ closedAt: null, closedBy: null, reopenCount: 1 })
    expect((await caseRow(s, c.id))?.resolvedAt).toBeNull()

    const again = await api('POST', `/api/admin/consultations/${c.id}/close`, {})
    expect(again.json).toMatchObject({ ratingAsked: false })
    const [told] = (await s.emulator.waitForMessages(user.userId, before + 3)).slice(before + 2)
    expect(told?.message.text).toContain('สิ้นสุดแล้ว')
    expect(told?.message.quickReply).toBeUndefined()
  })

  it('close: JSON errors (not a consultation, another station, unknown) and the permission', async () => {
    const lost = await fileCase(s, { kind: 'lost_document' })
    const res = await api('POST', `/api/admin/consultations/${lost.id}/close`, {})
    expect(res.status).toBe(409)
    expect((res.json as { error: { code: string } }).error.code).toBe('not_a_consultation')
    expect((await api('POST', '/api/admin/consultations/nope/close', {})).status).toBe(404)
    const bad = await api('POST', `/api/admin/consultations/${lost.id}/close`, { summary: 'x'.repeat(4001) })
    expect(bad.status).toBe(400)

    const { case: c } = await insertConsultation(s)
    const asViewer = await apiAs(s, viewer.headers)('POST', `/api/admin/consultations/${c.id}/close`, {})
    expect(asViewer.status).toBe(403)
    const convert = await apiAs(s, viewer.headers)('POST', `/api/admin/consultations/${c.id}/convert`, {
      kind: 'sos',
    })
    expect(convert.status).toBe(403)
    expect((await caseRow(s, c.id))?.status).toBe('waiting')

    await s.db.db.insert(stations).values({
      code: 'WFX',
      nameTh: 'สถานีอื่น',
      nameEn: 'Other station',
      addressTh: '-',
      addressEn: '-',
      phone: '191',
    })
    const { case: elsewhere } = await insertConsultation(s, { stationCode: 'WFX' })
    expect((await api('POST', `/api/admin/consultations/${elsewhere.id}/close`, {})).status).toBe(404)
    expect((await api('POST', `/api/admin/consultations/${elsewhere.id}/convert`, { kind: 'sos' })).status).toBe(404)
  })
})

describe('escalation of a missed first response', () => {
  // Due a day from the real clock: the worker's own minute check (real time) never sees these as late.
  const due = new Date(Date.now() + 24 * HOUR)
  const groupCards = () =>
    s.emulator.messagesTo(groupId).filter((m) => String(m.message.altText ?? '').startsWith('⏰ ปรึกษากฎหมาย'))

  it('posts once to the station group after the due time (two workers at once), not before', async () => {
    const { case: c } = await insertConsultation(s, {
      topic: 'debt',
      dueAt: due,
      now: new Date(due.getTime() - 5 * HOUR),
    })
    const liff = s.deps.config.line.liffIdAdmin
    const run = (at: Date) => escalateMissedFirstResponses(s.db.db, { adminLiffId: liff }, at)

    expect(await run(new Date(due.getTime() - 60_000))).toEqual([])
    const late = new Date(due.getTime() + 12 * 60_000)
    const [one, two] = await Promise.all([run(late), run(late)])
    expect([...(one ?? []), ...(two ?? [])].filter((id) => id === c.id)).toHaveLength(1)
    expect(await run(new Date(late.getTime() + 60_000))).not.toContain(c.id)

    const cards = await waitForCards(groupCards, (m) => JSON.stringify(m.message).includes(c.referenceNumber))
    expect(cards).toHaveLength(1)
    const card = JSON.stringify(cards[0]?.message)
    expect(card).toContain('หนี้สิน / เงินกู้')
    expect(card).toContain('รอคำตอบมาแล้ว 5 ชม. 12 นาที')
    expect(card).toContain(`https://liff.line.me/${liff}/cases/${c.id}`)
    expect((await consultationRow(s, c.id))?.escalatedAt?.getTime()).toBe(late.getTime())
    const note = (await events(c.id)).find((e) => e.type === 'note' && e.actorType === 'system')
    expect(note?.data).toMatchObject({ escalation: 'first_response' })
  })

  it('leaves answered, closed and group-less consultations alone', async () => {
    const answered = await insertConsultation(s, { dueAt: due }, { firstResponseAt: new Date(due.getTime() - HOUR) })
    const closed = await insertConsultation(
      s,
      { dueAt: due },
      { status: 'closed' },
      { closedAt: due, closedBy: 'officer' },
    )
    const late = new Date(due.getTime() + 2 * HOUR)
    const ids = await escalateMissedFirstResponses(s.db.db, { adminLiffId: 'x' }, late)
    expect(ids).not.toContain(answered.case.id)
    expect(ids).not.toContain(closed.case.id)
    expect((await consultationRow(s, answered.case.id))?.escalatedAt).toBeNull()

    await s.db.db.update(stations).set({ lineGroupId: null }).where(eq(stations.code, 'RYG'))
    try {
      const waiting = await insertConsultation(s, { dueAt: due })
      const none = await escalateMissedFirstResponses(s.db.db, { adminLiffId: 'x' }, late)
      expect(none).not.toContain(waiting.case.id)
      expect((await consultationRow(s, waiting.case.id))?.escalatedAt).toBeNull()
    } finally {
      await s.db.db.update(stations).set({ lineGroupId: groupId }).where(eq(stations.code, 'RYG'))
    }
  })

  it("the worker's minute check is wired (composition root): its tick escalates one already late", async () => {
    const { case: c } = await insertConsultation(s, { topic: 'cyber', dueAt: new Date(Date.now() - 60_000) })
    const ids = await s.deps.consultationWorkflow.escalation.tick()
    const k = await consultationRow(s, c.id)
    // The worker's own timer may have taken it a moment before: either way, escalated once.
    expect(ids.includes(c.id) || k?.escalatedAt !== null).toBe(true)
    expect(k?.escalatedAt).not.toBeNull()
    const cards = await waitForCards(groupCards, (m) => JSON.stringify(m.message).includes(c.referenceNumber))
    expect(cards).toHaveLength(1)
    expect(JSON.stringify(cards[0]?.message)).toContain('ถูกคุกคามออนไลน์')
  })

  it('the inbox counts a consultation past its next-response time as overdue, not one answered in time', async () => {
    const past = new Date(Date.now() - HOUR)
    const waitingAgain = await insertConsultation(
      s,
      { dueAt: past },
      { firstResponseAt: new Date(Date.now() - 2 * HOUR), status: 'answered', resolvedAt: past },
      { nextResponseDueAt: new Date(Date.now() - 60_000) },
    )
    const answeredInTime = await insertConsultation(
      s,
      { dueAt: past },
      { firstResponseAt: new Date(Date.now() - 2 * HOUR), status: 'in_progress' },
    )
    const list = await api<{ items: { id: string; overdue: boolean }[] }>(
      'GET',
      '/api/admin/cases?kind=consultation&overdue=true&limit=100',
    )
    expect(list.status, JSON.stringify(list.json)).toBe(200)
    const ids = list.json.items.map((i) => i.id)
    expect(ids).toContain(waitingAgain.case.id)
    expect(ids).not.toContain(answeredInTime.case.id)
    expect(list.json.items.find((i) => i.id === waitingAgain.case.id)?.overdue).toBe(true)
    const all = await api<{ items: { id: string; overdue: boolean }[] }>(
      'GET',
      '/api/admin/cases?kind=consultation&limit=100',
    )
    expect(all.json.items.find((i) => i.id === answeredInTime.case.id)?.overdue).toBe(false)
  })
})

describe('transfer with a note', () => {
  it('the note is on the assignment entry (internal), audited, and the new assignee reads it', async () => {
    const { case: c } = await insertConsultation(s)
    const note = 'ผู้ขอคำปรึกษาเรื่องที่ดิน ขอให้ช่วยดูต่อ มีเอกสารโฉนดแนบมา'
    const res = await api('POST', `/api/admin/cases/${c.id}/assign`, { officerId: colleague.id, note })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const entry = (await events(c.id)).find((e) => e.type === 'assignment')
    expect(entry).toMatchObject({ internal: true, body: note, data: { from: null, to: colleague.id } })
    const audit = (await auditActions(c.id)).find((a) => a.action === 'case.assign')
    expect(audit?.details).toEqual({ from: null, to: colleague.id, withNote: true })

    const view = await apiAs(s, colleague.headers)<{ events: { type: string; body: unknown }[] }>(
      'GET',
      `/api/admin/cases/${c.id}`,
    )
    expect(view.json.events.find((e) => e.type === 'assignment')?.body).toBe(note)

    const long = await api('POST', `/api/admin/cases/${c.id}/assign`, { officerId: 'me', note: 'x'.repeat(501) })
    expect(long.status).toBe(400)
    const plain = await api('POST', `/api/admin/cases/${c.id}/assign`, { officerId: 'me' })
    expect(plain.status).toBe(200)
  })
})

describe('conversion to another kind', () => {
  it('to a lost-document report: new case, consultation closed and linked, the citizen told, audited', async () => {
    const { user, citizen } = await befriend(s, 'ผู้ทำบัตรหาย')
    const { case: c } = await insertConsultation(s, { citizenId: citizen.id })
    const before = s.emulator.messagesTo(user.userId).length
    const res = await api<{ caseId: string; referenceNumber: string }>(
      'POST',
      `/api/admin/consultations/${c.id}/convert`,
      { kind: 'lost_document' },
    )
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const created = await caseRow(s, res.json.caseId)
    expect(created).toMatchObject({ kind: 'lost_document', status: 'submitted', citizenId: citizen.id })
    expect(created?.referenceNumber).toBe(res.json.referenceNumber)
    const newEvents = await events(res.json.caseId)
    expect(newEvents[0]).toMatchObject({ type: 'created', data: { fromCaseId: c.id, source: 'consultation' } })
    expect(newEvents.find((e) => e.type === 'note')?.data).toMatchObject({
      fromCaseId: c.id,
      link: { relation: 'converted_from', caseId: c.id },
    })

    expect(await consultationRow(s, c.id)).toMatchObject({ closedBy: 'officer', convertedToCaseId: res.json.caseId })
    expect((await caseRow(s, c.id))?.status).toBe('closed')
    const oldEvents = await events(c.id)
    expect(oldEvents.find((e) => e.type === 'note')?.data).toMatchObject({
      link: { relation: 'converted_to', caseId: res.json.caseId, kind: 'lost_document' },
    })
    expect(oldEvents.find((e) => e.toStatus === 'closed')?.data).toMatchObject({ ratingAsked: false })

    const [told, extra] = (await s.emulator.waitForMessages(user.userId, before + 1)).slice(before)
    expect(told?.message.text).toContain(res.json.referenceNumber)
    expect(told?.message.text).toContain('แจ้งเอกสารหาย')
    expect(told?.message.quickReply).toBeUndefined()
    expect(extra).toBeUndefined()
    expect((await auditActions(c.id)).map((a) => a.action)).toContain('consultation.convert')

    const again = await api('POST', `/api/admin/consultations/${c.id}/convert`, { kind: 'sos' })
    expect(again.status).toBe(409)
    expect((again.json as { error: { code: string } }).error.code).toBe('consultation_converted')
  })

  it('to an SOS case: urgent, due in the station’s SOS time, the group alerted, the citizen told to call 191', async () => {
    const { user, citizen } = await befriend(s, 'Tourist in trouble', 'en')
    const { case: c } = await insertConsultation(s, { citizenId: citizen.id, language: 'en' })
    const before = s.emulator.messagesTo(user.userId).length
    const started = Date.now()
    const res = await api<{ caseId: string; referenceNumber: string }>(
      'POST',
      `/api/admin/consultations/${c.id}/convert`,
      { kind: 'sos' },
    )
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const sos = await caseRow(s, res.json.caseId)
    expect(sos).toMatchObject({ kind: 'sos', status: 'new', priority: 'urgent', assigneeId: null })
    expect(res.json.referenceNumber).toMatch(/^RYG-SOS-\d{4}-\d{6}$/)
    const dueIn = (sos?.dueAt?.getTime() ?? 0) - (sos?.createdAt.getTime() ?? 0)
    expect(dueIn).toBe(10 * 60_000)
    expect(sos?.createdAt.getTime()).toBeGreaterThanOrEqual(started - 1_000)

    const alerts = await waitForCards(
      () => s.emulator.messagesTo(groupId),
      (m) => JSON.stringify(m.message).includes(res.json.referenceNumber),
    )
    expect(JSON.stringify(alerts[0]?.message)).toContain('ด่วน')
    const [told] = (await s.emulator.waitForMessages(user.userId, before + 1)).slice(before)
    expect(told?.message.text).toContain(res.json.referenceNumber)
    expect(told?.message.text).toContain('call 191')
    const [row] = await s.db.db.select().from(cases).where(eq(cases.id, c.id))
    expect(row?.status).toBe('closed')
  })
})

/** Group deliveries go through the outbox: wait until the matching one has arrived. */
async function waitForCards<T>(list: () => T[], match: (m: T) => boolean, timeoutMs = 10_000): Promise<T[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = list().filter(match)
    if (found.length > 0 || Date.now() > deadline) {
      // A second copy would arrive right behind the first: give it a moment before counting.
      await new Promise((r) => setTimeout(r, 300))
      return list().filter(match)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

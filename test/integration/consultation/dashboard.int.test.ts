import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationStats } from '../../../bot/contracts/consultations.js'
import { caseEvents, consultationAnswerOutcomes, outboundMessages } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiAs, station } from '../cases/fixtures.js'
import { insertConsultation } from './fixtures-settings.js'

// Issue #12, points 2, 5 and 6 on the dashboard: per topic and per officer (officers see their own line),
// common answers shown and sufficed, pushes per Bangkok month and kind.
const at = (iso: string) => new Date(iso)
const later = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000)
const RANGE = '?from=2026-02-25&to=2026-03-05'

let s: Stack
let supervisor: TestOfficer
let legalA: TestOfficer
let legalB: TestOfficer
let stationId = ''
let seeded: { id: string }[] = []
let deletedId = ''
let linkedCaseId = ''

async function push(purpose: string, deliveredAt: Date, sentVia = 'push') {
  const [row] = await s.db.db
    .insert(outboundMessages)
    .values({
      stationId,
      method: 'reply_or_push',
      to: `U${'3'.repeat(32)}`,
      messages: [{ type: 'text', text: 'x' }],
      status: 'delivered',
      sentVia,
      purpose,
      createdAt: deliveredAt,
      deliveredAt,
    })
    .returning({ id: outboundMessages.id })
  return row?.id ?? ''
}

async function outcome(answerIds: string[], sufficed: boolean | null, createdAt: Date) {
  await s.db.db.insert(consultationAnswerOutcomes).values({ stationId, topic: 'scam', answerIds, sufficed, createdAt })
}

beforeAll(async () => {
  s = await startStack({ worker: false })
  stationId = (await station(s)).id
  supervisor = await signInOfficer(s.db.db, { role: 'supervisor' })
  legalA = await signInOfficer(s.db.db, { role: 'legal_advisor', displayName: 'ร.ต.ท. อนันต์' })
  legalB = await signInOfficer(s.db.db, { role: 'legal_advisor', displayName: 'ร.ต.ต. บุญมี' })

  const a1 = at('2026-03-02T02:00:00Z')
  const c1 = await insertConsultation(s, {
    citizenId: null,
    topic: 'scam',
    openedAt: a1,
    firstResponseAt: later(a1, 20),
    assigneeId: legalA.id,
    closed: { at: later(a1, 90), by: 'officer' },
    rating: { value: 4, at: later(a1, 95) },
  })
  linkedCaseId = c1.id
  const a2 = at('2026-03-02T03:00:00Z')
  await insertConsultation(s, {
    citizenId: null,
    topic: 'scam',
    openedAt: a2,
    firstResponseAt: later(a2, 40),
    assigneeId: legalA.id,
    rating: { value: 5, at: later(a2, 95) },
  })
  const b = at('2026-03-03T02:00:00Z')
  // Nobody claimed it; legalB answered first: it counts for legalB.
  await insertConsultation(s, {
    citizenId: null,
    topic: 'debt',
    openedAt: b,
    firstResponseAt: later(b, 60),
    thread: [
      { from: 'citizen', text: 'ดอกเบี้ยร้อยละ 20 ต่อเดือน', at: b },
      { from: 'officer', text: 'เกินอัตราตามกฎหมาย', at: later(b, 60), officerId: legalB.id },
    ],
    rating: { value: 2, at: later(b, 120) },
  })
  await insertConsultation(s, { citizenId: null, topic: 'debt', openedAt: b }) // unanswered
  await insertConsultation(s, { citizenId: null, topic: 'scam', openedAt: at('2026-02-01T02:00:00Z') }) // outside

  // Common answers: two seeded scam answers, and one added then deleted.
  const answers = apiAs(s, supervisor.headers)
  seeded = (await answers<{ id: string }[]>('GET', '/api/admin/consultations/answers?topic=scam')).json
  const created = await answers<{ id: string }>('POST', '/api/admin/consultations/answers', {
    topic: 'scam',
    titleTh: 'ชั่วคราว',
    titleEn: 'Temporary',
    bodyTh: 'ข้อความ',
    bodyEn: 'Text',
  })
  deletedId = created.json.id
  const [first, second] = seeded.map((a) => a.id)
  await outcome([first ?? '', second ?? ''], true, at('2026-03-02T01:00:00Z'))
  await outcome([first ?? ''], false, at('2026-03-02T04:00:00Z'))
  await outcome([first ?? ''], null, at('2026-03-03T04:00:00Z'))
  await outcome([first ?? ''], true, at('2026-02-01T04:00:00Z')) // outside
  await outcome([deletedId], false, at('2026-03-04T04:00:00Z'))
  expect((await answers('DELETE', `/api/admin/consultations/answers/${deletedId}`)).status).toBe(204)

  // Pushes: an officer's answer linked to c1 by its timeline event, other purposes by their mapping.
  const linked = await push('case-message', at('2026-03-02T02:20:00Z'))
  await s.db.db.insert(caseEvents).values({
    caseId: linkedCaseId,
    type: 'message_out',
    actorType: 'officer',
    officerId: legalA.id,
    body: null,
    data: { outboundIds: [linked] },
    createdAt: at('2026-03-02T02:20:00Z'),
  })
  await push('case-status', at('2026-03-02T05:00:00Z'))
  await push('consultation-rating', at('2026-03-02T05:00:00Z'))
  await push('conversation', at('2026-02-28T18:00:00Z')) // 01:00 on 1 March in Bangkok
  await push('conversation', at('2026-02-27T10:00:00Z'))
  await push('lost-document-record', at('2026-03-03T10:00:00Z'))
  await push('conversation', at('2026-03-03T10:00:00Z'), 'reply') // a reply is free: not counted
  await push('conversation', at('2026-01-03T10:00:00Z')) // outside
})
afterAll(async () => {
  await s?.close()
})

async function stats(officer: TestOfficer) {
  const res = await apiAs(s, officer.headers)<{ consultations: ConsultationStats }>(
    'GET',
    `/api/admin/dashboard${RANGE}`,
  )
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json.consultations
}

describe('GET /api/admin/dashboard: consultations', () => {
  it('per topic: opened, median first response, ratings and their average (every topic listed)', async () => {
    const c = await stats(supervisor)
    expect(c.perTopic.map((t) => t.topic)).toEqual([
      'scam',
      'family',
      'debt',
      'traffic',
      'labour',
      'property',
      'cyber',
      'other',
    ])
    expect(c.perTopic.find((t) => t.topic === 'scam')).toEqual({
      topic: 'scam',
      opened: 2,
      medianFirstResponseMinutes: 30,
      ratings: 2,
      averageRating: 4.5,
    })
    expect(c.perTopic.find((t) => t.topic === 'debt')).toEqual({
      topic: 'debt',
      opened: 2,
      medianFirstResponseMinutes: 60,
      ratings: 1,
      averageRating: 2,
    })
    expect(c.perTopic.find((t) => t.topic === 'family')).toMatchObject({ opened: 0, averageRating: null })
  })

  it("per officer (most answered first): supervisors see every officer's line, a legal advisor only their own", async () => {
    const all = await stats(supervisor)
    expect(all.perOfficer).toEqual([
      {
        officerId: legalA.id,
        displayName: 'ร.ต.ท. อนันต์',
        answered: 2,
        medianFirstResponseMinutes: 30,
        averageRating: 4.5,
      },
      {
        officerId: legalB.id,
        displayName: 'ร.ต.ต. บุญมี',
        answered: 1,
        medianFirstResponseMinutes: 60,
        averageRating: 2,
      },
    ])
    const own = await stats(legalA)
    expect(own.perOfficer.map((o) => o.officerId)).toEqual([legalA.id])
    expect(own.perTopic).toEqual(all.perTopic) // the station's figures are the same for everyone
    const duty = await stats(await signInOfficer(s.db.db, { role: 'duty_officer' }))
    expect(duty.perOfficer).toEqual([])
  })

  it('common answers: shown and sufficed over the range; a deleted answer keeps its counts', async () => {
    const c = await stats(supervisor)
    const [first, second] = seeded.map((a) => a.id)
    const byId = new Map(c.commonAnswers.map((a) => [a.answerId, a]))
    expect(byId.get(first ?? '')).toMatchObject({ topic: 'scam', shown: 3, sufficed: 1 })
    expect(byId.get(first ?? '')?.titleTh).toBeTruthy()
    expect(byId.get(second ?? '')).toMatchObject({ shown: 1, sufficed: 1 })
    expect(byId.get(deletedId)).toMatchObject({ shown: 1, sufficed: 0, titleTh: 'คำตอบที่ลบแล้ว (deleted)' })
    expect(c.commonAnswers).toHaveLength(3)
  })

  it('pushes per Bangkok month and kind: linked to the case, else by purpose; replies not counted', async () => {
    const c = await stats(supervisor)
    expect(c.pushesPerMonth).toEqual([
      { month: '2026-02', kind: 'chat', pushes: 1 },
      { month: '2026-03', kind: 'case', pushes: 1 },
      { month: '2026-03', kind: 'chat', pushes: 1 },
      { month: '2026-03', kind: 'consultation', pushes: 2 },
      { month: '2026-03', kind: 'lost_document', pushes: 1 },
    ])
  })
})

import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConsultationStats } from '../../../bot/contracts/consultations.js'
import { writeOutbox } from '../../../bot/line/outbox.js'
import { consultationAnswerOutcomes, outboundMessages } from '../../../db/schema/index.js'
import { createDeliverOutbound } from '../../../jobs/deliver-outbound.job.js'
import { lineFriend } from '../../helpers/line-friend.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiAs, station } from '../cases/fixtures.js'
import { insertConsultation } from './fixtures-settings.js'

// Issue #12, points 2, 5 and 6 on the dashboard: per topic and per officer (officers see their own line), response
// times in office minutes (the station's hours, Mon–Fri 08:30–16:30 by default, and its holidays), common answers
// shown and sufficed, messages per Bangkok month and kind from the counter (any month, after the outbox is purged).
const at = (iso: string) => new Date(iso)
const RANGE = '?from=2026-02-25&to=2026-03-05'

let s: Stack
let supervisor: TestOfficer
let legalA: TestOfficer
let legalB: TestOfficer
let stationId = ''
let seeded: { id: string }[] = []
let deletedId = ''
const delivered: string[] = []

async function outcome(answerIds: string[], sufficed: boolean | null, createdAt: Date) {
  await s.db.db.insert(consultationAnswerOutcomes).values({ stationId, topic: 'scam', answerIds, sufficed, createdAt })
}

/** Messages written and delivered by the deliver job with its clock at `when` (a push unless a reply token is given). */
async function deliverAt(when: string, writes: { purpose: string; kind?: string; reply?: boolean }[]) {
  let clock = at(when).getTime()
  const deliver = createDeliverOutbound({ db: s.db.db, line: s.deps.line, logger: quiet, now: () => new Date(clock) })
  for (const w of writes) {
    const user = lineFriend(s, 'พลเมือง')
    const sent = w.reply ? await s.emulator.sendText(user.userId, 'สวัสดีครับ') : null
    const inbound = sent
      ? await s.db.db.query.inboundEvents.findFirst({
          where: (e, { eq }) => eq(e.webhookEventId, sent.event.webhookEventId),
        })
      : undefined
    const [id] = await s.db.db.transaction((tx) =>
      writeOutbox(tx, {
        to: user.userId,
        stationId,
        messages: [{ type: 'text', text: w.purpose }],
        purpose: w.purpose,
        ...(w.kind ? { kind: w.kind } : {}),
        ...(inbound && sent
          ? {
              reply: {
                inboundEventId: inbound.id,
                replyToken: sent.event.replyToken ?? '',
                receivedAt: new Date(clock),
              },
            }
          : {}),
      }),
    )
    expect(await deliver({ outboundId: id ?? '' })).toBe('delivered')
    delivered.push(id ?? '')
    clock += 1000
  }
}
const quiet = { info() {}, warn() {}, error() {} }

beforeAll(async () => {
  s = await startStack({ worker: false })
  stationId = (await station(s)).id
  supervisor = await signInOfficer(s.db.db, { role: 'supervisor' })
  legalA = await signInOfficer(s.db.db, { role: 'legal_advisor', displayName: 'ร.ต.ท. อนันต์' })
  legalB = await signInOfficer(s.db.db, { role: 'legal_advisor', displayName: 'ร.ต.ต. บุญมี' })

  // Monday 2 March 09:00 (Bangkok), answered at 09:20 (20 office minutes); the citizen writes again at 10:00, the
  // next answer at 10:30 (30).
  await insertConsultation(s, {
    citizenId: null,
    topic: 'scam',
    openedAt: at('2026-03-02T02:00:00Z'),
    firstResponseAt: at('2026-03-02T02:20:00Z'),
    assigneeId: legalA.id,
    thread: [
      { from: 'citizen', text: 'มีคนโทรมาอ้างเป็นตำรวจ', at: at('2026-03-02T02:00:00Z') },
      { from: 'officer', text: 'อย่าโอนเงินครับ', at: at('2026-03-02T02:20:00Z'), officerId: legalA.id },
      { from: 'citizen', text: 'เขาส่งหมายจับมาด้วย', at: at('2026-03-02T03:00:00Z') },
      { from: 'officer', text: 'หมายปลอมครับ', at: at('2026-03-02T03:30:00Z'), officerId: legalA.id },
    ],
    closed: { at: at('2026-03-02T04:00:00Z'), by: 'officer' },
    rating: { value: 4, at: at('2026-03-02T04:05:00Z') },
  })
  // Friday 27 February 16:00, answered Monday 09:00: 60 office minutes (16:00–16:30 and 08:30–09:00), not 65 hours.
  await insertConsultation(s, {
    citizenId: null,
    topic: 'scam',
    openedAt: at('2026-02-27T09:00:00Z'),
    firstResponseAt: at('2026-03-02T02:00:00Z'),
    assigneeId: legalA.id,
    rating: { value: 5, at: at('2026-03-02T05:00:00Z') },
  })
  // Wednesday 4 March 09:00, answered at 10:00 (60). Nobody claimed it; legalB answered first: it counts for legalB.
  // The citizen writes again at 16:20 and 16:25; the next answer on Thursday 08:40: 20 office minutes.
  await insertConsultation(s, {
    citizenId: null,
    topic: 'debt',
    openedAt: at('2026-03-04T02:00:00Z'),
    firstResponseAt: at('2026-03-04T03:00:00Z'),
    thread: [
      { from: 'citizen', text: 'ดอกเบี้ยร้อยละ 20 ต่อเดือน', at: at('2026-03-04T02:00:00Z') },
      { from: 'officer', text: 'เกินอัตราตามกฎหมาย', at: at('2026-03-04T03:00:00Z'), officerId: legalB.id },
      { from: 'citizen', text: 'แล้วต้องทำอย่างไรต่อ', at: at('2026-03-04T09:20:00Z') },
      { from: 'citizen', text: 'เขาขู่จะมาที่บ้าน', at: at('2026-03-04T09:25:00Z') },
      { from: 'officer', text: 'แจ้งความได้ครับ', at: at('2026-03-05T01:40:00Z'), officerId: legalB.id },
    ],
    rating: { value: 2, at: at('2026-03-05T02:00:00Z') },
  })
  // Tuesday 3 March is Makha Bucha (a seeded holiday): asked at 10:00, answered Wednesday 08:40: 10 office minutes.
  await insertConsultation(s, {
    citizenId: null,
    topic: 'debt',
    openedAt: at('2026-03-03T03:00:00Z'),
    firstResponseAt: at('2026-03-04T01:40:00Z'),
    assigneeId: legalB.id,
  })
  await insertConsultation(s, { citizenId: null, topic: 'debt', openedAt: at('2026-03-04T02:00:00Z') }) // unanswered
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

  // Deliveries in January (older than the outbox keeps rows), around the 1 March boundary and in March.
  await deliverAt('2026-01-10T03:00:00Z', [
    { purpose: 'conversation' },
    { purpose: 'case-message', kind: 'consultation' },
  ])
  await deliverAt('2026-02-28T18:00:00Z', [{ purpose: 'conversation' }]) // 01:00 on 1 March in Bangkok
  await deliverAt('2026-03-02T05:00:00Z', [
    { purpose: 'consultation-rating' },
    { purpose: 'conversation', reply: true }, // a reply is free: counted apart
    { purpose: 'case-status', kind: 'lost_document' },
  ])
  await deliverAt('2026-02-27T10:00:00Z', [{ purpose: 'station-alert' }])
})
afterAll(async () => {
  await s?.close()
})

async function stats(officer: TestOfficer, range = RANGE) {
  const res = await apiAs(s, officer.headers)<{ consultations: ConsultationStats }>(
    'GET',
    `/api/admin/dashboard${range}`,
  )
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json.consultations
}

describe('GET /api/admin/dashboard: consultations', () => {
  it('per topic: opened, median first and next response in office minutes, ratings (every topic listed)', async () => {
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
    // First answers 20 and 60 (Friday 16:00 → Monday 09:00); the next answer 30.
    expect(c.perTopic.find((t) => t.topic === 'scam')).toEqual({
      topic: 'scam',
      opened: 2,
      medianFirstResponseOfficeMinutes: 40,
      medianNextResponseOfficeMinutes: 30,
      ratings: 2,
      averageRating: 4.5,
    })
    // First answers 60 and 10 (across the holiday); the next answer 20 (overnight); one still unanswered.
    expect(c.perTopic.find((t) => t.topic === 'debt')).toEqual({
      topic: 'debt',
      opened: 3,
      medianFirstResponseOfficeMinutes: 35,
      medianNextResponseOfficeMinutes: 20,
      ratings: 1,
      averageRating: 2,
    })
    expect(c.perTopic.find((t) => t.topic === 'family')).toMatchObject({
      opened: 0,
      medianFirstResponseOfficeMinutes: null,
      medianNextResponseOfficeMinutes: null,
      averageRating: null,
    })
  })

  it("per officer (most answered first): supervisors see every officer's line, a legal advisor only their own", async () => {
    const all = await stats(supervisor)
    // As many answered: by name (ต before ท).
    expect(all.perOfficer).toEqual([
      {
        officerId: legalB.id,
        displayName: 'ร.ต.ต. บุญมี',
        answered: 2,
        medianFirstResponseOfficeMinutes: 35,
        medianNextResponseOfficeMinutes: 20,
        averageRating: 2,
      },
      {
        officerId: legalA.id,
        displayName: 'ร.ต.ท. อนันต์',
        answered: 2,
        medianFirstResponseOfficeMinutes: 40,
        medianNextResponseOfficeMinutes: 30,
        averageRating: 4.5,
      },
    ])
    const own = await stats(legalA)
    expect(own.perOfficer).toEqual([all.perOfficer[1]])
    expect(own.perTopic).toEqual(all.perTopic) // the station's figures are the same for everyone
    expect((await stats(legalB)).perOfficer).toEqual([all.perOfficer[0]])
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

  it('messages per Bangkok month and kind: pushes (quota) and replies (free), for the months of the range', async () => {
    const c = await stats(supervisor)
    expect(c.pushesPerMonth).toEqual([
      { month: '2026-02', kind: 'station_group', pushes: 1, replies: 0 },
      { month: '2026-03', kind: 'chat', pushes: 1, replies: 1 },
      { month: '2026-03', kind: 'consultation', pushes: 1, replies: 0 },
      { month: '2026-03', kind: 'lost_document', pushes: 1, replies: 0 },
    ])
  })

  it('a month older than the outbox keeps its rows still shows once retention has deleted them', async () => {
    const report = await s.deps.privacy.retention.run(new Date('2026-12-03T05:00:00Z'))
    expect(report.outbound_messages).toBeGreaterThanOrEqual(delivered.length)
    const left = await s.db.db
      .select({ id: outboundMessages.id })
      .from(outboundMessages)
      .where(inArray(outboundMessages.id, delivered))
    expect(left).toEqual([])
    const c = await stats(supervisor, '?from=2026-01-01&to=2026-03-05')
    expect(c.pushesPerMonth).toEqual([
      { month: '2026-01', kind: 'chat', pushes: 1, replies: 0 },
      { month: '2026-01', kind: 'consultation', pushes: 1, replies: 0 },
      { month: '2026-02', kind: 'station_group', pushes: 1, replies: 0 },
      { month: '2026-03', kind: 'chat', pushes: 1, replies: 1 },
      { month: '2026-03', kind: 'consultation', pushes: 1, replies: 0 },
      { month: '2026-03', kind: 'lost_document', pushes: 1, replies: 0 },
    ])
  })
})

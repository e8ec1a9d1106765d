import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eraseCitizen } from '../../../bot/privacy/erasure.js'
import {
  caseEvents,
  cases,
  citizens,
  consultationAnswerOutcomes,
  consultationAnswers,
  consultations,
} from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { citizenOf, insertConsultation } from './fixtures-settings.js'

// Issue #12, point 8: a consultation is personal data. The citizen's export carries it (thread decrypted, summary,
// rating and comment); erasure and retention remove its texts and keep what the counts need; common-answer outcomes
// hold nothing personal and stay.
const DAY = 86_400_000
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000)
const ago = (days: number) => new Date(NOW.getTime() - days * DAY)

const QUESTION = 'ถูกหลอกโอนเงิน 5,000 บาท ให้บัญชี 123-4-56789-0 ทำอย่างไรดีครับ'
const ANSWER = 'โทรแจ้งธนาคารเพื่อระงับบัญชีปลายทางก่อนครับ'
const SUMMARY = 'แนะนำให้แจ้งความที่ thaipoliceonline.go.th'
const COMMENT = 'ขอบคุณคุณตำรวจสมชายมากครับ'

let s: Stack
beforeAll(async () => {
  s = await startStack({ worker: false })
})
afterAll(async () => {
  await s?.close()
})

async function consultationOf(citizenId: string, closedDaysAgo = 1) {
  const officer = await signInOfficer(s.db.db, { role: 'legal_advisor' })
  const opened = ago(closedDaysAgo + 1)
  return insertConsultation(s, {
    citizenId,
    topic: 'scam',
    openedAt: opened,
    firstResponseAt: new Date(opened.getTime() + 600_000),
    assigneeId: officer.id,
    thread: [
      { from: 'citizen', text: QUESTION, at: opened },
      { from: 'officer', text: ANSWER, at: new Date(opened.getTime() + 600_000), officerId: officer.id },
    ],
    closed: { at: ago(closedDaysAgo), by: 'officer', summary: SUMMARY },
    rating: { value: 5, comment: COMMENT, at: ago(closedDaysAgo) },
  })
}

async function outcomeFor(caseId: string, stationId: string) {
  const [answer] = await s.db.db.select().from(consultationAnswers).limit(1)
  const [row] = await s.db.db
    .insert(consultationAnswerOutcomes)
    .values({ stationId, topic: 'scam', answerIds: [answer?.id ?? ''], sufficed: false, caseId })
    .returning()
  return row
}

async function consultationRow(caseId: string) {
  const [row] = await s.db.db.select().from(consultations).where(eq(consultations.caseId, caseId))
  return row
}

describe("the citizen's export", () => {
  it('JSON and the readable page carry each consultation: number, topic, dates, the thread, summary, rating', async () => {
    const { citizen, userId } = await citizenOf(s, 'นายส่งออก ปรึกษา')
    const c = await consultationOf(citizen.id)
    const get = (format: string) =>
      s.app.inject({
        method: 'GET',
        url: `/api/liff/me/export?format=${format}`,
        headers: { authorization: `Bearer ${s.emulator.issueIdToken(userId)}` },
      })
    const json = await get('json')
    expect(json.statusCode, json.body).toBe(200)
    const [k] = JSON.parse(json.rawPayload.toString('utf8')).consultations
    expect(k).toMatchObject({
      referenceNumber: c.referenceNumber,
      topic: 'scam',
      closedBy: 'officer',
      closingSummary: SUMMARY,
      rating: 5,
      ratingComment: COMMENT,
      thread: [
        { from: 'citizen', text: QUESTION },
        { from: 'station', text: ANSWER },
      ],
    })
    expect(c.referenceNumber).toMatch(/^RYG-CON-25\d\d-\d{6}$/)

    const html = (await get('html')).body
    for (const words of ['การปรึกษาเจ้าหน้าที่', 'Your consultations', 'ถูกหลอกลวง', QUESTION, ANSWER, COMMENT, '5/5']) {
      expect(html, words).toContain(words)
    }
  })
})

describe('erasure and retention', () => {
  it("erasing a citizen removes the consultation's texts, keeps topic, dates and rating, and the outcomes", async () => {
    const { citizen } = await citizenOf(s, 'นางลบ ปรึกษา')
    const c = await consultationOf(citizen.id)
    const outcome = await outcomeFor(c.id, c.stationId)
    const removed = await s.db.db.transaction((tx) => eraseCitizen(tx, citizen, s.deps.privacy.parts, NOW))
    expect(removed).toMatchObject({ consultations: 1, cases: 1 })

    const k = await consultationRow(c.id)
    expect(k).toMatchObject({ closingSummaryEnc: null, ratingCommentEnc: null, rating: 5, topic: 'scam' })
    expect(k?.closedAt).not.toBeNull()
    const events = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id))
    expect(
      events.filter((e) => e.type.startsWith('message_')).every((e) => e.bodyEnc === null && e.body === null),
    ).toBe(true)
    const [kept] = await s.db.db.select().from(cases).where(eq(cases.id, c.id))
    expect(kept).toMatchObject({ citizenId: null, referenceNumber: c.referenceNumber, status: 'closed' })
    const [o] = await s.db.db
      .select()
      .from(consultationAnswerOutcomes)
      .where(eq(consultationAnswerOutcomes.id, outcome?.id ?? 0))
    expect(o).toMatchObject({ sufficed: false, caseId: c.id })
    const [tomb] = await s.db.db.select().from(citizens).where(eq(citizens.id, citizen.id))
    expect(tomb?.displayName).toBeNull()
  })

  it("the retention job purges consultations closed past the station's period, not the recent ones", async () => {
    const { citizen } = await citizenOf(s, 'นายเก่า ปรึกษา')
    const old = await consultationOf(citizen.id, 400) // the station keeps 365 days by default
    const recent = await consultationOf(citizen.id, 10)
    const report = await s.deps.privacy.retention.run(NOW)
    expect(report.consultations).toBeGreaterThanOrEqual(1)
    expect(await consultationRow(old.id)).toMatchObject({ closingSummaryEnc: null, ratingCommentEnc: null, rating: 5 })
    const fresh = await consultationRow(recent.id)
    expect(fresh?.closingSummaryEnc && s.deps.cipher.decrypt(fresh.closingSummaryEnc)).toBe(SUMMARY)
    expect(fresh?.ratingCommentEnc && s.deps.cipher.decrypt(fresh.ratingCommentEnc)).toBe(COMMENT)
    const [oldCase] = await s.db.db.select().from(cases).where(eq(cases.id, old.id))
    expect(oldCase?.personalDataPurgedAt).not.toBeNull()
  })
})
